package com.bedrockcostanalyzer.reliability;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.cli.ExitCodes;
import com.bedrockcostanalyzer.testing.Cli;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What fails around the run: the database, the report folder. One clear sentence, nothing
 * counted lost.
 */
class FaultTests {

	@TempDir
	Path work;

	@Test
	void saysInOneSentenceThatTheDatabaseCannotBeReached() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		Path csv = usage();

		Cli.Result result = Cli.run("analyze", "--db",
				"jdbc:postgresql://127.0.0.1:" + closedPort + "/bca?user=bca&password=TOPSECRET-DB-PASSWORD",
				"--source", csv.toString(), "--month", "2026-10", "--out", this.work.resolve("out").toString());

		assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
		assertThat(result.err().lines()).singleElement()
			.asString()
			.startsWith("error: cannot open the job database jdbc:postgresql://127.0.0.1:")
			.contains("password=****")
			.doesNotContain("TOPSECRET");
	}

	@Test
	void saysInOneSentenceThatTheDatabaseIsReadOnly() throws Exception {
		Assumptions.assumeFalse("root".equals(System.getProperty("user.name")) && canWriteReadOnly(),
				"file permissions do not bind this user");
		Path dir = Files.createDirectories(this.work.resolve("ro"));
		Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
		try {
			Cli.Result result = Cli.run("analyze", "--db", "jdbc:h2:file:" + dir.resolve("bca"), "--source",
					usage().toString(), "--month", "2026-10", "--out", this.work.resolve("out").toString());

			assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
			assertThat(result.err().lines()).singleElement()
				.asString()
				.startsWith("error: cannot open the job database");
		}
		finally {
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
	}

	@Test
	void refusesAReportFolderThatCannotBeWrittenBeforeCountingAndCountsNextTime() throws Exception {
		Path csv = usage();
		// The report folder is taken by a file.
		Path blocked = Files.writeString(this.work.resolve("blocked"), "not a folder");

		Cli.Result failed = Cli.analyze(this.work, "--source", csv.toString(), "--month", "2026-10", "--out",
				blocked.toString());
		Cli.Result next = Cli.analyze(this.work, "--source", csv.toString(), "--month", "2026-10", "--out",
				this.work.resolve("out").toString());

		assertThat(failed.exitCode()).isEqualTo(ExitCodes.BAD_USAGE);
		assertThat(failed.err())
			.contains("the report folder " + blocked + " cannot be written: " + blocked + " is not a folder")
			.doesNotContain("\tat ");
		assertThat(next.exitCode()).as(next.err()).isZero();
		var report = Cli.readReport(this.work.resolve("out"));
		assertThat(report.get("totals").get("requests").asLong()).isEqualTo(7);
		assertThat(report.get("sources").get(0).get("unitsRead").asLong()).isEqualTo(1);
	}

	private Path usage() throws Exception {
		Path csv = this.work.resolve("usage.csv");
		if (!Files.exists(csv)) {
			Files.writeString(csv, "timestamp,model_id,requests,input_tokens,output_tokens\n"
					+ "2026-10-03,amazon.nova-pro-v1:0,7,700,70\n");
		}
		return csv;
	}

	private boolean canWriteReadOnly() throws Exception {
		Path probe = Files.createDirectories(this.work.resolve("probe"));
		Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("r-xr-xr-x"));
		try {
			Files.writeString(probe.resolve("x"), "x");
			return true;
		}
		catch (java.io.IOException ex) {
			return false;
		}
		finally {
			Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
	}

}
