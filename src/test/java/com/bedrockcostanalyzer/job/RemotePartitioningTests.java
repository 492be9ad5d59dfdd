package com.bedrockcostanalyzer.job;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.CorpusGenerator;
import com.bedrockcostanalyzer.testing.ExpectedTotals;
import com.bedrockcostanalyzer.testing.ReportAssertions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remote partitioning for real: an ActiveMQ Artemis broker (embedded here, on a TCP
 * port), a real PostgreSQL, and a manager and two workers, each its own JVM started from
 * the same classes. Totals are checked against what the generator wrote; then a worker is
 * killed with SIGKILL in the middle of a partition.
 */
class RemotePartitioningTests {

	private static final LocalDate FROM = LocalDate.of(2026, 10, 1);

	private static final LocalDate TO = LocalDate.of(2026, 10, 11);

	@TempDir
	Path work;

	private EmbeddedPostgres postgres;

	private EmbeddedActiveMQ broker;

	private String brokerUrl;

	private final List<Process> processes = new ArrayList<>();

	@BeforeEach
	void start() throws Exception {
		this.postgres = EmbeddedPostgres.builder().start();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.brokerUrl = "tcp://127.0.0.1:" + port;
		this.broker = new EmbeddedActiveMQ();
		this.broker.setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false)
			.setSecurityEnabled(false)
			.setJournalDirectory(this.work.resolve("broker").toString())
			.addAcceptorConfiguration("tcp", this.brokerUrl));
		this.broker.start();
	}

	@AfterEach
	void stop() throws Exception {
		for (Process process : this.processes) {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		if (this.broker != null) {
			this.broker.stop();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	void aManagerAndTwoWorkerProcessesCountExactly() throws Exception {
		ExpectedTotals expected = corpus(71);
		Process first = worker("worker-a");
		Process second = worker("worker-b");

		Process manager = manager("manager");
		assertThat(manager.waitFor(5, TimeUnit.MINUTES)).isTrue();

		assertThat(manager.exitValue()).as(() -> read("manager")).isZero();
		ReportAssertions.assertMatches(Cli.readReport(this.work.resolve("out-manager")), expected);
		long partitions = completedPartitions();
		assertThat(partitions).as("a partition per worker thread and more").isGreaterThanOrEqualTo(4);
		assertThat(partitionsRunBy("worker-a") + partitionsRunBy("worker-b")).as("every partition ran on a worker")
			.isEqualTo(partitions);
		assertThat(partitionsRunBy("worker-a")).isPositive();
		assertThat(partitionsRunBy("worker-b")).isPositive();
		assertThat(first.isAlive() && second.isAlive()).as("workers wait for more").isTrue();
	}

	@Test
	void aWorkerKilledInThePartitionItIsCountingLeavesNothingCountedTwice() throws Exception {
		ExpectedTotals expected = corpus(73);
		Process victim = worker("worker-a");
		worker("worker-b");

		Process manager = manager("manager");
		long readsAtKill = killWhenCounting(victim);
		assertThat(manager.waitFor(5, TimeUnit.MINUTES)).isTrue();
		Process again = manager("manager-again");
		assertThat(again.waitFor(5, TimeUnit.MINUTES)).isTrue();

		assertThat(readsAtKill).as("killed mid-run").isPositive();
		// The partitions the victim took and never finished went back on the queue, and
		// the other worker ran them.
		List<String> unfinished = read("worker-a").lines()
			.filter((l) -> l.contains("taking step execution "))
			.map((l) -> l.substring(l.indexOf("taking step execution ") + 22).trim())
			.filter((id) -> !read("worker-a").contains("(step execution " + id + "): COMPLETED"))
			.toList();
		assertThat(unfinished).as("the victim died inside a partition").isNotEmpty();
		assertThat(unfinished)
			.allSatisfy((id) -> assertThat(read("worker-b")).contains("(step execution " + id + "): COMPLETED"));
		assertThat(manager.exitValue()).as(() -> read("manager")).isZero();
		ReportAssertions.assertMatches(Cli.readReport(this.work.resolve("out-manager")), expected);
		assertThat(again.exitValue()).as(() -> read("manager-again")).isZero();
		ReportAssertions.assertMatches(Cli.readReport(this.work.resolve("out-manager-again")), expected);
	}

	private ExpectedTotals corpus(long seed) throws IOException {
		// Ten days of 40 records an hour: enough partitions for both workers to be busy
		// when one is killed.
		return new CorpusGenerator(new CorpusGenerator.Options(seed, FROM, TO, 40, false, false, false))
			.write(this.work.resolve("logs"));
	}

	private String db() {
		return this.postgres.getJdbcUrl("postgres", "postgres");
	}

	private Process worker(String name) throws IOException {
		Process process = java(name, "worker", "--broker", this.brokerUrl, "--db", db(), "--threads", "2");
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (!read(name).contains("worker ready") && process.isAlive() && System.nanoTime() < deadline) {
			sleep(100);
		}
		assertThat(read(name)).as(() -> read(name)).contains("worker ready");
		return process;
	}

	private Process manager(String name) throws IOException {
		return java(name, "analyze", "--role", "manager", "--broker", this.brokerUrl, "--workers", "4", "--db", db(),
				"--source", this.work.resolve("logs").toString(), "--from", FROM.toString(), "--to", TO.toString(),
				"--out", this.work.resolve("out-" + name).toString());
	}

	private Process java(String name, String... args) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
						System.getProperty("java.class.path"), "com.bedrockcostanalyzer.cli.Main"));
		command.addAll(List.of(args));
		File log = this.work.resolve(name + ".log").toFile();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		this.processes.add(process);
		return process;
	}

	/**
	 * SIGKILLs the worker once files have been counted and three partitions are running —
	 * with two threads a worker, at least one of them on the victim — and returns the
	 * reads counted by then. A partition of one chunk (up to 128 files) shows a commit
	 * while still running only for milliseconds, so waiting for that could miss every
	 * one.
	 */
	private long killWhenCounting(Process victim) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		try (Connection connection = DriverManager.getConnection(db(), "postgres", "postgres")) {
			while (System.nanoTime() < deadline) {
				long running = count(connection, "SELECT COUNT(*) FROM batch_step_execution WHERE step_name LIKE "
						+ "'countPartition:partition%' AND status = 'STARTED'");
				if (running >= 3 && count(connection, "SELECT COUNT(*) FROM bca_input_read") > 0) {
					victim.destroyForcibly();
					victim.waitFor();
					return count(connection, "SELECT COUNT(*) FROM bca_input_read");
				}
				sleep(20);
			}
		}
		throw new AssertionError("no partition was seen counting");
	}

	private long completedPartitions() throws Exception {
		try (Connection connection = DriverManager.getConnection(db(), "postgres", "postgres")) {
			return count(connection, "SELECT COUNT(*) FROM batch_step_execution WHERE step_name LIKE "
					+ "'countPartition:partition%' AND status = 'COMPLETED'");
		}
	}

	private long partitionsRunBy(String worker) {
		return read(worker).lines()
			.filter((l) -> l.contains("partition countPartition:partition") && l.contains(": COMPLETED,"))
			.count();
	}

	private static long count(Connection connection, String sql) throws Exception {
		try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
			return rs.next() ? rs.getLong(1) : 0;
		}
		catch (java.sql.SQLException ex) {
			return 0; // the tables are not there yet
		}
	}

	private String read(String name) {
		try {
			Path log = this.work.resolve(name + ".log");
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
