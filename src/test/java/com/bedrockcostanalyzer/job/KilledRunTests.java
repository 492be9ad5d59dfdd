package com.bedrockcostanalyzer.job;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.CorpusGenerator;
import com.bedrockcostanalyzer.testing.ExpectedTotals;
import com.bedrockcostanalyzer.testing.ReportAssertions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis is run in its own JVM and killed with SIGKILL while it counts, twice, then
 * run again to the end: the totals are exactly the generator's, so nothing was lost and
 * nothing counted twice.
 */
class KilledRunTests {

	private static final LocalDate FROM = LocalDate.of(2026, 9, 1);

	private static final LocalDate TO = LocalDate.of(2026, 9, 21);

	@TempDir
	Path work;

	@Test
	void aRunKilledMidwayAndRunAgainCountsEveryRecordOnce() throws Exception {
		ExpectedTotals expected = new CorpusGenerator(new CorpusGenerator.Options(99, FROM, TO, 10, true, true, true))
			.write(this.work.resolve("logs"));
		// AUTO_SERVER lets this test watch the ledger while the child process holds the
		// database.
		String db = "jdbc:h2:file:" + this.work.resolve("db/bca").toAbsolutePath() + ";AUTO_SERVER=TRUE";

		long firstKill = killAfter(db, 3);
		long secondKill = killAfter(db, firstKill + 10);

		Cli.Result result = Cli.run("analyze", "--db", db, "--source", this.work.resolve("logs").toString(), "--from",
				FROM.toString(), "--to", TO.toString(), "--out", this.work.resolve("out").toString());

		assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
		assertThat(secondKill).isGreaterThan(firstKill);
		ReportAssertions.assertMatches(Cli.readReport(this.work.resolve("out")), expected);
		assertThat(Cli.readReport(this.work.resolve("out")).get("rejects").get("count").asLong())
			.isEqualTo(expected.rejects());
		assertThat(count(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'")).isEqualTo(1);
		assertThat(count(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS IN ('STARTED', 'STARTING')"))
			.as("killed executions are recovered")
			.isZero();
	}

	/**
	 * Starts the analysis in a child JVM and kills it once the ledger holds at least
	 * {@code reads} reads.
	 */
	private long killAfter(String db, long reads) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), "com.bedrockcostanalyzer.cli.Main", "analyze", "--db",
						db, "--source", this.work.resolve("logs").toString(), "--from", FROM.toString(), "--to",
						TO.toString(), "--out", this.work.resolve("killed").toString()));
		File log = this.work.resolve("child-" + reads + ".log").toFile();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		try (Connection connection = DriverManager.getConnection(db, "sa", "")) {
			while (process.isAlive() && System.nanoTime() < deadline) {
				if (readsSoFar(connection) >= reads) {
					process.destroyForcibly();
					break;
				}
				Thread.sleep(2);
			}
		}
		process.waitFor();
		assertThat(process.exitValue()).as(() -> "the child was killed (SIGKILL), not finished:\n" + read(log))
			.isEqualTo(137);
		return count(db, "SELECT COUNT(*) FROM bca_input_read");
	}

	private static String read(File file) {
		try {
			return java.nio.file.Files.readString(file.toPath());
		}
		catch (java.io.IOException ex) {
			return ex.toString();
		}
	}

	private static long readsSoFar(Connection connection) {
		try (ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM bca_input_read")) {
			rs.next();
			return rs.getLong(1);
		}
		catch (java.sql.SQLException ex) {
			// The child has not created the tables yet.
			return 0;
		}
	}

	private static long count(String db, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(db, "sa", "");
				ResultSet rs = connection.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
