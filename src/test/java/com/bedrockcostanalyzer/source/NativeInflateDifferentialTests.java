package com.bedrockcostanalyzer.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.CorpusGenerator;
import com.bedrockcostanalyzer.usage.ModelIdNormalizer;
import com.bedrockcostanalyzer.usage.PathResolver;
import com.bedrockcostanalyzer.usage.UsageRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * libdeflate ({@link NativeGunzip}) against the JDK's checked gzip stream, the reader the
 * analyzer always had: every input read both ways must give the same records with the
 * same fields, the same rejects at the same locations and the same commit points. Sound
 * units must go through libdeflate (or nothing new is tested); damaged, truncated and
 * oversized ones fall back to the JDK stream over the same bytes.
 */
class NativeInflateDifferentialTests {

	private static final NdjsonReader READER = new NdjsonReader(
			new InvocationLogParser(new ModelIdNormalizer(Map.of()), new PathResolver(List.of("path", "feature"))),
			256 * 1024);

	private static final String LINE = "{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"2026-10-03T05:00:00Z\","
			+ "\"region\":\"us-east-1\",\"requestId\":\"%s\",\"operation\":\"Converse\","
			+ "\"modelId\":\"amazon.nova-lite-v1:0\",\"input\":{\"inputBodyJson\":{\"messages\":[{\"role\":\"user\","
			+ "\"content\":[{\"text\":\"%s\"}]}]},\"inputTokenCount\":%d},\"output\":{\"outputTokenCount\":%d}}\n";

	@BeforeAll
	static void nativeLibraryIsThere() {
		if (Boolean.getBoolean("bca.nativeInflateBuilt")) {
			assertThat(NativeGunzip.loaded()).as("libdeflate built into this jar and loaded").isTrue();
		}
		assumeTrue(NativeGunzip.loaded(), "libdeflate not built here (Debian's libdeflate-dev and gcc build it)");
	}

	@Test
	void readsGeneratedLogsAlike(@TempDir Path root) throws IOException {
		new CorpusGenerator(new CorpusGenerator.Options(27, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 4), 30,
				true, true, false))
			.write(root);
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter(Files::isRegularFile).sorted().toList();
		}
		int gzip = 0;
		for (Path file : files) {
			byte[] bytes = Files.readAllBytes(file);
			assertAlike(file.toString(), bytes);
			gzip += (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f) ? 1 : 0;
		}
		assertThat(gzip).isGreaterThan(100);
	}

	@Test
	void readsEveryHeaderAndMemberLayoutAlike() throws IOException {
		byte[] a = text(0, 40);
		byte[] b = text(40, 3);
		List<byte[]> cases = List.of(gzip(a), concat(gzip(a), gzip(b)), concat(gzip(a), gzip(new byte[0]), gzip(b)),
				member(a, 8, "logs.json"), member(a, 4, "xx"), member(a, 16, "a comment"), member(a, 2, null),
				member(a, 8 | 16 | 4 | 2, "all"), concat(member(b, 2, null), gzip(a)));
		for (int i = 0; i < cases.size(); i++) {
			assertThat(open(cases.get(i))).as("case %d inflated by libdeflate", i)
				.isInstanceOf(NativeGunzip.InflatedGzip.class);
			assertAlike("case " + i, cases.get(i));
		}
	}

	@Test
	void rejectsTruncatedUnitsAlikeAtEveryCut() throws IOException {
		byte[] whole = concat(gzip(text(0, 30)), gzip(text(30, 30)), gzip(text(60, 5)));
		for (int cut = 0; cut < whole.length; cut += 7) {
			assertAlike("cut at " + cut, Arrays.copyOf(whole, cut));
		}
	}

	@Test
	void rejectsDamagedUnitsAlike() throws IOException {
		byte[] whole = concat(gzip(text(0, 30)), gzip(text(30, 60)));
		Random random = new Random(5);
		for (int round = 0; round < 400; round++) {
			byte[] damaged = whole.clone();
			int flips = 1 + random.nextInt(3);
			for (int i = 0; i < flips; i++) {
				damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
			}
			assertAlike("round " + round, damaged);
		}
		assertAlike("trailing zeros", concat(whole, new byte[16]));
		assertAlike("trailing text", concat(whole, "not gzip\n".getBytes(StandardCharsets.US_ASCII)));
		byte[] reserved = gzip(text(0, 3));
		reserved[3] |= (byte) 0x20;
		assertAlike("reserved header flag", reserved);
	}

	@Test
	void streamsUnitsTooLargeToHoldAlike() throws IOException {
		// Incompressible prompts: more compressed bytes than are read whole.
		Random random = new Random(9);
		StringBuilder text = new StringBuilder();
		long bytes = 0;
		for (int i = 0; bytes < NativeGunzip.MAX_INPUT * 2L; i++) {
			byte[] prompt = new byte[6000];
			random.nextBytes(prompt);
			String line = LINE.formatted("big-" + i, java.util.HexFormat.of().formatHex(prompt), 10, 5);
			text.append(line);
			bytes += line.length() / 2;
		}
		byte[] large = gzip(text.toString().getBytes(StandardCharsets.US_ASCII));
		assertThat(large.length).isGreaterThan(NativeGunzip.MAX_INPUT);
		assertThat(open(large)).isInstanceOf(StrictGzipInputStream.class);
		assertAlike("compressed bytes over the limit", large);
		// Highly compressible: more inflated bytes than are held at once.
		byte[] repetitive = gzip(text(0, 100, NativeGunzip.MAX_OUTPUT / 100 / 51 + 100));
		assertThat(repetitive.length).isLessThan(NativeGunzip.MAX_INPUT);
		assertThat(open(repetitive)).isInstanceOf(StrictGzipInputStream.class);
		assertAlike("inflated bytes over the limit", repetitive);
	}

	private static InputStream open(byte[] unit) throws IOException {
		return Decompression.maybeGunzip(new ByteArrayInputStream(unit), true);
	}

	private static void assertAlike(String what, byte[] unit) throws IOException {
		List<String> jdk = events(unit, false);
		List<String> libdeflate = events(unit, true);
		assertThat(libdeflate).as(what).isEqualTo(jdk);
	}

	private static List<String> events(byte[] unit, boolean nativeInflate) throws IOException {
		List<String> events = new ArrayList<>();
		READER.read(new ByteArrayInputStream(unit), new RecordSink() {

			@Override
			public void accept(UsageRecord record) {
				events.add("accept " + record);
			}

			@Override
			public void reject(String location, String reason, LocalDate day) {
				events.add("reject " + location + " | " + reason + " | " + day);
			}

			@Override
			public void skip() {
				events.add("skip");
			}

			@Override
			public void note(String note) {
				events.add("note " + note);
			}

			@Override
			public void commit() {
				events.add("commit");
			}

			@Override
			public void discard() {
				events.add("discard");
			}

		}, nativeInflate);
		return events;
	}

	private static byte[] text(int first, int lines) {
		return text(first, lines, 1);
	}

	/** Log lines, the prompt repeated {@code repeat} times. */
	private static byte[] text(int first, int lines, int repeat) {
		StringBuilder text = new StringBuilder();
		String prompt = "Summarise the order history and the refund policy. ".repeat(repeat);
		for (int i = first; i < first + Math.max(lines, 1); i++) {
			text.append(LINE.formatted("req-" + i, prompt, 100 + i, 7 + i));
		}
		return text.toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] gzip(byte[] data) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (OutputStream out = new GZIPOutputStream(bytes)) {
			out.write(data);
		}
		return bytes.toByteArray();
	}

	/**
	 * A member with the header fields {@code flags} names (FHCRC 2, FEXTRA 4, FNAME 8,
	 * FCOMMENT 16), each holding {@code field}.
	 */
	private static byte[] member(byte[] data, int flags, String field) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { 0x1f, (byte) 0x8b, 8, (byte) flags, 0, 0, 0, 0, 0, 3 });
		if ((flags & 4) != 0) {
			byte[] extra = field.getBytes(StandardCharsets.ISO_8859_1);
			out.write(extra.length & 0xff);
			out.write(extra.length >> 8);
			out.write(extra);
		}
		for (int flag : new int[] { 8, 16 }) {
			if ((flags & flag) != 0) {
				out.write(field.getBytes(StandardCharsets.ISO_8859_1));
				out.write(0);
			}
		}
		if ((flags & 2) != 0) {
			CRC32 header = new CRC32();
			header.update(out.toByteArray());
			out.write((int) header.getValue() & 0xff);
			out.write((int) (header.getValue() >> 8) & 0xff);
		}
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
		deflater.setInput(data);
		deflater.finish();
		byte[] buffer = new byte[8192];
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		CRC32 crc = new CRC32();
		crc.update(data);
		for (long value : new long[] { crc.getValue(), data.length }) {
			for (int i = 0; i < 4; i++) {
				out.write((int) (value >> (8 * i)) & 0xff);
			}
		}
		return out.toByteArray();
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
