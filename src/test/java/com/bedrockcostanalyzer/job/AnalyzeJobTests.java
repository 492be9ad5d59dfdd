package com.bedrockcostanalyzer.job;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.CorpusGenerator;
import com.bedrockcostanalyzer.testing.ExpectedTotals;
import com.bedrockcostanalyzer.testing.LedgerAssertions;
import com.bedrockcostanalyzer.testing.ReportAssertions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzeJobTests {

	private static final LocalDate FROM = LocalDate.of(2026, 10, 1);

	private static final LocalDate TO = LocalDate.of(2026, 10, 6);

	@TempDir
	Path work;

	@Test
	void countsEveryModelAndPathExactlyAsGenerated() throws Exception {
		ExpectedTotals expected = new CorpusGenerator(new CorpusGenerator.Options(7, FROM, TO, 12, false, false, true))
			.write(this.work.resolve("logs"));

		Cli.Result result = analyze("run1");

		assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
		ReportAssertions.assertMatches(Cli.readReport(this.work.resolve("run1")), expected);
	}

	@Test
	void rejectsBadLinesWithTheirLocationAndCountsEverythingAround() throws Exception {
		ExpectedTotals expected = new CorpusGenerator(new CorpusGenerator.Options(11, FROM, TO, 12, true, true, false))
			.write(this.work.resolve("logs"));

		Cli.Result result = analyze("run1");

		assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
		JsonNode report = Cli.readReport(this.work.resolve("run1"));
		ReportAssertions.assertMatches(report, expected);
		assertThat(report.get("rejects").get("count").asLong()).as(report.get("rejects").toString())
			.isEqualTo(expected.rejects());
		assertThat(report.get("rejects").get("byReason").propertyNames()).contains(
				"input.inputTokenCount is not a whole number", "input.inputTokenCount is negative",
				"timestamp is not an RFC 3339 date-time",
				"gzip stream is truncated; the line it breaks off in is not counted");
		JsonNode sample = report.get("rejects").get("samples").get(0);
		assertThat(sample.get("location").asString()).contains("BedrockModelInvocationLogs")
			.containsPattern("line \\d+");
	}

	@Test
	void secondRunCountsNothingAgainAndGivesTheSameTotals() throws Exception {
		ExpectedTotals expected = new CorpusGenerator(new CorpusGenerator.Options(3, FROM, TO, 8, true, true, true))
			.write(this.work.resolve("logs"));

		assertThat(analyze("run1").exitCode()).isEqualTo(3);
		assertThat(analyze("run2").exitCode()).isEqualTo(3);

		JsonNode first = Cli.readReport(this.work.resolve("run1"));
		JsonNode second = Cli.readReport(this.work.resolve("run2"));
		ReportAssertions.assertMatches(second, expected);
		assertThat(second.get("totals")).isEqualTo(first.get("totals"));
		assertThat(second.get("rejects").get("count")).isEqualTo(first.get("rejects").get("count"));
		LedgerAssertions.assertEachFileReadOnce(
				"jdbc:h2:file:" + this.work.resolve("db").resolve("bca").toAbsolutePath(), "sa", "", expected, FROM,
				TO);
	}

	@Test
	void overlappingWindowsAddUpToTheWholeWindow() throws Exception {
		ExpectedTotals expected = new CorpusGenerator(new CorpusGenerator.Options(5, FROM, TO, 8, false, false, true))
			.write(this.work.resolve("logs"));

		assertThat(analyze("first-days", "--from", "2026-10-01", "--to", "2026-10-03").exitCode()).isZero();
		assertThat(analyze("middle", "--from", "2026-10-02", "--to", "2026-10-05").exitCode()).isZero();
		assertThat(analyze("all", "--from", FROM.toString(), "--to", TO.toString()).exitCode()).isZero();

		ReportAssertions.assertMatches(Cli.readReport(this.work.resolve("all")), expected);
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

}
