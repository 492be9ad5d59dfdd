package com.bedrockcostanalyzer.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.bedrockcostanalyzer.reconcile.Reconciliation;
import com.bedrockcostanalyzer.report.AnalysisReport.UsageRow;
import com.bedrockcostanalyzer.savings.Opportunity;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a report's files: {@code report.json}, {@code report.md} and {@code usage.csv}.
 * Each file is written beside its final name and moved into place, so a reader never sees
 * half a report.
 */
public final class ReportWriter {

	public static final String JSON = "report.json";

	public static final String MARKDOWN = "report.md";

	public static final String HTML = "report.html";

	public static final String USAGE_CSV = "usage.csv";

	public static final String OPPORTUNITIES_CSV = "opportunities.csv";

	public static final String RECONCILIATION_CSV = "reconciliation.csv";

	public static final String CHARGEBACK_CSV = "chargeback.csv";

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private final String billingAccountId;

	public ReportWriter() {
		this("unknown");
	}

	/**
	 * A writer whose FOCUS export names this payer account.
	 * @param billingAccountId the payer account
	 */
	public ReportWriter(String billingAccountId) {
		this.billingAccountId = billingAccountId;
	}

	public void write(AnalysisReport report, Path folder) throws IOException {
		Files.createDirectories(folder);
		render(report, (name, content) -> writeAtomically(folder.resolve(name), content));
	}

	/**
	 * Renders each of the report's files and hands it over by name
	 * ({@link ReportPreinitializer} discards them).
	 */
	void render(AnalysisReport report, FileSink files) throws IOException {
		files.accept(JSON, (out) -> MAPPER.writeValue(out, report));
		files.accept(MARKDOWN, (out) -> out.write(new MarkdownReport(report).render()));
		files.accept(HTML, (out) -> out.write(new HtmlReport().render(report)));
		files.accept(USAGE_CSV, (out) -> writeUsageCsv(report.usage(),
				report.byTag().stream().map(AnalysisReport.TagBreakdown::tag).toList(), out));
		files.accept(OPPORTUNITIES_CSV,
				(out) -> writeOpportunitiesCsv(report.allOpportunities(), report.savings().thresholdUsd(), out));
		files.accept(FocusExport.FILE, (out) -> FocusExport.write(report.focus(), this.billingAccountId, out));
		Reconciliation reconciliation = report.reconciliation();
		if (reconciliation != null) {
			files.accept(RECONCILIATION_CSV, (out) -> writeReconciliationCsv(reconciliation.rows(), out));
			if (!reconciliation.chargeback().isEmpty()) {
				files.accept(CHARGEBACK_CSV, (out) -> writeChargebackCsv(reconciliation.chargeback(), out));
			}
		}
	}

	/** The bill per IAM principal and per chosen tag, for finance. */
	private static void writeChargebackCsv(List<Reconciliation.ChargebackRow> rows, Writer out) throws IOException {
		CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader("by", "name", "billed_usd", "logged_usd", "billed_minus_logged_usd")
					.setRecordSeparator("\n")
					.get());
		for (Reconciliation.ChargebackRow r : rows) {
			csv.printRecord(SafeText.csvText(r.by()), SafeText.csvText(r.name()), money(r.billedUsd()),
					money(r.loggedUsd()), money(r.differenceUsd()));
		}
		csv.flush();
	}

	/** Every (day, Region, model, tier, context, scope, token type) either side has. */
	private static void writeReconciliationCsv(List<Reconciliation.Row> rows, Writer out) throws IOException {
		CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader("day", "region", "model", "usage_type", "tier", "context", "scope", "token_type",
							"billed_tokens", "billed_usd", "logged_tokens", "priced_usd", "token_difference",
							"usd_difference", "finding")
					.setRecordSeparator("\n")
					.get());
		for (Reconciliation.Row r : rows) {
			csv.printRecord(r.day(), SafeText.csvText(r.region()), SafeText.csvText(r.model()),
					SafeText.csvText(r.usageType()), r.tier(), r.context(), r.scope(), r.tokenType(), r.billedTokens(),
					money(r.billedUsd()), r.loggedTokens(), money(r.pricedUsd()), r.tokenDelta(), money(r.usdDelta()),
					r.finding());
		}
		csv.flush();
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * The usage rows, with a {@code tag:KEY} column per profile tag the report breaks
	 * spend down by.
	 */
	private static void writeUsageCsv(List<UsageRow> rows, List<String> tagKeys, Writer out) throws IOException {
		List<String> header = new ArrayList<>(List.of("model", "scope", "region", "tier", "context", "path", "requests",
				"errors", "input_tokens", "output_tokens", "cache_read_input_tokens", "cache_write_5m_input_tokens",
				"cache_write_1h_input_tokens", "cost_usd", "list_cost_usd", "cost_on_demand_usd", "cost_batch_usd",
				"cost_flex_usd", "cost_priority_usd", "unpriced_reason"));
		tagKeys.forEach((key) -> header.add("tag:" + key));
		CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get());
		for (UsageRow row : rows) {
			List<Object> values = new ArrayList<>(List.of(SafeText.csvText(row.model()), row.scope(),
					SafeText.csvText(row.region()), row.tier(), row.context(), SafeText.csvText(row.path()),
					row.requests(), row.errors(), row.inputTokens(), row.outputTokens(), row.cacheReadInputTokens(),
					row.cacheWrite5mInputTokens(), row.cacheWrite1hInputTokens()));
			values.add(money(row.cost()));
			values.add(money(row.listCost()));
			values.add(money(row.costByMode().onDemand()));
			values.add(money(row.costByMode().batch()));
			values.add(money(row.costByMode().flex()));
			values.add(money(row.costByMode().priority()));
			values.add(SafeText.csvText(row.unpricedReason()));
			tagKeys.forEach((key) -> values.add(SafeText.csvText(row.tags().getOrDefault(key, ""))));
			csv.printRecord(values);
		}
		csv.flush();
	}

	/** Every opportunity, the small ones too, ranked by monthly saving. */
	private static void writeOpportunitiesCsv(List<Opportunity> opportunities, BigDecimal threshold, Writer out)
			throws IOException {
		CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
			.setHeader("type", "model", "path", "current_monthly_usd", "projected_monthly_usd", "savings_monthly_usd",
					"confidence", "counted_in_headline", "below_threshold", "action", "evidence")
			.setRecordSeparator("\n")
			.get());
		for (Opportunity o : opportunities) {
			csv.printRecord(o.type(), SafeText.csvText(o.model()), SafeText.csvText(o.path()), money(o.currentCost()),
					money(o.projectedCost()), money(o.savings()), o.confidence(), o.countedInHeadline(),
					o.savings() != null && o.savings().compareTo(threshold) < 0, SafeText.csvText(o.action()),
					SafeText.csvText(MAPPER.writeValueAsString(o.evidence()).replace("\n", " ")));
		}
		csv.flush();
	}

	/** Micro-dollar precision in files; the exact sums are kept until here. */
	static String money(@Nullable BigDecimal usd) {
		return usd == null ? "" : usd.setScale(6, RoundingMode.HALF_EVEN).toPlainString();
	}

	interface Content {

		void write(Writer out) throws IOException;

	}

	interface FileSink {

		void accept(String name, Content content) throws IOException;

	}

	private static void writeAtomically(Path target, Content content) throws IOException {
		Path temp = target.resolveSibling(target.getFileName() + ".tmp");
		try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
			content.write(out);
		}
		Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
