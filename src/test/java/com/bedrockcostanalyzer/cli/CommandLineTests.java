package com.bedrockcostanalyzer.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.bedrockcostanalyzer.AnalyzerApplication;
import com.bedrockcostanalyzer.job.ScaleProperties;
import com.bedrockcostanalyzer.testing.Cli;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTests {

	@TempDir
	Path work;

	@Test
	void showsHelpForEveryCommand() {
		// picocli reports a help text it cannot format on System.err, not on the
		// command's writer.
		PrintStream stderr = System.err;
		ByteArrayOutputStream warnings = new ByteArrayOutputStream();
		System.setErr(new PrintStream(warnings, true));
		Cli.Result root;
		Cli.Result analyze;
		Cli.Result run;
		Cli.Result worker;
		try {
			root = Cli.run("--help");
			analyze = Cli.run("analyze", "--help");
			run = Cli.run("run", "--help");
			worker = Cli.run("worker", "--help");
		}
		finally {
			System.setErr(stderr);
		}

		assertThat(root.exitCode()).isZero();
		assertThat(root.out()).contains("analyze", "run", "worker", "report");
		assertThat(analyze.exitCode()).isZero();
		assertThat(analyze.out()).contains("--source", "--month", "--from", "--to", "--prices", "--out", "--db",
				"--cur", "--workers", "--role", "Exit status");
		assertThat(run.out()).contains("JOB_FILE", "--date", "--jump-percent=N", "N% or more").doesNotContain("N%% or");
		assertThat(worker.out()).contains("--broker", "--threads");
		assertThat(warnings.toString()).doesNotContain("picocli WARN");
	}

	@Test
	void answersBadUsageWithOneSentenceAndStatusTwo() throws Exception {
		Path logs = Files.createDirectories(this.work.resolve("logs"));
		assertBadUsage(Cli.run("analyze", "--source", logs.toString(), "--month", "2026-10", "--frobnicate"),
				"Unknown option: '--frobnicate'");
		assertBadUsage(Cli.run("analyze", "--source", logs.toString(), "--from", "2026-10-05", "--to", "2026-10-01"),
				"the window's end (2026-10-01) must be after its start (2026-10-05)");
		// A window costs memory per day: bounded to two years and a day, inside
		// 2000-2100.
		assertBadUsage(Cli.run("analyze", "--source", logs.toString(), "--from", "2026-10-01", "--to", "+99999-01-01"),
				"the window [2026-10-01, +99999-01-01) must lie between 2000-01-01 and 2100-01-01");
		assertBadUsage(Cli.run("analyze", "--source", logs.toString(), "--from", "2024-01-01", "--to", "2026-01-03"),
				"the window [2024-01-01, 2026-01-03) is longer than 732 days");
		assertThat(Cli
			.analyze(this.work, "--source", logs.toString(), "--from", "2024-01-01", "--to", "2026-01-02", "--out",
					this.work.resolve("two-years").toString())
			.exitCode()).isZero();
		assertBadUsage(Cli.run("analyze", "--source", this.work.resolve("nowhere").toString(), "--month", "2026-10"),
				"no such file or folder");
		assertBadUsage(Cli.run("analyze", "--source", logs.toString(), "--month", "October"),
				"dates are YYYY-MM-DD and months YYYY-MM, not 'October'");
		assertBadUsage(Cli.run("analyze", "--source", logs.toString(), "--month", "2026-10", "--from", "2026-10-01",
				"--to", "2026-10-02"), "mutually exclusive");
		assertBadUsage(Cli.run("analyze", "--month", "2026-10"), "Missing required option: '--source=SRC'");
		assertBadUsage(Cli.run("analyze", "--source", logs.toString(), "--month", "2026-10", "--prices",
				this.work.resolve("none.csv").toString()), "price book: no such price book");
		assertBadUsage(Cli.run("analyze", "--source", logs.toString(), "--month", "2026-10", "--region", "mars-1"),
				"'mars-1' is not an AWS Region code");
		assertBadUsage(Cli.run("analyze", "--source", logs.toString(), "--month", "2026-10", "--discount", "150"),
				"a discount must be at least 0 and below 100 percent");
		assertBadUsage(Cli.run("analyze", "--source", logs.toString(), "--month", "2026-10", "--currency", "EUR"),
				"--currency and --fx go together");
		assertBadUsage(Cli.run(), "a command is required");
		assertBadUsage(Cli.run("analyze", "--source", logs.toString(), "--month", "2026-10", "--role", "manager"),
				"a manager needs --broker");
		assertBadUsage(Cli.run("analyze", "--source", logs.toString(), "--month", "2026-10", "--role", "manager",
				"--broker", "tcp://127.0.0.1:1"), "share one job database");
		assertBadUsage(Cli.run("analyze", "--source", logs.toString(), "--month", "2026-10", "--role", "worker"),
				"start it with the 'worker' command");
		assertBadUsage(Cli.run("worker", "--broker", "tcp://127.0.0.1:1", "--db", "jdbc:h2:file:./x"),
				"give the same PostgreSQL --db");
		assertBadUsage(Cli.run("analyze", "--source", logs.toString(), "--month", "2026-10", "--workers", "0"),
				"--workers is 1 or more");
		assertBadUsage(Cli.run("analyze", "--source", logs.toString(), "--month", "2026-10", "--cur",
				logs.resolve("no-such-cur.csv").toString()), "is not a readable file");
	}

	@Test
	void saysWhereTheReportIsOnAnEmptyFolder() throws Exception {
		Path logs = Files.createDirectories(this.work.resolve("logs"));
		Cli.Result result = Cli.analyze(this.work, "--source", logs.toString(), "--month", "2026-10", "--out",
				this.work.resolve("out").toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).contains("Spend [2026-10-01, 2026-11-01): $0.00")
			.contains("Report: " + this.work.resolve("out").resolve("report.html"));
	}

	@Test
	void checksTheReportFolderBeforeCountingAnything() throws Exception {
		Path logs = Files.createDirectories(this.work.resolve("logs"));
		// A file where the report folder should be: it can never be made.
		Path blocked = Files.writeString(this.work.resolve("blocked"), "a file");

		Cli.Result result = Cli.analyze(this.work, "--source", logs.toString(), "--month", "2026-10", "--out",
				blocked.resolve("out").toString());

		assertBadUsage(result, "the report folder " + blocked.resolve("out") + " cannot be written");
		assertThat(this.work.resolve("db")).doesNotExist();
	}

	@Test
	void saysSoAndExitsThreeWhenNothingCouldBePriced() throws Exception {
		Path csv = Files.writeString(this.work.resolve("usage.csv"),
				"date,model,requests,input_tokens,output_tokens\n2026-10-03,acme.private-model-v9,7,700,70\n");

		Cli.Result result = Cli.analyze(this.work, "--source", csv.toString(), "--month", "2026-10", "--out",
				this.work.resolve("out").toString());

		assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.DONE_WITH_REJECTS);
		assertThat(result.out()).contains("Spend [2026-10-01, 2026-11-01): $0.00")
			.contains("Not priced: 100.00% of tokens, 100.00% of requests")
			.contains("Nothing in the window could be priced");
	}

	@Test
	void namesTheDatabaseActuallyUsedWhenItCannotBeOpened() throws Exception {
		Path logs = Files.createDirectories(this.work.resolve("logs"));
		System.setProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/bca?password=hunter2");
		try {
			Cli.Result result = Cli.run("analyze", "--source", logs.toString(), "--month", "2026-10", "--out",
					this.work.resolve("out").toString());

			assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
			assertThat(result.err()).contains("error: cannot open the job database jdbc:postgresql://127.0.0.1:1/bca")
				.contains("password=****")
				.doesNotContain("hunter2")
				.doesNotContain("default H2");
		}
		finally {
			System.clearProperty("spring.datasource.url");
		}
	}

	@Test
	void printsOneSentenceAndKeepsTheStackTraceInALogFileBesideTheDatabase() throws Exception {
		Path logs = Files.createDirectories(this.work.resolve("logs"));
		Path db = Files.createDirectories(this.work.resolve("db"));
		// Not an H2 file: opening it fails deep inside the driver, under Spring's
		// start-up.
		Files.write(db.resolve("bca.mv.db"), "not a database ".repeat(2000).getBytes());

		Cli.Result result = Cli.analyze(this.work, "--source", logs.toString(), "--month", "2026-10", "--out",
				this.work.resolve("out").toString());

		Path log = db.resolve("bca.log");
		assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
		assertThat(result.err().lines()).singleElement()
			.asString()
			.startsWith("error: cannot open the job database jdbc:h2:file:" + db.resolve("bca").toAbsolutePath())
			.endsWith("(details in " + log + ")");
		assertThat(result.out()).doesNotContain("\tat ").doesNotContain("Exception");
		assertThat(Files.readString(log)).contains("\tat org.h2.");
	}

	@Test
	void leavesTheBrokerOutUnlessAManagerStarts() {
		ScaleOptions standalone = new ScaleOptions();
		ScaleOptions manager = new ScaleOptions();
		manager.role = ScaleProperties.MANAGER;
		manager.broker = "tcp://127.0.0.1:1"; // nothing listens: a manager's context
												// connects only when it sends

		try (ConfigurableApplicationContext context = startWith(standalone)) {
			assertThat(context.getBeanNamesForType(ConnectionFactory.class)).isEmpty();
		}
		try (ConfigurableApplicationContext context = startWith(manager)) {
			assertThat(context.getBeanNamesForType(ConnectionFactory.class)).isNotEmpty();
		}
	}

	@Test
	void givesEveryReadingThreadAConnection() throws SQLException {
		ScaleOptions sixteen = new ScaleOptions();
		sixteen.workers = 16;
		ScaleOptions one = new ScaleOptions();
		one.workers = 1;

		try (ConfigurableApplicationContext context = startWith(sixteen)) {
			// A chunk's transaction holds its connection while the thread reads: 16
			// threads, the job's, one spare.
			assertThat(context.getBean(DataSource.class).unwrap(HikariDataSource.class).getMaximumPoolSize())
				.isEqualTo(18);
		}
		try (ConfigurableApplicationContext context = startWith(one)) {
			// Hikari's own 10, never shrunk.
			assertThat(context.getBean(DataSource.class).unwrap(HikariDataSource.class).getMaximumPoolSize())
				.isEqualTo(10);
		}
	}

	private ConfigurableApplicationContext startWith(ScaleOptions scale) {
		List<String> args = new ArrayList<>(scale.springArguments());
		args.add("--spring.datasource.url=jdbc:h2:file:" + this.work.resolve("db").resolve("bca").toAbsolutePath());
		return new SpringApplication(AnalyzerApplication.class).run(args.toArray(String[]::new));
	}

	private static void assertBadUsage(Cli.Result result, String message) {
		assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.BAD_USAGE);
		assertThat(result.err()).contains("error: ")
			.contains(message)
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
		assertThat(result.err().lines().count()).isLessThanOrEqualTo(2);
	}

}
