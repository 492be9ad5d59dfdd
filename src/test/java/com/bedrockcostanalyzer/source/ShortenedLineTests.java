package com.bedrockcostanalyzer.source;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Random;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The shortened copy against the line itself, both walked by Jackson in step: same
 * tokens, every token's offset mapped back to where Jackson finds it in the line, every
 * cut string's text as Jackson reads it from the line.
 */
class ShortenedLineTests {

	private static final String DELTA = delta(0, "text_delta", "text", "a");

	private static final String[] PIECES = { "a", "é", "€", "😀", "\\\"", "\\\\", "\\n", "\\u00e9", "\\/", " ", "\"",
			"{", "}", ":", "," };

	@Test
	void mapsEveryTokenBackToTheLine() {
		Random random = new Random(3);
		ShortenedLine view = new ShortenedLine();
		int cutLines = 0;
		for (int round = 0; round < 3_000; round++) {
			String json = value(random, 0);
			// The line sits inside a larger buffer, as lines do in the reader's.
			byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
			byte[] buffer = new byte[utf8.length + 20];
			System.arraycopy(utf8, 0, buffer, 7, utf8.length);
			view.shorten(buffer, 7, utf8.length);
			cutLines += (view.bytes() != buffer) ? 1 : 0;
			try (JsonParser line = parser(buffer, 7, utf8.length);
					JsonParser copy = parser(view.bytes(), view.offset(), view.length())) {
				JsonToken token;
				while ((token = line.nextToken()) != null) {
					assertThat(copy.nextToken()).isEqualTo(token);
					long inLine = line.currentTokenLocation().getByteOffset();
					long inCopy = copy.currentTokenLocation().getByteOffset();
					assertThat(view.toLine(inCopy)).as(json).isEqualTo(inLine);
					if (token == JsonToken.PROPERTY_NAME) {
						assertThat(copy.currentName()).isEqualTo(line.currentName());
					}
					if (token == JsonToken.VALUE_STRING) {
						int[] cut = view.cutString(inCopy);
						String text = line.getString();
						// What a parser reads for a field: the line's text, cut or not
						// (an empty string included).
						assertThat(view.text(copy, token)).as(json).isEqualTo(text);
						if (cut != null) {
							assertThat(text.getBytes(StandardCharsets.UTF_8).length)
								.isGreaterThanOrEqualTo(ShortenedLine.LONG_STRING / 6);
							assertThat(view.decodeString(cut)).isEqualTo(text);
							assertThat(cut[0]).isEqualTo(inLine);
						}
						else {
							assertThat(copy.getString()).isEqualTo(text);
						}
					}
					if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
						assertThat(view.toLine(copy.currentLocation().getByteOffset()))
							.isEqualTo(line.currentLocation().getByteOffset());
					}
				}
				assertThat(copy.nextToken()).isNull();
			}
		}
		assertThat(cutLines).isGreaterThan(500);
	}

	@Test
	void collapsesExactlyTheAnswerDeltaEventsAndMapsEverythingElseBackToTheLine() {
		String text = delta(0, "text_delta", "text", "Hi, \\\"there\\\" }}");
		String tool = delta(12, "input_json_delta", "partial_json", "{\\\"city\\\": \\\"Par");
		String thinking = delta(1, "thinking_delta", "thinking", "é".repeat(150));
		// As Bedrock logs a token at a time: a text that ends in an escaped backslash,
		// one that is an escaped quote.
		String backslash = delta(0, "text_delta", "text", "(\\\\");
		String quote = delta(0, "text_delta", "text", " \\\"");
		String[] kept = {
				"{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}",
				// One byte or one field away from the shape: each is the parser's to
				// read.
				text.replace("\"}}", "\",\"stop_reason\":\"max_tokens\"}}"), text.replace(",\"index", ", \"index"),
				text.replace("\"index\":0", "\"index\":-1"), text.replace("\"index\":0", "\"index\":0.5"),
				text.replace("text_delta", "signature_delta"),
				text.replace("\"}}", "\"},\"usage\":{\"output_tokens\":9}}"),
				"{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":20}}" };
		// Deltas next to each other are collapsed as one run.
		String[][] runs = { { text }, { tool }, { thinking, backslash, quote }, { text, tool } };
		String events = String.join(",", kept[0], String.join(",", runs[0]), kept[1], String.join(",", runs[1]),
				kept[2], kept[3], kept[4], String.join(",", runs[2]), kept[5], kept[6], String.join(",", runs[3]),
				kept[7]);
		// Not an array's element: a property's value (request metadata) and the line
		// itself are never collapsed.
		String json = "{\"requestMetadata\":" + text + ",\"output\":{\"outputBodyJson\":[" + events + "],"
				+ "\"outputTokenCount\":7},\"tail\":\"" + "z".repeat(200) + "\"}";
		byte[] line = json.getBytes(StandardCharsets.UTF_8);
		ShortenedLine view = new ShortenedLine();
		view.shorten(line, 0, line.length);

		// Where each run starts in the line and how many events it holds; the copy loses
		// all of a run but its first
		// and last brace, and the tail's 200 bytes of text.
		Map<Long, Integer> starts = new HashMap<>();
		long removed = 200;
		String latinLine = new String(line, StandardCharsets.ISO_8859_1);
		int from = 0;
		for (String[] run : runs) {
			String latin = new String(String.join(",", run).getBytes(StandardCharsets.UTF_8),
					StandardCharsets.ISO_8859_1);
			from = latinLine.indexOf("," + latin + ",", from) + 1;
			starts.put((long) from, run.length);
			removed += latin.length() - 2;
		}
		assertThat(starts).hasSize(4).doesNotContainKey(0L);
		assertThat(view.length()).isEqualTo(line.length - removed);
		try (JsonParser original = parser(line, 0, line.length);
				JsonParser copy = parser(view.bytes(), view.offset(), view.length())) {
			JsonToken token;
			while ((token = original.nextToken()) != null) {
				assertThat(copy.nextToken()).isEqualTo(token);
				assertThat(view.toLine(copy.currentTokenLocation().getByteOffset()))
					.isEqualTo(original.currentTokenLocation().getByteOffset());
				if (token == JsonToken.PROPERTY_NAME) {
					assertThat(copy.currentName()).isEqualTo(original.currentName());
				}
				Integer run = (token == JsonToken.START_OBJECT)
						? starts.remove(original.currentTokenLocation().getByteOffset()) : null;
				if (run != null) {
					original.skipChildren();
					for (int i = 1; i < run; i++) {
						assertThat(original.nextToken()).isEqualTo(JsonToken.START_OBJECT);
						original.skipChildren();
					}
					assertThat(copy.nextToken()).isEqualTo(JsonToken.END_OBJECT);
					assertThat(view.toLine(copy.currentTokenLocation().getByteOffset()))
						.isEqualTo(original.currentTokenLocation().getByteOffset());
				}
			}
			assertThat(copy.nextToken()).isNull();
		}
		assertThat(starts).isEmpty();
	}

	@Test
	void leavesBrokenStructureForTheParserToReject() {
		ShortenedLine view = new ShortenedLine();
		String longText = "x".repeat(500);
		for (String broken : new String[] { "{\"a\":\"" + longText, "{\"a\":\"" + longText + "\"",
				"{\"a\":\"" + longText + "\" \"b\":1}", "{\"a\":[\"" + longText + "\"}",
				"{\"a\":\"" + longText + "\\\"}", "[" + DELTA.replace(":0,", ":01,") + "]",
				"[" + DELTA.substring(0, DELTA.length() - 1) + "]", "[" + DELTA.replace("\"}}", "}}") + "]",
				"{\"a\":1," + DELTA + "}", "[" + DELTA + DELTA + "]", "[" + DELTA + "," + DELTA + ",]",
				"[" + DELTA + " " + DELTA + "]", "[" + DELTA.substring(0, 20), "[" + DELTA.substring(0, 50) }) {
			byte[] bytes = broken.getBytes(StandardCharsets.UTF_8);
			view.shorten(bytes, 0, bytes.length);
			assertThatExceptionOfType(JacksonException.class).as(broken).isThrownBy(() -> {
				try (JsonParser p = parser(view.bytes(), view.offset(), view.length())) {
					while (p.nextToken() != null) {
						// walk to the end
					}
				}
			});
		}
	}

	@Test
	void neverCutsPropertyNames() {
		String name = "k".repeat(300);
		byte[] bytes = ("{\"" + name + "\" :\"" + "v".repeat(300) + "\"}").getBytes(StandardCharsets.UTF_8);
		ShortenedLine view = new ShortenedLine();
		view.shorten(bytes, 0, bytes.length);
		try (JsonParser p = parser(view.bytes(), view.offset(), view.length())) {
			p.nextToken();
			p.nextToken();
			assertThat(p.currentName()).isEqualTo(name);
			assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
			assertThat(p.getString()).isEmpty();
		}
	}

	/**
	 * An answer-delta event as Anthropic streams it; {@code jsonText} is the text as it
	 * stands in JSON (escaped).
	 */
	static String delta(int index, String type, String field, String jsonText) {
		return "{\"type\":\"content_block_delta\",\"index\":" + index + ",\"delta\":{\"type\":\"" + type + "\",\""
				+ field + "\":\"" + jsonText + "\"}}";
	}

	private static JsonParser parser(byte[] bytes, int offset, int length) {
		return JsonValues.FACTORY.createParser(ObjectReadContext.empty(), bytes, offset, length);
	}

	private static String value(Random random, int depth) {
		int kind = depth > 3 ? random.nextInt(3) : random.nextInt(6);
		return switch (kind) {
			case 0 -> string(random);
			case 1 -> Integer.toString(random.nextInt(100_000));
			case 2 -> random.nextBoolean() ? "null" : "true";
			case 3, 4 -> {
				StringBuilder object = new StringBuilder("{");
				int members = random.nextInt(5);
				for (int i = 0; i < members; i++) {
					object.append(i == 0 ? "" : ",")
						.append(random.nextBoolean() ? " " : "")
						.append(string(random))
						.append(random.nextBoolean() ? " : " : ":")
						.append(value(random, depth + 1));
				}
				yield object.append("}").toString();
			}
			default -> {
				StringBuilder array = new StringBuilder("[");
				int elements = random.nextInt(5);
				for (int i = 0; i < elements; i++) {
					array.append(i == 0 ? "" : ", ").append(value(random, depth + 1));
				}
				yield array.append("]").toString();
			}
		};
	}

	/**
	 * A JSON string of 0 to ~400 bytes: plain and multi-byte characters, escapes, escaped
	 * quotes and backslashes.
	 */
	private static String string(Random random) {
		StringBuilder text = new StringBuilder("\"");
		int length = random.nextInt(4) == 0 ? random.nextInt(400) : random.nextInt(140);
		while (text.length() < length) {
			String piece = PIECES[random.nextInt(PIECES.length)];
			text.append(piece.equals("\"") ? "\\\"" : piece);
		}
		return text.append('"').toString();
	}

}
