package com.bedrockcostanalyzer.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.CorpusGenerator;
import com.bedrockcostanalyzer.testing.DeliveredLayouts;
import com.bedrockcostanalyzer.testing.ExpectedTotals;
import com.bedrockcostanalyzer.testing.ReportAssertions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An invocation counts once by its {@code requestId}, whichever inputs and runs deliver
 * it again: a copied file, a line logged twice, a recount on request. The generator's
 * totals are what each report must show.
 */
class DuplicateInvocationsTests {

	private static final LocalDate FROM = LocalDate.of(2026, 10, 1);

	private static final LocalDate TO = LocalDate.of(2026, 10, 3);

	@TempDir
	Path work;

	@Test
	void countsACopiedFileOnceAndSaysWhereTheCopiesWere() throws Exception {
		Path logs = this.work.resolve("logs");
		ExpectedTotals expected = corpus(logs);
		Path original = biggestLogFile(logs);
		Path copy = this.work.resolve("logs/AWSLogs/copied-by-hand.json.gz");
		Files.copy(original, copy);
		long copies = invocationsInWindow(original);

		Cli.Result result = analyze("run", "--source", logs.toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		JsonNode report = Cli.readReport(this.work.resolve("out-run"));
		ReportAssertions.assertMatches(report, expected);
		assertThat(copies).isPositive();
		assertThat(report.get("duplicates").get("dropped").asLong()).isEqualTo(copies);
		JsonNode from = report.get("duplicates").get("from").get(0);
		// Partitions run in parallel: either file may be the one counted first.
		assertThat(List.of(from.get("location").asString(), from.get("countedFrom").asString()))
			.containsExactlyInAnyOrder(original.toRealPath().toString(), copy.toRealPath().toString());
		assertThat(result.out()).contains("Counted once: " + copies + " copies");
		assertThat(Files.readString(this.work.resolve("out-run/report.md"))).contains("## Copies counted once");
	}

	@Test
	void countsALineLoggedTwiceInOneFileOnce() throws Exception {
		Path logs = this.work.resolve("twice");
		Files.createDirectories(logs);
		Files.writeString(logs.resolve("day.json"),
				String.join("\n", record("7f1c9a52-0c2e-4c43-9e39-6a1d1b2f3a01", 1000, 100),
						record("7f1c9a52-0c2e-4c43-9e39-6a1d1b2f3a02", 2000, 200),
						record("7f1c9a52-0c2e-4c43-9e39-6a1d1b2f3a01", 1000, 100),
						// The same id in capitals is the same UUID.
						record("7F1C9A52-0C2E-4C43-9E39-6A1D1B2F3A02", 2000, 200),
						record("not-a-uuid-but-an-id", 4000, 400), record("not-a-uuid-but-an-id", 4000, 400),
						record("not-a-uuid-but-an-iD", 8000, 800)) + "\n");

		Cli.Result result = analyze("twice", "--source", logs.toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		JsonNode report = Cli.readReport(this.work.resolve("out-twice"));
		// Counted: ...01, ...02, the text id and its other spelling (ids other than UUIDs
		// are compared exactly).
		assertThat(report.get("totals").get("requests").asLong()).isEqualTo(4);
		assertThat(report.get("totals").get("inputTokens").asLong()).isEqualTo(1000 + 2000 + 4000 + 8000);
		assertThat(report.get("totals").get("outputTokens").asLong()).isEqualTo(100 + 200 + 400 + 800);
		assertThat(report.get("duplicates").get("dropped").asLong()).isEqualTo(3);
		JsonNode from = report.get("duplicates").get("from").get(0);
		assertThat(from.get("location").asString()).isEqualTo(from.get("countedFrom").asString());
	}

	/**
	 * The copy is read chunks after the original, in another partition: the day's stored
	 * ids were read into memory by the run's first chunk, before either was counted, so
	 * the copy is found only among the ids stored since.
	 */
	@Test
	void countsACopyReadChunksAfterItsOriginalOnce() throws Exception {
		Path hour = Files.createDirectories(
				this.work.resolve("many/AWSLogs/123456789012/BedrockModelInvocationLogs/us-east-1/2026/10/02/08"));
		for (int i = 0; i < 200; i++) {
			String id = (i == 199) ? uuid(0) : uuid(i);
			Files.writeString(hour.resolve("file-%03d.json".formatted(i)), record(id, 1000, 10) + "\n");
		}

		Cli.Result result = analyze("many", "--source", this.work.resolve("many").toString(), "--workers", "1");

		assertThat(result.exitCode()).as(result.err()).isZero();
		JsonNode report = Cli.readReport(this.work.resolve("out-many"));
		assertThat(report.get("totals").get("requests").asLong()).isEqualTo(199);
		assertThat(report.get("totals").get("inputTokens").asLong()).isEqualTo(199 * 1000);
		assertThat(report.get("duplicates").get("dropped").asLong()).isEqualTo(1);
	}

	/**
	 * Ids stored by a release that kept a row an invocation (bca_counted_request) still
	 * count: a copy of them read now is left out.
	 */
	@Test
	void leavesOutCopiesOfInvocationsAnEarlierReleaseCounted() throws Exception {
		Path hour = Files.createDirectories(
				this.work.resolve("old/AWSLogs/123456789012/BedrockModelInvocationLogs/us-east-1/2026/10/02/08"));
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < 5; i++) {
			lines.append(record(uuid(i), 1000, 10)).append('\n');
		}
		Files.writeString(hour.resolve("original.json"), lines);
		assertThat(analyze("old", "--source", this.work.resolve("old").toString()).exitCode()).isZero();
		// As the earlier release stored them: the day and 40 bits of the high half in
		// the key, the low half beside it.
		try (Connection db = DriverManager
			.getConnection("jdbc:h2:file:" + this.work.resolve("db").resolve("bca").toAbsolutePath(), "sa", "");
				Statement statement = db.createStatement();
				ResultSet rows = statement.executeQuery("SELECT request_day, unit_id, ids FROM bca_counted_ids");
				PreparedStatement insert = db
					.prepareStatement("INSERT INTO bca_counted_request (id_key, id_low, unit_id) VALUES (?, ?, ?)")) {
			int stored = 0;
			while (rows.next()) {
				ByteBuffer ids = ByteBuffer.wrap(rows.getBytes(3));
				while (ids.hasRemaining()) {
					long high = ids.getLong();
					insert.setLong(1, (rows.getDate(1).toLocalDate().toEpochDay() << 40) | (high >>> 24));
					insert.setLong(2, ids.getLong());
					insert.setLong(3, rows.getLong(2));
					insert.executeUpdate();
					stored++;
				}
			}
			assertThat(stored).isEqualTo(5);
			statement.executeUpdate("DELETE FROM bca_counted_ids");
		}
		Path copies = Files.createDirectories(this.work.resolve("copies-of-old"));
		Files.writeString(copies.resolve("copy.json"), lines);

		Cli.Result result = analyze("copies-of-old", "--source", copies.toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		JsonNode report = Cli.readReport(this.work.resolve("out-copies-of-old"));
		assertThat(report.get("totals").get("requests").asLong()).isZero();
		assertThat(report.get("duplicates").get("dropped").asLong()).isEqualTo(5);
	}

	private static String uuid(int n) {
		return "7f1c9a52-0c2e-4c43-9e39-%012d".formatted(n);
	}

	@Test
	void aRecountOnRequestGivesTheSameTotalsAndTheSameCopies() throws Exception {
		Path logs = this.work.resolve("logs");
		ExpectedTotals expected = corpus(logs);
		Path original = biggestLogFile(logs);
		Path copyFolder = Files.createDirectories(this.work.resolve("copies"));
		Files.copy(original, copyFolder.resolve("copy.json.gz"));
		long copies = invocationsInWindow(original);

		Cli.Result first = analyze("first", "--source", logs.toString(), "--source", copyFolder.toString());
		Cli.Result recount = analyze("recount", "--source", logs.toString(), "--source", copyFolder.toString(),
				"--reprocess");
		Cli.Result copiesAlone = analyze("alone", "--source", copyFolder.toString(), "--reprocess");

		for (Cli.Result result : List.of(first, recount, copiesAlone)) {
			assertThat(result.exitCode()).as(result.err()).isZero();
		}
		for (String run : List.of("first", "recount")) {
			JsonNode report = Cli.readReport(this.work.resolve("out-" + run));
			ReportAssertions.assertMatches(report, expected);
			assertThat(report.get("duplicates").get("dropped").asLong()).as(run).isEqualTo(copies);
		}
		// Recounting the copies alone: each of their invocations is counted from them or
		// left out as a copy, once.
		JsonNode alone = Cli.readReport(this.work.resolve("out-alone"));
		assertThat(alone.get("totals").get("requests").asLong() + alone.get("totals").get("errors").asLong()
				+ alone.get("duplicates").get("dropped").asLong())
			.isEqualTo(copies);
	}

	private ExpectedTotals corpus(Path logs) throws IOException {
		return new CorpusGenerator(new CorpusGenerator.Options(23, FROM, TO, 6, false, false, false)).write(logs);
	}

	private Cli.Result analyze(String name, String... args) {
		String[] all = new String[args.length + 6];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(new String[] { "--from", FROM.toString(), "--to", TO.toString(), "--out",
				this.work.resolve("out-" + name).toString() }, 0, all, args.length, 6);
		return Cli.analyze(this.work, all);
	}

	private static String record(String requestId, long input, long output) {
		return "{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"2026-10-02T08:00:00Z\","
				+ "\"region\":\"us-east-1\",\"requestId\":\"" + requestId + "\",\"operation\":\"Converse\","
				+ "\"modelId\":\"amazon.nova-lite-v1:0\",\"input\":{\"inputTokenCount\":" + input
				+ "},\"output\":{\"outputTokenCount\":" + output + "}}";
	}

	private static Path biggestLogFile(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			Path biggest = null;
			long most = -1;
			for (Path file : files.filter((p) -> p.toString().endsWith(".json.gz")).toList()) {
				long n = invocationsInWindow(file);
				if (n > most) {
					most = n;
					biggest = file;
				}
			}
			return biggest;
		}
	}

	/**
	 * The file's lines dated inside the window, read with the JDK's own gunzip: each an
	 * invocation counted once.
	 */
	private static long invocationsInWindow(Path file) throws IOException {
		return DeliveredLayouts.records(file).stream().filter((record) -> {
			LocalDate day = LocalDate.ofInstant(Instant.parse(DeliveredLayouts.timestampOf(record)), ZoneOffset.UTC);
			return !day.isBefore(FROM) && day.isBefore(TO);
		}).count();
	}

}
