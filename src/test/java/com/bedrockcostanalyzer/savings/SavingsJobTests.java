package com.bedrockcostanalyzer.savings;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import tools.jackson.databind.JsonNode;

import static com.bedrockcostanalyzer.testing.InvocationRecords.at;
import static com.bedrockcostanalyzer.testing.InvocationRecords.bodyJson;
import static com.bedrockcostanalyzer.testing.InvocationRecords.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A corpus with planted opportunities of known size, run through the whole job. Expected
 * savings are worked out by hand from the published rates (USD per 1M tokens); the month
 * is 30.4375 days, so a 10-day window scales by 3.04375.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SavingsJobTests {

	private static final LocalDate FROM = LocalDate.of(2026, 10, 1);

	private static final int DAYS = 10;

	private static final BigDecimal MONTH = new BigDecimal("3.04375");

	/**
	 * 20,000 characters of a system prompt that every support-chat request sends first.
	 */
	static final String SUPPORT_PROMPT = "You are the support assistant of Example Corp. ".repeat(430)
		.substring(0, 20_000);

	@TempDir
	static Path work;

	private JsonNode report;

	private String console;

	@BeforeAll
	void analysePlantedCorpus() throws IOException {
		Path logs = Files.createDirectories(work.resolve("logs"));
		for (int day = 0; day < DAYS; day++) {
			LocalDate date = FROM.plusDays(day);
			List<String> lines = new ArrayList<>();
			// A nightly job on Nova Pro: 2,000 records between 01:00 and 01:34, a service
			// role, no streaming.
			for (int i = 0; i < 2000; i++) {
				lines.add(record(at(date, 3600 + i), "Converse", "amazon.nova-pro-v1:0",
						"arn:aws:sts::111111111111:assumed-role/NightlyReportRole/run", "nightly-report", null, 2000,
						800, 0, 0));
			}
			// A support chat re-sending a long system prompt every two minutes, 09:00 to
			// 17:00, streamed to people.
			for (int i = 0; i < 240; i++) {
				lines.add(record(at(date, 9 * 3600 + i * 120), "ConverseStream",
						"us.anthropic.claude-sonnet-4-5-20250929-v1:0",
						"arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_Support_1/agent@example.com",
						"support-chat", SUPPORT_PROMPT, 5200, 100 + (i * 37) % 800, 0, 0));
			}
			// A classifier on Opus 4.6 (people call it): long input, a one-word answer.
			for (int i = 0; i < 3000; i++) {
				lines.add(record(at(date, i * 28), "InvokeModel", "global.anthropic.claude-opus-4-6-v1",
						"arn:aws:iam::111111111111:user/analyst", "ticket-classifier", null, 800, 5, 0, 0));
			}
			// Long reports on Opus: never offered routing.
			for (int i = 0; i < 10; i++) {
				lines.add(record(at(date, 12 * 3600 + i * 600), "InvokeModel", "global.anthropic.claude-opus-4-6-v1",
						"arn:aws:iam::111111111111:user/analyst", "analyst-reports", null, 800, 2000, 0, 0));
			}
			// A chat that already caches: never told to enable caching.
			for (int i = 0; i < 50; i++) {
				lines.add(record(at(date, 10 * 3600 + i * 60), "Converse",
						"global.anthropic.claude-haiku-4-5-20251001-v1:0", "arn:aws:iam::111111111111:user/dev",
						"cached-chat", SUPPORT_PROMPT, 100, 300, 5000, 100));
			}
			Files.write(logs.resolve(date + ".json"), lines);
		}
		Cli.Result result = Cli.analyze(work, "--source", logs.toString(), "--from", FROM.toString(), "--to",
				FROM.plusDays(DAYS).toString(), "--out", work.resolve("out").toString());
		assertThat(result.exitCode()).as(result.err()).isZero();
		this.report = Cli.readReport(work.resolve("out"));
		this.console = result.out();
	}

	@Test
	void proposesBatchForTheNightlyJobAndCountsFlexOnTheSameTrafficOnlyOnce() {
		// Window: 20,000 x (2,000 x $0.80 + 800 x $3.20) / 1M = $83.20; batch is half:
		// $41.60 a window.
		JsonNode batch = find("BATCH", "nightly-report");
		assertThat(money(batch, "currentCost")).isEqualByComparingTo(new BigDecimal("83.20").multiply(MONTH));
		assertThat(money(batch, "savings")).isEqualByComparingTo(new BigDecimal("41.60").multiply(MONTH));
		assertThat(batch.get("confidence").asString()).isEqualTo("MEDIUM");
		assertThat(batch.get("evidence").get("streamingShare").asDouble()).isZero();
		assertThat(batch.get("evidence").get("offHoursShare").asDouble()).isEqualTo(1.0);
		assertThat(batch.get("countedInHeadline").asBoolean()).isTrue();
		JsonNode flex = find("SERVICE_TIER", "nightly-report");
		assertThat(flex.get("countedInHeadline").asBoolean()).isFalse();
	}

	@Test
	void neverOffersBatchOrFlexToAStreamingChat() {
		assertThat(findAll("BATCH", "support-chat")).isEmpty();
		assertThat(findAll("SERVICE_TIER", "support-chat")).isEmpty();
	}

	@Test
	void estimatesCachingTheRepeatedSystemPromptWithFiveMinuteReplay() {
		// The prefix's tokens: its share of the request body times the request's 5,200
		// prompt tokens.
		// The prefix is the system value's JSON bytes, [{"text":"…"}]: 20,000 characters
		// and 12 of syntax; the body's
		// length differs by a byte or two with the question's number, so the estimate
		// does too (well under 0.1%).
		long bodyBytes = bodyJson(SUPPORT_PROMPT, "Question 100").length();
		double prefix = Math.floor(20_012.0 * 5_200 / bodyBytes);
		// Per day: the first request writes (the cache went cold overnight), the next 239
		// read within 2 minutes.
		// Geo Sonnet 4.5: input $3.30, 5-minute write $4.125, read $0.33 per 1M.
		double now = 2400 * prefix * 3.30e-6;
		double cached = 10 * prefix * 4.125e-6 + 2390 * prefix * 0.33e-6;
		JsonNode caching = find("PROMPT_CACHING", "support-chat");
		double expected = (now - cached) * 3.04375;
		assertThat(money(caching, "savings").doubleValue()).isCloseTo(expected, within(0.001 * expected));
		assertThat(caching.get("evidence").get("ttl").asString()).isEqualTo("5m");
		assertThat(caching.get("evidence").get("hitRate5m").asDouble()).isCloseTo(239.0 / 240, within(0.001));
		assertThat(caching.get("confidence").asString()).isEqualTo("MEDIUM");
	}

	@Test
	void neverTellsAPathThatAlreadyCachesToEnableCaching() {
		assertThat(findAll("PROMPT_CACHING", "cached-chat")).isEmpty();
	}

	@Test
	void proposesRoutingTheClassifierToTheCheaperSiblingWithItsQualityWarning() {
		// Opus 4.6 global $5 / $25 against Sonnet 4.6 global $3 / $15, 30,000 requests of
		// 800 in, 5 out:
		// (800 x 2 + 5 x 10) / 1M x 30,000 = $49.50 a window.
		JsonNode routing = find("MODEL_ROUTING", "ticket-classifier");
		assertThat(money(routing, "savings")).isEqualByComparingTo(new BigDecimal("49.50").multiply(MONTH));
		assertThat(routing.get("evidence").get("cheaperModel").asString()).isEqualTo("anthropic.claude-sonnet-4-6");
		assertThat(routing.get("action").asString()).contains("cost only — quality not verified");
		assertThat(routing.get("confidence").asString()).isEqualTo("LOW");
		assertThat(findAll("MODEL_ROUTING", "analyst-reports")).isEmpty();
	}

	@Test
	void addsEachPathOnceToTheHeadlineAndFoldsSmallSavings() throws IOException {
		BigDecimal counted = BigDecimal.ZERO;
		for (JsonNode o : this.report.get("opportunities")) {
			if (o.get("countedInHeadline").asBoolean() && !o.get("savings").isNull()) {
				counted = counted.add(new BigDecimal(o.get("savings").asString()));
			}
			assertThat(o.get("savings").isNull() || money(o, "savings").compareTo(BigDecimal.valueOf(25)) >= 0)
				.isTrue();
		}
		assertThat(money(this.report.get("savings"), "potentialMonthlySavings")).isEqualByComparingTo(counted);
		// The global profile would save only 10% of support-chat's geo price: under $25 a
		// month, so only in the CSV.
		assertThat(findAll("GLOBAL_PROFILE", "support-chat")).isEmpty();
		assertThat(Files.readString(work.resolve("out/opportunities.csv"))).contains("GLOBAL_PROFILE")
			.contains("support-chat");
		assertThat(Files.readString(work.resolve("out/report.md"))).contains("## Savings opportunities")
			.contains("MODEL_ROUTING")
			.doesNotContain("You are the support assistant");
	}

	@Test
	void printsTheHeadlineAndHowManySmallerSavingsOnlyTheCsvHolds() throws IOException {
		long folded;
		try (CSVParser csv = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(Files.newBufferedReader(work.resolve("out/opportunities.csv")))) {
			folded = csv.stream().filter((row) -> row.get("below_threshold").equals("true")).count();
		}
		assertThat(folded).as("the global profile of support-chat at least").isPositive();
		assertThat(this.console).contains("Potential savings: $"
				+ money(this.report.get("savings"), "potentialMonthlySavings").setScale(2, RoundingMode.HALF_EVEN)
				+ " a month (see the report; " + folded + " under $25.00 a month are only in opportunities.csv)");
	}

	private JsonNode find(String type, String path) {
		List<JsonNode> found = findAll(type, path);
		assertThat(found).as(type + " on " + path + " in " + this.report.get("opportunities")).hasSize(1);
		return found.get(0);
	}

	private List<JsonNode> findAll(String type, String path) {
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode o : this.report.get("opportunities")) {
			if (o.get("type").asString().equals(type) && o.get("path").asString().equals(path)) {
				found.add(o);
			}
		}
		return found;
	}

	private static BigDecimal money(JsonNode node, String field) {
		return new BigDecimal(node.get(field).asString());
	}

}
