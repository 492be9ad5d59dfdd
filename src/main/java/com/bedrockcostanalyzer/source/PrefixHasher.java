package com.bedrockcostanalyzer.source;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Fingerprints the cacheable prefix of a request (system prompt, tools) as the streaming parser passes over it:
 * FNV-1a over the field names and values, straight from the parser's buffers. Only the 64-bit hash and the length are
 * kept; cache-point markers are noted but do not change the fingerprint.
 */
final class PrefixHasher {

	private static final long OFFSET_BASIS = 0xcbf29ce484222325L;

	private static final long PRIME = 0x100000001b3L;

	private long hash = OFFSET_BASIS;

	private long chars;

	private boolean cacheMarked;

	/** Hashes the value the parser is on (an object, array or scalar) and everything inside it. */
	void addValue(JsonParser p, JsonToken token) {
		int depth = 0;
		JsonToken t = token;
		while (true) {
			if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
				depth++;
				mix('{');
			}
			else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
				depth--;
				mix('}');
			}
			else if (t == JsonToken.PROPERTY_NAME) {
				String name = p.currentName();
				if (name.equals("cachePoint") || name.equals("cache_control")) {
					this.cacheMarked = true;
					p.nextToken();
					p.skipChildren();
				}
				else {
					mix(name);
				}
			}
			else if (t == JsonToken.VALUE_STRING) {
				addChars(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
			}
			else if (t != null && t.isScalarValue()) {
				mix(p.getString());
			}
			if (depth <= 0) {
				return;
			}
			t = p.nextToken();
		}
	}

	/** Hashes part of a string, such as the system turn of a Llama prompt. */
	void addText(String text) {
		addChars(text.toCharArray(), 0, text.length());
	}

	void markCached() {
		this.cacheMarked = true;
	}

	private void addChars(char[] buffer, int offset, int length) {
		long h = this.hash;
		for (int i = offset; i < offset + length; i++) {
			h = (h ^ buffer[i]) * PRIME;
		}
		this.hash = h;
		this.chars += length;
	}

	private void mix(String text) {
		for (int i = 0; i < text.length(); i++) {
			this.hash = (this.hash ^ text.charAt(i)) * PRIME;
		}
	}

	private void mix(char c) {
		this.hash = (this.hash ^ c) * PRIME;
	}

	long chars() {
		return this.chars;
	}

	/** The fingerprint; never 0, which means "no prefix". */
	long fingerprint() {
		return this.hash == 0 ? 1 : this.hash;
	}

	boolean cacheMarked() {
		return this.cacheMarked;
	}

}
