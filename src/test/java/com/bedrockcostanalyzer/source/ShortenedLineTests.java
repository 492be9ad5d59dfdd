package com.bedrockcostanalyzer.source;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The shortened copy against the line itself, both walked by Jackson in step: same tokens, every token's offset mapped
 * back to where Jackson finds it in the line, every cut string's text as Jackson reads it from the line.
 */
class ShortenedLineTests {

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
						// What a parser reads for a field: the line's text, cut or not (an empty string included).
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
	void leavesBrokenStructureForTheParserToReject() {
		ShortenedLine view = new ShortenedLine();
		String longText = "x".repeat(500);
		for (String broken : new String[] { "{\"a\":\"" + longText, "{\"a\":\"" + longText + "\"", "{\"a\":\"" + longText
				+ "\" \"b\":1}", "{\"a\":[\"" + longText + "\"}", "{\"a\":\"" + longText + "\\\"}" }) {
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
					object.append(i == 0 ? "" : ",").append(random.nextBoolean() ? " " : "").append(string(random))
						.append(random.nextBoolean() ? " : " : ":").append(value(random, depth + 1));
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

	/** A JSON string of 0 to ~400 bytes: plain and multi-byte characters, escapes, escaped quotes and backslashes. */
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
