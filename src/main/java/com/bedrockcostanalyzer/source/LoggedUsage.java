package com.bedrockcostanalyzer.source;

import com.bedrockcostanalyzer.usage.TokenCounts;

/**
 * The token counts a line states, as its parser finds them (-1: not stated), whether the
 * answer was cut at its token limit, and the first problem met: what the invocation-log
 * and the batch-output parsers both gather.
 */
class LoggedUsage {

	long input = -1;

	long output = -1;

	long cacheRead = -1;

	long cacheWrite = -1;

	/** The 1-hour part of the cache writes, from the response body where it says. */
	long cacheWrite1h = -1;

	boolean truncated;

	String problem;

	/** Keeps the first problem only: it is the one the reject reports. */
	void problem(String text) {
		if (this.problem == null) {
			this.problem = text;
		}
	}

	/**
	 * A value of a field a record states once: a second one (a duplicated key, which JSON
	 * parsers settle by letting the last win) makes the record ambiguous, and it is
	 * rejected rather than counted with either value.
	 */
	long once(long stated, long value, String field) {
		if (stated != -1) {
			problem(field + " is stated twice in the record (ambiguous)");
		}
		return value;
	}

	String once(String stated, String value, String field) {
		if (stated != null) {
			problem(field + " is stated twice in the record (ambiguous)");
		}
		return value;
	}

	/**
	 * Anthropic {@code max_tokens}, Converse and Llama {@code length}: the answer hit its
	 * limit.
	 */
	void stopReason(String reason) {
		this.truncated |= "max_tokens".equals(reason) || "length".equals(reason);
	}

	TokenCounts tokens() {
		return TokenCounts.logged(this.input, this.output, this.cacheRead, this.cacheWrite, this.cacheWrite1h);
	}

}
