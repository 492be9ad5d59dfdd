package com.bedrockcostanalyzer.job;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the bill charges beyond the standard per-token rates, read from invocation logs
 * and priced end to end: long context (the whole request at the long-context rates once
 * its input passes the model's threshold) and latency-optimized inference. Expected
 * dollars are worked out by hand from the published rates.
 */
class PricingDimensionsTests {

	private static final String SONNET_45 = "global.anthropic.claude-sonnet-4-5-20250929-v1:0";

	@TempDir
	Path work;

	@Test
	void pricesARequestAboveTheLongContextThresholdWholeAtTheLongContextRates() throws Exception {
		List<String> day = new ArrayList<>();
		// 4 x (250K x 6 + 1K x 22.5) per 1M = 4 x 1.5225 = 6.09 (global long-context
		// rates)
		for (int i = 0; i < 4; i++) {
			day.add(record("10:0" + i, SONNET_45, "chat", 250_000, 0, 1_000, ""));
		}
		// 4 x (100K x 3 + 1K x 15) per 1M = 4 x 0.315 = 1.26 (standard rates)
		for (int i = 0; i < 4; i++) {
			day.add(record("11:0" + i, SONNET_45, "summaries", 100_000, 0, 1_000, ""));
		}
		// 150K uncached + 60K cache read = 210K > 200K: 150K x 6 + 60K x 0.6 + 1K x 22.5
		// = 0.9 + 0.036 + 0.0225
		day.add(record("12:00", SONNET_45, "cached", 150_000, 60_000, 1_000, ""));

		JsonNode report = analyze(day);

		assertThat(cost(report, "chat")).isEqualByComparingTo("6.09");
		assertThat(cost(report, "summaries")).isEqualByComparingTo("1.26");
		assertThat(cost(report, "cached")).isEqualByComparingTo("0.9585");
		assertThat(row(report, "chat").get("context").asString()).isEqualTo("long");
		assertThat(row(report, "summaries").get("context").asString()).isEqualTo("standard");
		assertThat(report.get("totals").get("cost").decimalValue()).isEqualByComparingTo("8.3085");
		// The batch what-if of long-context traffic is not invented: no long-context
		// batch rate is published.
		assertThat(row(report, "chat").get("costByMode").get("batch").isNull()).isTrue();
	}

	@Test
	void pricesLatencyOptimizedInferenceAtItsOwnRatesFromEitherPlaceTheLogCarriesIt() throws Exception {
		String haiku = "us.anthropic.claude-3-5-haiku-20241022-v1:0";
		// 500K x 1 + 100K x 5 per 1M = 1.00 each (latency-optimized; standard would be
		// 0.40 + 0.40 = 0.80)
		JsonNode report = analyze(List.of(
				record("10:00", haiku, "top-level", 500_000, 0, 100_000,
						",\"performanceConfig\":{\"latency\":\"optimized\"}"),
				recordWithRequestBody("10:01", haiku, "in-request", 500_000, 100_000,
						"{\"messages\":[],\"performanceConfig\":{\"latency\":\"optimized\"}}"),
				// Asked for, but the log says it was served at standard latency (quota
				// exhausted): billed standard.
				record("10:02", haiku, "fell-back", 500_000, 0, 100_000,
						",\"performanceConfig\":{\"latency\":\"standard\"}",
						"{\"messages\":[]," + "\"performanceConfig\":{\"latency\":\"optimized\"}}")));

		assertThat(cost(report, "top-level")).isEqualByComparingTo("1.00");
		assertThat(cost(report, "in-request")).isEqualByComparingTo("1.00");
		assertThat(row(report, "in-request").get("tier").asString()).isEqualTo("latency-optimized");
		assertThat(cost(report, "fell-back")).isEqualByComparingTo("0.80");
		assertThat(row(report, "fell-back").get("tier").asString()).isEqualTo("standard");
	}

	@Test
	void reconcilesTheLongContextAndLatencyOptimizedUsageTypesOfTheBill() throws Exception {
		// In-Region this time: the bill's Marketplace usage types name a geo profile with
		// _Geo.
		String haiku = "anthropic.claude-3-5-haiku-20241022-v1:0";
		List<String> day = List.of(record("10:00", SONNET_45, "chat", 250_000, 0, 1_000, ""), record("10:01", haiku,
				"fast", 500_000, 0, 100_000, ",\"performanceConfig\":{\"latency\":\"optimized\"}"));
		// The same usage as the bill spells it: 250K long-context global input at 6 and
		// 1K output at 22.5 per 1M,
		// and Haiku 3.5's latency-optimized 500K input at 1 and 100K output at 5 per 1M.
		Path cur = this.work.resolve("cur.csv");
		Files.writeString(cur,
				"""
						lineItem/LineItemType,lineItem/UsageStartDate,lineItem/ProductCode,product/ProductName,lineItem/UsageType,lineItem/UsageAmount,pricing/unit,lineItem/UnblendedCost
						Usage,2026-10-01T10:00:00Z,AmazonBedrock,Claude Sonnet 4.5 (Amazon Bedrock Edition),USE1-MP:USE1_InputTokenCount_LongContext_Global-Units,0.25,Units,1.50
						Usage,2026-10-01T10:00:00Z,AmazonBedrock,Claude Sonnet 4.5 (Amazon Bedrock Edition),USE1-MP:USE1_OutputTokenCount_LongContext_Global-Units,0.001,Units,0.0225
						Usage,2026-10-01T10:00:00Z,AmazonBedrock,Claude 3.5 Haiku (Amazon Bedrock Edition),USE1-MP:USE1_InputTokenCount_LatencyOptimized-Units,0.5,Units,0.50
						Usage,2026-10-01T10:00:00Z,AmazonBedrock,Claude 3.5 Haiku (Amazon Bedrock Edition),USE1-MP:USE1_OutputTokenCount_LatencyOptimized-Units,0.1,Units,0.50
						""");

		JsonNode report = analyze(day, "--cur", cur.toString());

		JsonNode reconciliation = report.get("reconciliation");
		assertThat(reconciliation.get("otherCharges")).isEmpty();
		assertThat(reconciliation.get("totals").get("deltaUsd").decimalValue()).isEqualByComparingTo("0");
		for (JsonNode row : reconciliation.get("rows")) {
			assertThat(row.get("finding").asString()).as(row.toString()).isEqualTo("matches");
		}
	}

	private JsonNode analyze(List<String> records, String... more) throws Exception {
		Path logs = Files.createDirectories(this.work.resolve("logs"));
		Files.writeString(logs.resolve("day.json"), String.join("\n", records) + "\n");
		List<String> args = new ArrayList<>(List.of("--source", logs.toString(), "--from", "2026-10-01", "--to",
				"2026-10-02", "--out", this.work.resolve("out").toString()));
		args.addAll(List.of(more));
		Cli.Result result = Cli.analyze(this.work, args.toArray(String[]::new));
		assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
		return Cli.readReport(this.work.resolve("out"));
	}

	private static String record(String time, String model, String path, long input, long cacheRead, long output,
			String extra) {
		return record(time, model, path, input, cacheRead, output, extra, null);
	}

	private static String recordWithRequestBody(String time, String model, String path, long input, long output,
			String requestBody) {
		return record(time, model, path, input, 0, output, "", requestBody);
	}

	private static String record(String time, String model, String path, long input, long cacheRead, long output,
			String extra, String requestBody) {
		return "{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"2026-10-01T" + time
				+ ":00Z\",\"accountId\":\"123456789012\",\"region\":\"us-east-1\",\"requestId\":\"r-" + path + time
				+ "\",\"operation\":\"Converse\",\"modelId\":\"" + model + "\",\"requestMetadata\":{\"path\":\"" + path
				+ "\"},\"input\":{" + (requestBody == null ? "" : "\"inputBodyJson\":" + requestBody + ",")
				+ "\"inputTokenCount\":" + input + ",\"cacheReadInputTokenCount\":" + cacheRead
				+ ",\"cacheWriteInputTokenCount\":0},\"output\":{\"outputTokenCount\":" + output + "}" + extra + "}";
	}

	private static JsonNode row(JsonNode report, String path) {
		for (JsonNode row : report.get("usage")) {
			if (row.get("path").asString().equals(path)) {
				return row;
			}
		}
		throw new AssertionError("no usage row for " + path + ": " + report.get("usage"));
	}

	private static BigDecimal cost(JsonNode report, String path) {
		return row(report, path).get("cost").decimalValue();
	}

}
