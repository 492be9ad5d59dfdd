package com.bedrockcostanalyzer.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import com.bedrockcostanalyzer.aggregate.DayRanges;
import com.bedrockcostanalyzer.usage.LongContextRule;
import com.bedrockcostanalyzer.usage.ModelIdNormalizer;
import com.bedrockcostanalyzer.usage.PathResolver;
import com.bedrockcostanalyzer.usage.UsageRecord;

import static org.assertj.core.api.Assertions.assertThat;

class NdjsonReaderTests {

	static final String RECORD = "{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\","
			+ "\"timestamp\":\"2026-10-02T10:00:00Z\",\"region\":\"us-east-1\",\"operation\":\"Converse\","
			+ "\"modelId\":\"amazon.nova-pro-v1:0\",\"input\":{\"inputTokenCount\":10},"
			+ "\"output\":{\"outputTokenCount\":5}}";

	private final NdjsonReader reader = new NdjsonReader(
			new InvocationLogParser(new ModelIdNormalizer(Map.of()), new PathResolver(List.of("path"))), 1024 * 1024);

	@Test
	void countsTheCompleteMemberOfATruncatedGzipAndRejectsTheRestByOffset() throws IOException {
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.write(gzip(RECORD + "\n" + RECORD + "\n"));
		byte[] second = gzip((RECORD + "\n").repeat(50));
		file.write(second, 0, 12);

		Sink sink = read(file.toByteArray());

		assertThat(sink.records).hasSize(2);
		assertThat(sink.rejects).singleElement()
			.asString()
			.contains("compressed byte")
			.contains("gzip stream is truncated");
	}

	@Test
	void countsEveryWholeLineBeforeTheBreakOfATruncatedGzip() throws IOException {
		byte[] whole = gzip((RECORD + "\n").repeat(2000));
		byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
		// What the JDK's own gzip reader gets out of the cut file before it fails: its
		// whole lines are the records.
		ByteArrayOutputStream inflated = new ByteArrayOutputStream();
		try (java.util.zip.GZIPInputStream jdk = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(cut))) {
			byte[] buffer = new byte[4096];
			for (int n = jdk.read(buffer); n > 0; n = jdk.read(buffer)) {
				inflated.write(buffer, 0, n);
			}
		}
		catch (java.io.EOFException expected) {
			// the break
		}
		long wholeLines = inflated.toString(StandardCharsets.UTF_8).chars().filter((c) -> c == '\n').count();
		assertThat(wholeLines).isBetween(1L, 1999L);
		com.bedrockcostanalyzer.aggregate.UnitSummary summary = new com.bedrockcostanalyzer.aggregate.UnitSummary(
				new InputUnit("s", "k", "k", 1, "v", UnitFormat.INVOCATION_LOG, null),
				DayRanges.of(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3)), null, LongContextRule.NONE);

		this.reader.read(new java.io.ByteArrayInputStream(cut), summary);

		assertThat(summary.recordsCounted()).isEqualTo(wholeLines);
		String reason = "gzip stream is truncated; the line it breaks off in is not counted";
		assertThat(summary.rejects()).containsOnlyKeys(reason);
		assertThat(summary.rejects().get(reason).sampleLocations()).singleElement()
			.asString()
			.startsWith(
					"line " + (wholeLines + 1) + ", uncompressed byte " + wholeLines * (RECORD.length() + 1) + " (");
	}

	@Test
	void dropsTheRecordsOfACorruptMemberAndKeepsTheVerifiedOnes() throws IOException {
		byte[] good = gzip((RECORD + "\n").repeat(3));
		byte[] damaged = gzip((RECORD + "\n").repeat(500));
		// Flip bytes in the middle of the second member's deflate data.
		for (int i = damaged.length / 2; i < damaged.length / 2 + 8; i++) {
			damaged[i] ^= (byte) 0x5A;
		}
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.write(good);
		file.write(damaged);
		com.bedrockcostanalyzer.aggregate.UnitSummary summary = new com.bedrockcostanalyzer.aggregate.UnitSummary(
				new InputUnit("s", "k", "k", 1, "v", UnitFormat.INVOCATION_LOG, null),
				DayRanges.of(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3)), null, LongContextRule.NONE);

		this.reader.read(new ByteArrayInputStream(file.toByteArray()), summary);

		assertThat(summary.recordsCounted()).as("only the verified first member").isEqualTo(3);
		assertThat(summary.rejects())
			.containsOnlyKeys("gzip data is corrupt; the records of the damaged part are not counted");
	}

	@Test
	void readsPlainNdjsonAndSkipsBlankLinesAndForeignSchemas() throws IOException {
		String text = RECORD + "\n\n{\"schemaType\":\"Other\"}\r\n" + RECORD;

		Sink sink = read(text.getBytes(StandardCharsets.UTF_8));

		assertThat(sink.records).hasSize(2);
		assertThat(sink.skipped).isEqualTo(1);
		assertThat(sink.rejects).isEmpty();
	}

	@Test
	void rejectsAnOverlongLineWithoutHoldingItAndCountsTheNext() throws IOException {
		NdjsonReader small = new NdjsonReader(
				new InvocationLogParser(new ModelIdNormalizer(Map.of()), new PathResolver(List.of())), 1000);
		String text = "{\"x\":\"" + "a".repeat(200_000) + "\"}\n" + RECORD + "\n";
		Sink sink = new Sink();

		small.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sink);

		assertThat(sink.records).hasSize(1);
		assertThat(sink.rejects).containsExactly("line 1: line longer than 1000 bytes");
	}

	static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (OutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	@Test
	void readsTheRecordAfterACloudWatchLogsExportTimestamp() throws IOException {
		String record = "{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\","
				+ "\"timestamp\":\"2026-10-02T08:00:00Z\",\"region\":\"us-east-1\",\"requestId\":\"r1\","
				+ "\"operation\":\"Converse\",\"modelId\":\"amazon.nova-lite-v1:0\","
				+ "\"input\":{\"inputTokenCount\":5},\"output\":{\"outputTokenCount\":1}}";
		Sink sink = read(("2026-10-02T08:00:00.123Z " + record + "\n2026-10-02T08:00:01Z {not json\n"
				+ "2026-10-02 08:00:02 " + record + "\n")
			.getBytes(StandardCharsets.UTF_8));

		assertThat(sink.records).hasSize(1);
		assertThat(sink.rejects).hasSize(2);
		assertThat(sink.rejects.get(0)).startsWith("line 2: malformed JSON");
		assertThat(sink.rejects.get(1)).as("not the export form: read as it is").startsWith("line 3: malformed JSON");
	}

	private Sink read(byte[] content) throws IOException {
		Sink sink = new Sink();
		this.reader.read(new ByteArrayInputStream(content), sink);
		return sink;
	}

	static final class Sink implements RecordSink {

		final List<UsageRecord> records = new ArrayList<>();

		final List<String> rejects = new ArrayList<>();

		final List<String> notes = new ArrayList<>();

		int skipped;

		@Override
		public void accept(UsageRecord record) {
			this.records.add(record);
		}

		@Override
		public void reject(String location, String reason, LocalDate day) {
			this.rejects.add(location + ": " + reason);
		}

		@Override
		public void skip() {
			this.skipped++;
		}

		@Override
		public void note(String note) {
			this.notes.add(note);
		}

	}

}
