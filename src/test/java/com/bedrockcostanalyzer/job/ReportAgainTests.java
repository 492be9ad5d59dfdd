package com.bedrockcostanalyzer.job;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.CorpusGenerator;
import com.bedrockcostanalyzer.testing.ExpectedTotals;
import com.bedrockcostanalyzer.testing.ReportAssertions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report} writes a window's reports again from the stored aggregates, with the
 * logs gone.
 */
class ReportAgainTests {

	@TempDir
	Path work;

	@Test
	void writesTheReportsAgainFromTheDatabaseWithoutTheLogs() throws Exception {
		ExpectedTotals expected = new CorpusGenerator(new CorpusGenerator.Options(41, LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 10, 4), 8, false, false, true))
			.write(this.work.resolve("logs"));
		String logs = this.work.resolve("logs").toString();
		assertThat(Cli
			.analyze(this.work, "--source", logs, "--from", "2026-10-01", "--to", "2026-10-04", "--out",
					this.work.resolve("first").toString())
			.exitCode()).isZero();
		deleteTree(this.work.resolve("logs"));

		Cli.Result again = Cli.analyze(this.work, "--source", logs, "--from", "2026-10-02", "--to", "2026-10-04",
				"--discount", "10", "--out", this.work.resolve("again").toString());
		Cli.Result report = Cli.run("report", "--db",
				"jdbc:h2:file:" + this.work.resolve("db").resolve("bca").toAbsolutePath(), "--source", logs, "--from",
				"2026-10-01", "--to", "2026-10-04", "--discount", "10", "--out",
				this.work.resolve("report").toString());

		assertThat(again.exitCode()).as("analyze needs its sources").isEqualTo(2);
		assertThat(report.exitCode()).as(report.err()).isZero();
		JsonNode first = Cli.readReport(this.work.resolve("first"));
		JsonNode regenerated = Cli.readReport(this.work.resolve("report"));
		ReportAssertions.assertMatches(regenerated, expected);
		// The same usage, now 10% off list.
		assertThat(new BigDecimal(regenerated.get("totals").get("cost").asString())).isEqualByComparingTo(
				new BigDecimal(first.get("totals").get("cost").asString()).multiply(new BigDecimal("0.9")));
		assertThat(Files.exists(this.work.resolve("report/report.html"))).isTrue();
	}

	private static void deleteTree(Path root) throws Exception {
		try (var walk = Files.walk(root)) {
			walk.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
	}

}
