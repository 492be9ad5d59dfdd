package com.bedrockcostanalyzer.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.bedrockcostanalyzer.aggregate.CountedRequests;
import com.bedrockcostanalyzer.aggregate.DailyUsage;
import com.bedrockcostanalyzer.aggregate.InputLedger;
import com.bedrockcostanalyzer.aggregate.UsageStore;
import com.bedrockcostanalyzer.alerts.AlertsSection;
import com.bedrockcostanalyzer.alerts.Anomalies;
import com.bedrockcostanalyzer.alerts.BudgetProperties;
import com.bedrockcostanalyzer.alerts.Notices;
import com.bedrockcostanalyzer.alerts.NotifyProperties;
import com.bedrockcostanalyzer.ledger.SavingsLedger;
import com.bedrockcostanalyzer.lifecycle.LifecycleNotices;
import com.bedrockcostanalyzer.pricing.PriceBookLoader;
import com.bedrockcostanalyzer.pricing.ProvisionedBook;
import com.bedrockcostanalyzer.pricing.ReservedBook;
import com.bedrockcostanalyzer.report.AnalysisReport;
import com.bedrockcostanalyzer.report.ReportBuilder.SourceInput;
import com.bedrockcostanalyzer.report.FocusProperties;
import com.bedrockcostanalyzer.report.ReportBuilder;
import com.bedrockcostanalyzer.report.ReportNotices;
import com.bedrockcostanalyzer.report.ReportWriter;
import com.bedrockcostanalyzer.report.RunSummary;
import com.bedrockcostanalyzer.savings.SavingsProperties;
import com.bedrockcostanalyzer.savings.StoredProfile;
import com.bedrockcostanalyzer.source.InputSources;
import com.bedrockcostanalyzer.usage.Window;

/**
 * Prices the stored aggregates of the run's sources and window and writes the report
 * files.
 */
class ReportTasklet implements Tasklet {

	static final String REJECTS_KEY = "bca.rejects";

	static final String SPEND_KEY = "bca.spend";

	static final String SAVINGS_KEY = "bca.savings";

	static final String TOP_SAVING_KEY = "bca.topSaving";

	static final String FLAGS_KEY = "bca.flags";

	static final String BILL_KEY = "bca.bill";

	static final String COVERAGE_KEY = "bca.coverage";

	static final String DUPLICATES_KEY = "bca.duplicates";

	private final AnalysisRequest request;

	private final InputSources sources;

	private final UsageStore store;

	private final InputLedger ledger;

	private final CountedRequests requests;

	private final String version;

	private final SavingsProperties savings;

	private final BillAttribution attribution;

	private final LifecycleNotices lifecycleNotices;

	private final FollowUp followUp;

	/**
	 * What follows from the report: the budgets and thresholds the nightly job judges by,
	 * where its findings are kept to be told, and the savings ledger.
	 */
	record FollowUp(BudgetProperties budgets, NotifyProperties notifications, Notices notices,
			SavingsLedger savingsLedger, FocusProperties focus) {
	}

	/**
	 * How the bill's lines are charged back: a caller ARN's path, as the logs name it,
	 * and the tag keys to split by.
	 */
	record BillAttribution(UnaryOperator<String> callerPath, List<String> tagKeys) {
	}

	ReportTasklet(AnalysisRequest request, InputSources sources, UsageStore store, InputLedger ledger,
			CountedRequests requests, String version, SavingsProperties savings, BillAttribution attribution,
			LifecycleNotices lifecycleNotices, FollowUp followUp) {
		this.attribution = attribution;
		this.lifecycleNotices = lifecycleNotices;
		this.followUp = followUp;
		this.requests = requests;
		this.savings = savings;
		this.request = request;
		this.sources = sources;
		this.store = store;
		this.ledger = ledger;
		this.version = version;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		Window window = this.request.reportWindow();
		List<Long> sourceIds = new ArrayList<>();
		List<SourceInput> sourceInputs = new ArrayList<>();
		for (String source : this.request.sources()) {
			String name = this.sources.canonicalName(source);
			long id = this.store.sourceId(name);
			sourceIds.add(id);
			sourceInputs.add(new SourceInput(name, this.ledger.unitsRead(List.of(id), window)));
		}
		ReportBuilder builder = new ReportBuilder(new PriceBookLoader().load(this.request.prices()), this.version,
				this.request.discounts(), this.request.displayCurrency(), this.savings,
				ProvisionedBook.load(this.request.prices()), ReservedBook.load(this.request.prices()));
		List<DailyUsage> daily = this.store.load(sourceIds, window);
		AnalysisReport.Builder sections = builder.sections(
				new ReportBuilder.Inputs(window, sourceInputs, daily, new StoredProfile(this.store, sourceIds, window),
						this.ledger.rejects(sourceIds, window), this.ledger.notes(sourceIds, window),
						this.requests.dropped(sourceIds, window), this.followUp.savingsLedger().dismissed()));
		LocalDate trendDay = this.request.trendDay();
		if (trendDay != null) {
			// The four weeks before the day, or the month so far if longer: read once for
			// the day-over-day tables and the alerts.
			LocalDate from = trendDay.minusDays(Anomalies.BASELINE_DAYS);
			from = from.isBefore(trendDay.withDayOfMonth(1)) ? from : trendDay.withDayOfMonth(1);
			List<DailyUsage> history = this.store.load(sourceIds, new Window(from, trendDay.plusDays(1)));
			sections.dayOverDay(builder.dayOverDay(trendDay, this.request.jumpPercent(), history));
			sections.alerts(alerts(builder, sourceIds, trendDay, history));
		}
		AnalysisReport report = sections.build();
		report = sections.savingsLedger(builder.ledger(this.followUp.savingsLedger(), report.allOpportunities(),
				sourceInputs.stream().map(SourceInput::name).toList(), window, daily,
				(days) -> this.store.load(sourceIds, days)))
			.build();
		if (trendDay != null) {
			// The nightly digest names a model the first night its end of life is near.
			report = sections
				.lifecycle(this.lifecycleNotices.notice(report.lifecycle(),
						LocalDate.ofInstant(report.generatedAt(), java.time.ZoneOffset.UTC)))
				.build();
		}
		if (!this.request.curFiles().isEmpty()) {
			// The bill is set beside the spend the report gives each path and tag: priced
			// once.
			report = sections
				.reconciliation(builder.reconcile(this.request.curFiles().stream().map(Path::of).toList(), window,
						daily, this.attribution.callerPath(), this.attribution.tagKeys(), report))
				.build();
		}
		if (trendDay != null || report.reconciliation() != null) {
			// Kept in this step's transaction: what is told is what the report says.
			this.followUp.notices().record(ReportNotices.of(report));
		}
		try {
			new ReportWriter(this.followUp.focus().accountId()).write(report, this.request.out());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the report to " + this.request.out(), ex);
		}
		var context = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
		context.putLong(REJECTS_KEY, report.rejects().count());
		context.putString(SPEND_KEY, report.totals().cost().toPlainString());
		context.putString(SAVINGS_KEY, RunSummary.savings(report));
		putIfPresent(context, TOP_SAVING_KEY, RunSummary.topSaving(report));
		List<String> flags = RunSummary.flags(report);
		putIfPresent(context, FLAGS_KEY, flags.isEmpty() ? null : String.join("\n", flags));
		putIfPresent(context, BILL_KEY, RunSummary.bill(report));
		putIfPresent(context, COVERAGE_KEY, RunSummary.coverage(report));
		putIfPresent(context, DUPLICATES_KEY, RunSummary.duplicates(report));
		return RepeatStatus.FINISHED;
	}

	/**
	 * The nightly day against each path's and model's own four weeks, and the month so
	 * far against the budgets.
	 */
	private AlertsSection alerts(ReportBuilder builder, List<Long> sourceIds, LocalDate day, List<DailyUsage> history) {
		Map<String, Map<String, LocalDate>> firstDays = new HashMap<>();
		for (String column : List.of("path", "model", "region")) {
			firstDays.put(column, this.store.firstDays(sourceIds, column));
		}
		return builder.alerts(day, history, firstDays, this.followUp.budgets(),
				this.followUp.notifications().newSpenderThreshold());
	}

	private static void putIfPresent(ExecutionContext context, String key, String value) {
		if (value != null) {
			context.putString(key, value);
		}
	}

}
