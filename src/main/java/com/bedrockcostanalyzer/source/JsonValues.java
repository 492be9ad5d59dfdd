package com.bedrockcostanalyzer.source;

import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * The streaming-parser pieces every NDJSON line parser shares: the factory and strict
 * token-count reading.
 */
final class JsonValues {

	/**
	 * No single request comes near this; a count above it is a corrupt record, not usage.
	 */
	static final long MAX_TOKENS_PER_RECORD = 100_000_000L;

	static final JsonFactory FACTORY = JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build())
		.build();

	private JsonValues() {
	}

	/**
	 * A scalar as text; null for JSON null; a structure is stepped over and gives null.
	 */
	static String text(JsonParser p, JsonToken token) {
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token.isScalarValue()) {
			return p.getString();
		}
		p.skipChildren();
		return null;
	}

	/**
	 * A token count: a whole JSON number from zero to {@link #MAX_TOKENS_PER_RECORD}.
	 * Anything else is reported as a problem naming the field (never the value) and gives
	 * -1, as does JSON null.
	 */
	static long count(JsonParser p, JsonToken token, String field, Consumer<String> problem) {
		if (token == JsonToken.VALUE_NULL) {
			return -1;
		}
		if (token != JsonToken.VALUE_NUMBER_INT) {
			p.skipChildren();
			problem.accept(field + " is not a whole number");
			return -1;
		}
		if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
			problem.accept(field + " is implausibly large");
			return -1;
		}
		long value = p.getLongValue();
		if (value < 0) {
			problem.accept(field + " is negative");
			return -1;
		}
		if (value > MAX_TOKENS_PER_RECORD) {
			problem.accept(field + " is implausibly large");
			return -1;
		}
		return value;
	}

	/**
	 * A reject reason for a line the parser could not read: where in the line, never what
	 * is there.
	 * @param toLine maps an offset in what the parser read to the offset in the line (see
	 * {@link ShortenedLine})
	 */
	static String describe(JacksonException ex, LongUnaryOperator toLine) {
		if (ex instanceof StreamConstraintsException) {
			return "JSON exceeds the parser's limits (nesting, string or number length)";
		}
		var location = ex.getLocation();
		return (location != null && location.getColumnNr() > 0)
				? "malformed JSON at column " + (toLine.applyAsLong(location.getColumnNr() - 1) + 1) : "malformed JSON";
	}

}
