package com.bedrockcostanalyzer.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.cli.ExitCodes;
import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.CorpusGenerator;
import com.bedrockcostanalyzer.testing.DeliveredLayouts;
import com.bedrockcostanalyzer.testing.ExpectedTotals;
import com.bedrockcostanalyzer.testing.ReportAssertions;
import com.bedrockcostanalyzer.testing.SampleLogs;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same invocations as the logs reach people — a CloudWatch Logs export to S3,
 * Firehose objects of subscription envelopes — count exactly the generator's totals; a
 * file no reader knows is named in the report.
 */
class DeliveredLayoutsTests {

	private static final LocalDate FROM = LocalDate.of(2026, 10, 1);

	private static final LocalDate TO = LocalDate.of(2026, 10, 3);

	@TempDir
	Path work;

	@Test
	void countsACloudWatchLogsExportToS3AsTheDeliveredLogs() throws Exception {
		ExpectedTotals expected = corpus();
		// {prefix}/{exportTaskId}/{logStream}/00000N.gz
		int files = DeliveredLayouts.writeExport(DeliveredLayouts.records(this.work.resolve("logs")),
				this.work.resolve("export/exportedlogs/1f2e3d4c-task/aws/bedrock"));

		assertThat(files).isGreaterThan(1);
		assertCountsExactly("export", expected);
	}

	@Test
	void countsFirehoseObjectsOfSubscriptionEnvelopesAndSkipsControlMessages() throws Exception {
		ExpectedTotals expected = corpus();
		int objects = DeliveredLayouts.writeFirehose(DeliveredLayouts.records(this.work.resolve("logs")),
				this.work.resolve("firehose/2026/10/02/10"));

		assertThat(objects).isGreaterThan(1);
		assertCountsExactly("firehose", expected);
	}

	@Test
	void countsInsightsExportsInJsonAndCsvAndPrettyPrintedRecords() throws Exception {
		ExpectedTotals expected = corpus();
		List<String> records = DeliveredLayouts.records(this.work.resolve("logs"));
		Path exports = Files.createDirectories(this.work.resolve("insights"));
		int third = records.size() / 3;
		// Logs Insights "Export results": a JSON array of rows, and a CSV, the record in
		// @message; the rest
		// pretty-printed.
		DeliveredLayouts.writeInsightsJson(records.subList(0, third), exports.resolve("logs-insights-results.json"));
		DeliveredLayouts.writeInsightsCsv(records.subList(third, 2 * third),
				exports.resolve("logs-insights-results.csv"));
		DeliveredLayouts.writePretty(records.subList(2 * third, records.size()), exports.resolve("records.json"));

		assertThat(third).isPositive();
		assertCountsExactly("insights", expected);
	}

	@Test
	void countsTheSamplesPipelinesAsTheGeneratorWroteThemAndLeavesThemOutOfOctober() throws Exception {
		ExpectedTotals expected = SampleLogs.writePipelines(this.work.resolve("regenerated"));

		Cli.Result november = Cli.analyze(this.work, "--source", "sample-logs/pipelines", "--from", "2026-11-02",
				"--to", "2026-11-04", "--out", this.work.resolve("november").toString());
		Cli.Result october = Cli.analyze(this.work.resolve("october"), "--source", "sample-logs/pipelines", "--month",
				"2026-10", "--out", this.work.resolve("october-out").toString());

		assertThat(november.exitCode()).as(november.err()).isZero();
		ReportAssertions.assertMatches(Cli.readReport(this.work.resolve("november")), expected);
		assertThat(october.exitCode()).as(october.err()).isZero();
		assertThat(Cli.readReport(this.work.resolve("october-out")).get("totals").get("requests").asLong()).isZero();
	}

	@Test
	void namesAFileNoReaderKnowsAndCountsEverythingElse() throws Exception {
		ExpectedTotals expected = corpus();
		Path logs = this.work.resolve("logs");
		Files.writeString(logs.resolve("README"), "These are our Bedrock logs, copied on 2 October.\n");
		Files.write(logs.resolve("AWSLogs/chart"),
				new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d });

		Cli.Result result = analyze("logs");

		assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.DONE_WITH_REJECTS);
		JsonNode report = Cli.readReport(this.work.resolve("out"));
		ReportAssertions.assertMatches(report, expected);
		assertThat(report.get("rejects").get("byReason").get("not a format the analyzer reads (text)").asLong())
			.isEqualTo(1);
		assertThat(report.get("rejects").get("byReason").get("not a format the analyzer reads (binary data)").asLong())
			.isEqualTo(1);
		assertThat(report.get("rejects").toString()).contains("README").doesNotContain("copied on");
	}

	private ExpectedTotals corpus() throws IOException {
		return new CorpusGenerator(new CorpusGenerator.Options(47, FROM, TO, 6, false, false, false))
			.write(this.work.resolve("logs"));
	}

	/**
	 * The folder analysed on its own counts exactly the generator's totals, nothing
	 * rejected.
	 */
	private void assertCountsExactly(String folder, ExpectedTotals expected) {
		Cli.Result result = analyze(folder);
		assertThat(result.exitCode()).as(result.err()).isZero();
		ReportAssertions.assertMatches(Cli.readReport(this.work.resolve("out")), expected);
	}

	private Cli.Result analyze(String folder) {
		return Cli.analyze(this.work, "--source", this.work.resolve(folder).toString(), "--from", FROM.toString(),
				"--to", TO.toString(), "--out", this.work.resolve("out").toString());
	}

}
