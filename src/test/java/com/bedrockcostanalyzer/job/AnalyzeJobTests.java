package com.bedrockcostanalyzer.job;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.CorpusGenerator;
import com.bedrockcostanalyzer.testing.ExpectedTotals;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzeJobTests {

	private static final LocalDate FROM = LocalDate.of(2026, 10, 1);

	private static final LocalDate TO = LocalDate.of(2026, 10, 6);

	@TempDir
	Path work;

	@Test
	void countsEveryModelAndPathExactlyAsGenerated() throws Exception {
		ExpectedTotals expected = new CorpusGenerator(
				new CorpusGenerator.Options(7, FROM, TO, 12, false, false, true))
			.write(this.work.resolve("logs"));

		Cli.Result result = analyze("run1");

		assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
		assertMatches(Cli.readReport(this.work.resolve("run1")), expected);
	}

	@Test
	void rejectsBadLinesWithTheirLocationAndCountsEverythingAround() throws Exception {
		ExpectedTotals expected = new CorpusGenerator(new CorpusGenerator.Options(11, FROM, TO, 12, true, true, false))
			.write(this.work.resolve("logs"));

		Cli.Result result = analyze("run1");

		assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
		JsonNode report = Cli.readReport(this.work.resolve("run1"));
		assertMatches(report, expected);
		assertThat(report.get("rejects").get("count").asLong()).as(report.get("rejects").toString()).isEqualTo(expected.rejects());
		assertThat(report.get("rejects").get("byReason").propertyNames())
			.contains("input.inputTokenCount is not a whole number", "input.inputTokenCount is negative",
					"timestamp is not an RFC 3339 date-time",
					"gzip stream is truncated or corrupt; the rest of the file cannot be read");
		JsonNode sample = report.get("rejects").get("samples").get(0);
		assertThat(sample.get("location").asString()).contains("BedrockModelInvocationLogs").containsPattern("line \\d+");
	}

	@Test
	void secondRunCountsNothingAgainAndGivesTheSameTotals() throws Exception {
		ExpectedTotals expected = new CorpusGenerator(new CorpusGenerator.Options(3, FROM, TO, 8, true, true, true))
			.write(this.work.resolve("logs"));

		assertThat(analyze("run1").exitCode()).isEqualTo(3);
		assertThat(analyze("run2").exitCode()).isEqualTo(3);

		JsonNode first = Cli.readReport(this.work.resolve("run1"));
		JsonNode second = Cli.readReport(this.work.resolve("run2"));
		assertMatches(second, expected);
		assertThat(second.get("totals")).isEqualTo(first.get("totals"));
		assertThat(second.get("rejects").get("count")).isEqualTo(first.get("rejects").get("count"));
	}

	@Test
	void overlappingWindowsAddUpToTheWholeWindow() throws Exception {
		ExpectedTotals expected = new CorpusGenerator(new CorpusGenerator.Options(5, FROM, TO, 8, false, false, true))
			.write(this.work.resolve("logs"));

		assertThat(analyze("first-days", "--from", "2026-10-01", "--to", "2026-10-03").exitCode()).isZero();
		assertThat(analyze("middle", "--from", "2026-10-02", "--to", "2026-10-05").exitCode()).isZero();
		assertThat(analyze("all", "--from", FROM.toString(), "--to", TO.toString()).exitCode()).isZero();

		assertMatches(Cli.readReport(this.work.resolve("all")), expected);
	}

	private Cli.Result analyze(String out, String... window) {
		String[] range = window.length > 0 ? window : new String[] { "--from", FROM.toString(), "--to", TO.toString() };
		String[] args = new String[4 + range.length];
		args[0] = "--source";
		args[1] = this.work.resolve("logs").toString();
		args[2] = "--out";
		args[3] = this.work.resolve(out).toString();
		System.arraycopy(range, 0, args, 4, range.length);
		return Cli.analyze(this.work, args);
	}

	static void assertMatches(JsonNode report, ExpectedTotals expected) {
		Map<String, ExpectedTotals.Counts> actual = new TreeMap<>();
		for (JsonNode row : report.get("usage")) {
			ExpectedTotals.Counts c = actual.computeIfAbsent(
					row.get("model").asString() + " | " + row.get("path").asString(), (k) -> new ExpectedTotals.Counts());
			c.requests += row.get("requests").asLong();
			c.errors += row.get("errors").asLong();
			c.input += row.get("inputTokens").asLong();
			c.output += row.get("outputTokens").asLong();
			c.cacheRead += row.get("cacheReadInputTokens").asLong();
			c.cacheWrite5m += row.get("cacheWrite5mInputTokens").asLong();
			c.cacheWrite1h += row.get("cacheWrite1hInputTokens").asLong();
		}
		assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.byModelAndPath().keySet());
		expected.byModelAndPath()
			.forEach((key, counts) -> assertThat(actual.get(key)).as(key)
				.usingRecursiveComparison()
				.isEqualTo(counts));
		JsonNode totals = report.get("totals");
		ExpectedTotals.Counts total = expected.total();
		assertThat(totals.get("requests").asLong()).isEqualTo(total.requests);
		assertThat(totals.get("inputTokens").asLong()).isEqualTo(total.input);
		assertThat(totals.get("cacheWriteInputTokens").asLong()).isEqualTo(total.cacheWrite5m + total.cacheWrite1h);
		assertThat(new BigDecimal(totals.get("cost").asString())).isPositive();
	}

}
