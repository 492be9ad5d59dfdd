package com.bedrockcostanalyzer.source;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Fingerprints the cacheable prefix of a request (system prompt, tools) from the raw
 * bytes of the log line, never decoding its text: two hardware-accelerated checksums
 * (CRC32C and CRC32) over each part's JSON bytes make a 64-bit fingerprint. Only that and
 * the byte length are kept. Cache-point markers are found by field name as the parser
 * steps over the value.
 */
final class PrefixHasher {

	private final CRC32C crc32c = new CRC32C();

	private final CRC32 crc32 = new CRC32();

	private long bytes;

	private boolean cacheMarked;

	/**
	 * Adds the value the parser is on: its raw JSON bytes in the line are hashed and the
	 * parser is moved past it.
	 */
	void addValue(JsonParser p, JsonToken token, ShortenedLine view) {
		long parsedStart = p.currentTokenLocation().getByteOffset();
		long start = view.toLine(parsedStart);
		long end;
		if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
			findMarkers(p);
			end = view.toLine(p.currentLocation().getByteOffset());
		}
		else if (token == JsonToken.VALUE_STRING) {
			end = view.endOfString(parsedStart);
		}
		else {
			return;
		}
		if (start < 0 || end <= start || end > view.lineLength()) {
			return;
		}
		int from = view.lineOffset() + (int) start;
		int length = (int) (end - start);
		this.crc32c.update(view.line(), from, length);
		this.crc32.update(view.line(), from, length);
		this.bytes += length;
	}

	/** Hashes part of a string, such as the system turn of a Llama prompt. */
	void addText(String text) {
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		this.crc32c.update(utf8, 0, utf8.length);
		this.crc32.update(utf8, 0, utf8.length);
		this.bytes += utf8.length;
	}

	void markCached() {
		this.cacheMarked = true;
	}

	/**
	 * Steps over an object or array to its end, noting cache points; strings are skipped,
	 * not decoded.
	 */
	void findMarkers(JsonParser p) {
		int depth = 1;
		while (depth > 0) {
			JsonToken t = p.nextToken();
			if (t == null) {
				return;
			}
			if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
				depth++;
			}
			else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
				depth--;
			}
			else if (t == JsonToken.PROPERTY_NAME
					&& (p.currentName().equals("cachePoint") || p.currentName().equals("cache_control"))) {
				this.cacheMarked = true;
			}
		}
	}

	/**
	 * The prefix's size in bytes of the log line (comparable with the request body's).
	 */
	long bytes() {
		return this.bytes;
	}

	/** The fingerprint; never 0, which means "no prefix". */
	long fingerprint() {
		long hash = (this.crc32c.getValue() << 32) | this.crc32.getValue();
		return hash == 0 ? 1 : hash;
	}

	boolean cacheMarked() {
		return this.cacheMarked;
	}

}
