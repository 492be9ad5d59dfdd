package com.bedrockcostanalyzer.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.bedrockcostanalyzer.usage.ModelIdNormalizer;
import com.bedrockcostanalyzer.usage.PathResolver;
import com.bedrockcostanalyzer.usage.UsageRecord;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionEnvelopeReaderTests {

	private final SubscriptionEnvelopeReader reader = new SubscriptionEnvelopeReader(
			new InvocationLogParser(new ModelIdNormalizer(Map.of()), new PathResolver(List.of("path"))));

	@Test
	void countsEachEventOfDataMessagesWhateverTheFieldOrderAndStopsAtBrokenJson() throws IOException {
		String data = "{\"logEvents\":[{\"id\":\"1\",\"message\":" + quoted(record("a", 100)) + "},{\"message\":"
				+ quoted("{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"2026-10-02T08:00:00Z\"}")
				+ "},{\"id\":\"3\"}],\"messageType\":\"DATA_MESSAGE\"}";
		String second = "{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[{\"message\":" + quoted(record("b", 200))
				+ "}]}";
		String other = "{\"messageType\":\"SOMETHING_ELSE\",\"logEvents\":[{\"message\":" + quoted(record("c", 400))
				+ "}]}";
		NdjsonReaderTests.Sink sink = new NdjsonReaderTests.Sink();

		this.reader.read(new ByteArrayInputStream(
				(data + second + "\n" + other + "{\"messageType\":").getBytes(StandardCharsets.UTF_8)), sink);

		assertThat(sink.records).extracting((r) -> r.tokens().input()).containsExactly(100L, 200L);
		assertThat(sink.records).extracting(UsageRecord::path).containsExactly("a", "b");
		assertThat(sink.rejects).hasSize(4);
		assertThat(sink.rejects.get(0)).startsWith("envelope 1, event 2: ");
		assertThat(sink.rejects.get(1)).isEqualTo("envelope 1, event 3: a log event without a message");
		assertThat(sink.rejects.get(2))
			.isEqualTo("envelope 3: an envelope that is neither DATA_MESSAGE nor CONTROL_MESSAGE");
		assertThat(sink.rejects.get(3)).startsWith("envelope 4: not JSON from here on");
	}

	@Test
	void countsTheEnvelopesBeforeAGzipCutShortAndSaysItIsCutNotBrokenJson() throws IOException {
		StringBuilder second = new StringBuilder("{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[");
		java.util.Random random = new java.util.Random(7);
		for (int i = 0; i < 400; i++) {
			second.append(i == 0 ? "" : ",")
				.append("{\"message\":")
				.append(quoted(record("p" + random.nextLong(), i)))
				.append('}');
		}
		second.append("]}");
		String text = "{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[{\"message\":" + quoted(record("a", 100))
				+ "}]}" + second;
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		byte[] whole = bytes.toByteArray();
		NdjsonReaderTests.Sink sink = new NdjsonReaderTests.Sink();

		this.reader.read(new ByteArrayInputStream(java.util.Arrays.copyOf(whole, whole.length / 2)), sink);

		// The first envelope is whole before the cut; the second is cut in two, and none
		// of it is a record to count.
		assertThat(sink.records).extracting(UsageRecord::path).containsExactly("a");
		assertThat(sink.rejects).singleElement()
			.asString()
			.isEqualTo("envelope 2: gzip stream is truncated; what it breaks off in is not counted");
	}

	private static String record(String path, long input) {
		return "{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"2026-10-02T08:00:00Z\","
				+ "\"region\":\"us-east-1\",\"requestId\":\"" + path + "\",\"operation\":\"Converse\","
				+ "\"modelId\":\"amazon.nova-lite-v1:0\",\"requestMetadata\":{\"path\":\"" + path + "\"},"
				+ "\"input\":{\"inputTokenCount\":" + input + "},\"output\":{\"outputTokenCount\":1}}";
	}

	private static String quoted(String json) {
		return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
