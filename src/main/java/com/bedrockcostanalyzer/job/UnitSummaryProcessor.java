package com.bedrockcostanalyzer.job;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.bedrockcostanalyzer.aggregate.DayRanges;
import com.bedrockcostanalyzer.aggregate.InputLedger;
import com.bedrockcostanalyzer.aggregate.UnitStatus;
import com.bedrockcostanalyzer.aggregate.UnitSummary;
import com.bedrockcostanalyzer.aggregate.UsageStore;
import com.bedrockcostanalyzer.pricing.ModelFacts;
import com.bedrockcostanalyzer.source.BatchOutputParser;
import com.bedrockcostanalyzer.source.InputSources;
import com.bedrockcostanalyzer.source.InputUnit;
import com.bedrockcostanalyzer.source.JsonDocumentReader;
import com.bedrockcostanalyzer.source.LogContent;
import com.bedrockcostanalyzer.source.NdjsonReader;
import com.bedrockcostanalyzer.source.SubscriptionEnvelopeReader;
import com.bedrockcostanalyzer.source.UnitFormat;
import com.bedrockcostanalyzer.source.UsageCsvReader;
import com.bedrockcostanalyzer.usage.LongContextRule;
import com.bedrockcostanalyzer.usage.NormalizedModel;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.UsageProperties;
import com.bedrockcostanalyzer.usage.Window;

/**
 * Streams one input unit into a summary of the days it still has to contribute. A unit
 * whose days are all counted is filtered out without being opened. Bad content becomes
 * rejects; an unreadable unit fails the chunk, so it is read again on the next run
 * instead of being marked as counted.
 */
class UnitSummaryProcessor implements ItemProcessor<InputUnit, UnitSummary> {

	private final AnalysisRequest request;

	private final InputSources sources;

	private final UsageStore store;

	private final InputLedger ledger;

	private final NdjsonReader logReader;

	private final SubscriptionEnvelopeReader envelopeReader;

	private final JsonDocumentReader documentReader;

	private final UsageCsvReader csvReader;

	private final UsageProperties usage;

	private final Progress progress;

	private final LongContextRule longContext;

	UnitSummaryProcessor(AnalysisRequest request, InputSources sources, UsageStore store, InputLedger ledger,
			NdjsonReader logReader, SubscriptionEnvelopeReader envelopeReader, JsonDocumentReader documentReader,
			UsageCsvReader csvReader, UsageProperties usage, Progress progress) {
		this.envelopeReader = envelopeReader;
		this.documentReader = documentReader;
		this.progress = progress;
		this.request = request;
		this.sources = sources;
		this.store = store;
		this.ledger = ledger;
		this.logReader = logReader;
		this.csvReader = csvReader;
		this.usage = usage;
		this.longContext = ModelFacts.load(request.prices())::longContextThreshold;
	}

	/**
	 * Batch outputs name neither model nor time: the model is the one configured for the
	 * job (the folder the file is in), the day is the file's date and the Region the
	 * run's.
	 */
	private NdjsonReader batchOutputReader(InputUnit unit, UnitSummary summary) {
		String[] parts = unit.key().split("/");
		String jobId = parts.length >= 2 ? parts[parts.length - 2] : unit.key();
		String configured = this.usage.batchJobModels().get(jobId);
		NormalizedModel model = configured != null ? this.usage.modelIdNormalizer().normalize(configured)
				: new NormalizedModel("batch-job/" + jobId, Scope.REGIONAL, false);
		LocalDate day = unit.modified() != null ? LocalDate.ofInstant(unit.modified(), ZoneOffset.UTC)
				: this.request.window().from();
		summary.note("batch-inference output of job " + jobId + ": priced as " + model.model() + " on the batch tier"
				+ (configured == null ? " (no model configured: set bca.usage.batch-job-models[" + jobId + "])" : "")
				+ ", dated " + day + " by the file, Region " + this.request.defaultRegion());
		return new NdjsonReader(new BatchOutputParser(model, day, this.request.defaultRegion(), "batch-job/" + jobId),
				AnalyzeJobConfiguration.MAX_LINE_BYTES);
	}

	@Override
	public UnitSummary process(InputUnit unit) {
		UnitStatus status = this.ledger.status(this.store.sourceId(unit.source()), unit);
		Window window = this.request.window();
		DayRanges days = DayRanges.of(window.from(), window.to());
		if (status != null) {
			days = days.minus(status.covered());
		}
		// A unit never counted (only tried: it could not be read) has no content to
		// compare.
		boolean changed = status != null && !status.covered().isEmpty() && !status.version().equals(unit.version())
				&& !this.request.reprocess();
		if (days.isEmpty() && !changed) {
			this.progress.counted(1, unit.size(), 0);
			return null;
		}
		UnitSummary summary = new UnitSummary(unit, days, status == null ? null : status.unitId(), this.longContext);
		if (changed) {
			// Counting the new content would add to what the old content already added.
			summary.rejectUnit("content changed since it was counted (" + status.version() + ", now " + unit.version()
					+ "); it is not counted again unless asked with --reprocess");
			return summary;
		}
		return read(summary);
	}

	/**
	 * Reads the summary's unit into it. The writer calls it too, with an empty summary
	 * that leaves out invocations counted from other units: its way to drop copies, rare
	 * enough that reading twice costs less than keeping every record to take back.
	 */
	public UnitSummary read(UnitSummary summary) {
		InputUnit unit = summary.unit();
		boolean local = !this.sources.overNetwork(unit.source());
		String unreadable = local ? LocalReadability.problem(Path.of(unit.location())) : null;
		if (unreadable != null) {
			return unreadable(summary, unreadable);
		}
		try (InputStream in = this.sources.open(unit)) {
			switch (unit.format()) {
				case INVOCATION_LOG, UNKNOWN -> readLogs(unit, in, summary);
				case CSV -> this.csvReader.read(in, summary);
				case BATCH_OUTPUT -> batchOutputReader(unit, summary).read(in, summary);
			}
		}
		catch (IOException ex) {
			if (local) {
				// A local file that fails while read (permissions changed, a disk error)
				// will fail the same way on
				// the next run: reported and tried again then, instead of stopping every
				// run.
				return unreadable(summary, "cannot be read: " + LocalReadability.describe(ex));
			}
			// Over the network a failure is usually passing: the chunk fails and the next
			// run reads the unit again.
			throw new UncheckedIOException("cannot read " + unit.location(), ex);
		}
		return summary;
	}

	/**
	 * Logs by their content: records one a line (delivered by Bedrock, or exported from
	 * CloudWatch Logs), subscription envelopes (Firehose) or JSON documents (an Insights
	 * export, pretty-printed records). A file whose name says nothing and whose content
	 * is none of these is reported.
	 */
	private void readLogs(InputUnit unit, InputStream in, UnitSummary summary) throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
		LogContent content = LogContent.sniff(buffered);
		switch (content.kind()) {
			case ENVELOPES -> this.envelopeReader.read(buffered, summary);
			case DOCUMENTS -> this.documentReader.read(buffered, summary);
			case RECORDS -> this.logReader.read(buffered, summary);
			case OTHER -> {
				if (unit.format() == UnitFormat.UNKNOWN) {
					summary.rejectUnit("not a format the analyzer reads (" + content.description() + ")");
				}
				else {
					// Named as a log: read as one, so that each line says what is wrong
					// with it.
					this.logReader.read(buffered, summary);
				}
			}
		}
	}

	/**
	 * A fresh summary, without anything read before the failure: nothing of an unreadable
	 * unit counts.
	 */
	private UnitSummary unreadable(UnitSummary read, String reason) {
		UnitSummary failed = read.withoutRequests(Map.of());
		failed.unreadable(reason);
		return failed;
	}

}
