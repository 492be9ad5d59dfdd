package com.bedrockcostanalyzer.reliability;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input, generated from a seed, each beside good records: each case
 * ends "rejected with its location, every good record counted, exit 3" — never a crash, a
 * hang or unbounded memory.
 */
class BadInputSuiteTests {

	private static final long SEED = 20261126L;

	@TempDir
	Path work;

	private final Random random = new Random(SEED);

	private long goodRecords;

	private long expectedRejects;

	private int sequence;

	@Test
	void rejectsEveryBadCaseWithItsLocationAndCountsEveryGoodRecord() throws Exception {
		Path logs = Files.createDirectories(this.work.resolve("logs"));
		withGood(logs.resolve("malformed.json"), "{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"2026-10-02T");
		withGood(logs.resolve("deep.json"), "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
		withGood(logs.resolve("string-count.json"), record("\"1000\"", "2026-10-02T10:00:00Z"));
		withGood(logs.resolve("negative-count.json"), record("-1000", "2026-10-02T10:00:00Z"));
		withGood(logs.resolve("huge-count.json"), record("123456789012345678901234567890", "2026-10-02T10:00:00Z"));
		withGood(logs.resolve("float-count.json"), record("1000.5", "2026-10-02T10:00:00Z"));
		withGood(logs.resolve("no-model.json"),
				record("100", "2026-10-02T10:00:00Z").replace("\"modelId\":\"amazon.nova-lite-v1:0\",", ""));
		withGood(logs.resolve("bad-timestamp.json"), record("100", "02/10/2026 10:00"));
		withGood(logs.resolve("not-utf8.json"),
				record("100", "2026-10-02T10:00:00Z").replace("us-east-1\",", "us-east-1\",\"x\":\"\u00FF\","));
		// A 50 MB line: rejected without being held.
		withGood(logs.resolve("huge-line.json"), "{\"padding\":\"" + "x".repeat(50 * 1024 * 1024) + "\"}");
		writeTruncatedGzip(logs.resolve("truncated.json.gz"));
		writeCorruptGzip(logs.resolve("corrupt.json.gz"));
		// CSV: a file without a header (rejected whole), a ragged row, a byte-order mark
		// (fine).
		Files.writeString(logs.resolve("no-header.csv"), "2026-10-02,amazon.nova-lite-v1:0,5,100,10\n");
		this.expectedRejects++;
		Files.writeString(logs.resolve("ragged.csv"), "date,model,requests,input_tokens,output_tokens\n"
				+ "2026-10-02,amazon.nova-lite-v1:0,1,100,10\n2026-10-02,amazon.nova-lite-v1:0,1,100\n");
		this.goodRecords++;
		this.expectedRejects++;
		Files.writeString(logs.resolve("bom.csv"), "\uFEFFdate,model,requests,input_tokens,output_tokens\n"
				+ "2026-10-02,amazon.nova-lite-v1:0,1,100,10\n");
		this.goodRecords++;
		byte[] notUtf8 = Files.readAllBytes(logs.resolve("not-utf8.json"));
		replace(notUtf8, "\u00C3\u00BF".getBytes(StandardCharsets.ISO_8859_1), new byte[] { (byte) 0xC3, (byte) 0x28 });
		Files.write(logs.resolve("not-utf8.json"), notUtf8);

		Cli.Result result = Cli.analyze(this.work, "--source", logs.toString(), "--from", "2026-10-01", "--to",
				"2026-10-05", "--out", this.work.resolve("out").toString());

		assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
		JsonNode report = Cli.readReport(this.work.resolve("out"));
		assertThat(report.get("totals").get("requests").asLong()).isEqualTo(this.goodRecords);
		assertThat(report.get("totals").get("inputTokens").asLong()).isEqualTo(this.goodRecords * 100);
		assertThat(report.get("rejects").get("count").asLong()).as(report.get("rejects").toString())
			.isEqualTo(this.expectedRejects);
		for (JsonNode sample : report.get("rejects").get("samples")) {
			assertThat(sample.get("location").asString()).matches(".*(line \\d+|whole file|byte \\d+).*");
		}
		assertThat(report.get("rejects").get("byReason").propertyNames()).contains("line longer than 8388608 bytes",
				"input.inputTokenCount is not a whole number", "input.inputTokenCount is negative",
				"input.inputTokenCount is implausibly large", "missing modelId",
				"timestamp is not an RFC 3339 date-time",
				"JSON exceeds the parser's limits (nesting, string or number length)",
				"gzip stream is truncated; the line it breaks off in is not counted",
				"gzip data is corrupt; the records of the damaged part are not counted",
				"row has 4 fields, the header has 5");
	}

	/** Good records before and after one bad line. */
	private void withGood(Path file, String bad) throws IOException {
		List<String> lines = new ArrayList<>();
		int before = 1 + this.random.nextInt(3);
		int after = 1 + this.random.nextInt(3);
		for (int i = 0; i < before; i++) {
			lines.add(good());
		}
		lines.add(bad);
		for (int i = 0; i < after; i++) {
			lines.add(good());
		}
		Files.write(file, lines);
		this.expectedRejects++;
	}

	private String good() {
		this.goodRecords++;
		return record("100", "2026-10-0" + (2 + this.random.nextInt(3)) + "T0" + this.random.nextInt(10) + ":00:00Z");
	}

	private String record(String inputTokens, String timestamp) {
		return "{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"" + timestamp
				+ "\",\"region\":\"us-east-1\",\"requestId\":\"r" + this.sequence++ + "\",\"operation\":\"Converse\","
				+ "\"modelId\":\"amazon.nova-lite-v1:0\",\"input\":{\"inputTokenCount\":" + inputTokens
				+ "},\"output\":{\"outputTokenCount\":10}}";
	}

	/**
	 * Cut in the middle of its one member: its whole lines before the cut count, the line
	 * cut in two does not.
	 */
	private void writeTruncatedGzip(Path file) throws IOException {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 400; i++) {
			text.append(record("100", "2026-10-03T05:00:00Z")).append('\n');
		}
		byte[] whole = gzip(text.toString());
		byte[] cut = Arrays.copyOf(whole, whole.length / 2);
		Files.write(file, cut);
		// The records are what the JDK's own gunzip yields before the cut, in whole
		// lines.
		long before = completeLinesBeforeTheCut(cut);
		assertThat(before).isBetween(1L, 399L);
		this.goodRecords += before;
		this.expectedRejects++;
	}

	/** A sound member, then one with bytes flipped: only the sound one counts. */
	private void writeCorruptGzip(Path file) throws IOException {
		StringBuilder first = new StringBuilder();
		for (int i = 0; i < 5; i++) {
			first.append(record("100", "2026-10-03T06:00:00Z")).append('\n');
		}
		StringBuilder second = new StringBuilder();
		for (int i = 0; i < 300; i++) {
			second.append(record("100", "2026-10-03T06:00:00Z")).append('\n');
		}
		byte[] damaged = gzip(second.toString());
		for (int i = 0; i < 6; i++) {
			damaged[damaged.length / 3
					+ this.random.nextInt(damaged.length / 3)] ^= (byte) (1 + this.random.nextInt(255));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(gzip(first.toString()));
		out.write(damaged);
		Files.write(file, out.toByteArray());
		this.goodRecords += 5;
		this.expectedRejects++;
	}

	private static long completeLinesBeforeTheCut(byte[] cut) throws IOException {
		long lines = 0;
		try (GZIPInputStream jdk = new GZIPInputStream(new ByteArrayInputStream(cut))) {
			byte[] buffer = new byte[4096];
			for (int n = jdk.read(buffer); n > 0; n = jdk.read(buffer)) {
				for (int i = 0; i < n; i++) {
					lines += (buffer[i] == '\n') ? 1 : 0;
				}
			}
		}
		catch (java.io.EOFException ex) {
			// the cut
		}
		return lines;
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (OutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	private static void replace(byte[] data, byte[] find, byte[] with) {
		for (int i = 0; i + find.length <= data.length; i++) {
			if (Arrays.equals(Arrays.copyOfRange(data, i, i + find.length), find)) {
				System.arraycopy(with, 0, data, i, with.length);
				return;
			}
		}
		throw new AssertionError("marker not found");
	}

}
