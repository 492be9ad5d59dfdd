package com.bedrockcostanalyzer.job;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.ExpectedTotals;
import com.bedrockcostanalyzer.testing.HeadlessChromium;
import com.bedrockcostanalyzer.testing.SampleLogs;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command, as a newcomer runs it on the shipped {@code sample-logs/}:
 * the month's spend and the three savings its application was built to show, each checked
 * against the generator's token totals at the book's rates per 1M for Claude Sonnet 4.5 —
 * global 3 / 15, US geo 3.3 / 16.5 — where routing to Claude Haiku 4.5 (global 1 / 5)
 * costs exactly a third and batch exactly a half. Savings are per average month (30.4375
 * days) of the 31-day window.
 */
class QuickStartTests {

	private static final String SONNET = "anthropic.claude-sonnet-4-5-20250929-v1:0";

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	/** Both sides round the scaled month at the sixth decimal. */
	private static final org.assertj.core.data.Offset<BigDecimal> CENT_FRACTION = org.assertj.core.data.Offset
		.offset(new BigDecimal("0.000002"));

	@TempDir
	Path work;

	@Test
	void quickStartShowsThreeKindsOfSavingAboveTheThreshold() throws Exception {
		ExpectedTotals generated = SampleLogs.write(this.work.resolve("regenerated"));

		Cli.Result result = Cli.analyze(this.work, "--source", "sample-logs", "--month", "2026-10", "--out",
				this.work.resolve("out").toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		JsonNode report = Cli.readReport(this.work.resolve("out"));
		Map<String, JsonNode> shown = new HashMap<>();
		report.get("opportunities")
			.forEach((o) -> shown.put(o.get("type").asString() + " " + o.get("path").asString(), o));

		BigDecimal triage = cost(generated.of(SONNET, "ticket-triage"), "3", "15");
		JsonNode routing = shown.get("MODEL_ROUTING ticket-triage");
		assertThat(routing.get("currentCost").decimalValue()).isCloseTo(triage, CENT_FRACTION);
		assertThat(routing.get("savings").decimalValue()).isCloseTo(
				triage.multiply(BigDecimal.valueOf(2)).divide(BigDecimal.valueOf(3), 6, RoundingMode.HALF_EVEN),
				CENT_FRACTION);

		BigDecimal digest = cost(generated.of(SONNET, "nightly-digest"), "3.3", "16.5");
		JsonNode batch = shown.get("BATCH nightly-digest");
		assertThat(batch.get("currentCost").decimalValue()).isCloseTo(digest, CENT_FRACTION);
		assertThat(batch.get("savings").decimalValue()).isCloseTo(digest.divide(BigDecimal.valueOf(2)), CENT_FRACTION);
		// 200 calls a night for 31 nights, one run each.
		assertThat(batch.get("evidence").get("runs").asInt()).isEqualTo(31);
		assertThat(batch.get("evidence").get("meanRecordsPerRun").asDouble()).isEqualTo(200.0);

		BigDecimal support = cost(generated.of(SONNET, "support-assistant"), "3", "15");
		JsonNode caching = shown.get("PROMPT_CACHING support-assistant");
		// Only the repeated prefix's share of the input is repriced.
		assertThat(caching.get("currentCost").decimalValue()).isLessThan(support);
		assertThat(caching.get("evidence").get("requestsWithPrefix").asLong()).isEqualTo(323 * 31);
		// Cache reads cost a tenth of input: the saving is below nine tenths of the
		// input's cost.
		BigDecimal supportInput = cost(generated.of(SONNET, "support-assistant"), "3", "0");
		assertThat(caching.get("savings").decimalValue()).isGreaterThan(support.divide(BigDecimal.valueOf(2)))
			.isLessThan(supportInput.multiply(new BigDecimal("0.9")));

		for (JsonNode saving : new JsonNode[] { routing, batch, caching }) {
			assertThat(saving.get("countedInHeadline").asBoolean()).isTrue();
		}
		BigDecimal headline = report.get("savings").get("potentialMonthlySavings").decimalValue();
		assertThat(headline).isGreaterThanOrEqualTo(routing.get("savings")
			.decimalValue()
			.add(batch.get("savings").decimalValue())
			.add(caching.get("savings").decimalValue()));
		BigDecimal spend = report.get("totals").get("cost").decimalValue();
		assertThat(spend).isGreaterThan(support.add(triage)
			.add(digest)
			.multiply(BigDecimal.valueOf(31))
			.divide(new BigDecimal("30.4375"), 6, RoundingMode.HALF_EVEN));
		assertThat(result.out()).contains("Potential savings: $2,").contains("Top saving: PROMPT_CACHING");
		String html = Files.readString(this.work.resolve("out/report.html"));
		assertThat(html).contains("PROMPT_CACHING").contains("MODEL_ROUTING").contains("BATCH");
		// The README's picture of the report (docs/report.png is a copy of it).
		String chromium = HeadlessChromium.find();
		if (chromium != null) {
			Path png = Path.of("target", "quick-start-report.png");
			assertThat(HeadlessChromium.screenshot(chromium, this.work,
					this.work.resolve("out/report.html").toUri().toString(), png, 1280, 1500))
				.isTrue();
			assertThat(png).isNotEmptyFile();
		}
	}

	/** The traffic's cost per average month. */
	private static BigDecimal cost(ExpectedTotals.Counts counts, String input, String output) {
		return BigDecimal.valueOf(counts.input)
			.multiply(new BigDecimal(input))
			.add(BigDecimal.valueOf(counts.output).multiply(new BigDecimal(output)))
			.multiply(new BigDecimal("30.4375"))
			.divide(MILLION.multiply(BigDecimal.valueOf(31)), 6, RoundingMode.HALF_EVEN);
	}

}
