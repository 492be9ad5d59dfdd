package com.bedrockcostanalyzer.aggregate;

import com.bedrockcostanalyzer.usage.TokenCounts;
import com.bedrockcostanalyzer.usage.UsageRecord;

/**
 * Counters for one aggregation key; mutable because it is folded into millions of times
 * per unit.
 */
public final class UsageTotals {

	long requests;

	long errors;

	long streamingRequests;

	long truncatedRequests;

	long inputTokens;

	long outputTokens;

	long cacheReadTokens;

	long cacheWrite5mTokens;

	long cacheWrite1hTokens;

	long humanRequests;

	long outputTokensSquared;

	/**
	 * Prompt tokens (uncached input and cache) of the logged invocations, one a record.
	 */
	long measuredPromptTokens;

	/**
	 * Of those, the invocations whose answer was short: see {@link #SHORT_ANSWER_TOKENS}.
	 */
	long shortRequests;

	long shortPromptTokens;

	/**
	 * An invocation answered in at most this many tokens, and in at most a quarter of its
	 * prompt, has the shape of classification or extraction: the requests model routing
	 * counts as routable.
	 */
	public static final long SHORT_ANSWER_TOKENS = 100;

	public UsageTotals() {
	}

	public UsageTotals(long requests, long errors, long streamingRequests, long truncatedRequests, TokenCounts tokens) {
		this(requests, errors, streamingRequests, truncatedRequests, tokens, 0, 0);
	}

	public UsageTotals(long requests, long errors, long streamingRequests, long truncatedRequests, TokenCounts tokens,
			long humanRequests, long outputTokensSquared) {
		this.humanRequests = humanRequests;
		this.outputTokensSquared = outputTokensSquared;
		this.requests = requests;
		this.errors = errors;
		this.streamingRequests = streamingRequests;
		this.truncatedRequests = truncatedRequests;
		this.inputTokens = tokens.input();
		this.outputTokens = tokens.output();
		this.cacheReadTokens = tokens.cacheRead();
		this.cacheWrite5mTokens = tokens.cacheWrite5m();
		this.cacheWrite1hTokens = tokens.cacheWrite1h();
	}

	/** Totals read back from the store, the routing counters included. */
	public UsageTotals(long requests, long errors, long streamingRequests, long truncatedRequests, TokenCounts tokens,
			long humanRequests, long outputTokensSquared, long measuredPromptTokens, long shortRequests,
			long shortPromptTokens) {
		this(requests, errors, streamingRequests, truncatedRequests, tokens, humanRequests, outputTokensSquared);
		this.measuredPromptTokens = measuredPromptTokens;
		this.shortRequests = shortRequests;
		this.shortPromptTokens = shortPromptTokens;
	}

	/**
	 * Adds a record. Sums are checked: a sum that would pass 64 bits throws
	 * {@link ArithmeticException} and leaves these totals as they were, instead of
	 * wrapping to a negative figure.
	 */
	void add(UsageRecord record) {
		TokenCounts tokens = record.tokens();
		long human = (record.detail() != null && record.detail().humanCaller()) ? record.requests() : 0;
		// One request per logged record: the square feeds the spread of output sizes
		// (routing's "low variance").
		boolean one = record.requests() == 1;
		long squared = one ? Math.multiplyExact(tokens.output(), tokens.output()) : 0;
		// Exports sum many invocations a row: only a logged invocation tells its own
		// shape.
		long prompt = one ? Math.addExact(Math.addExact(tokens.input(), tokens.cacheRead()), tokens.cacheWrite()) : 0;
		boolean shortAnswer = one && tokens.output() <= SHORT_ANSWER_TOKENS && tokens.output() * 4 <= prompt;
		add(record.requests(), record.errors(), record.streamingRequests(), record.truncatedRequests(), tokens.input(),
				tokens.output(), tokens.cacheRead(), tokens.cacheWrite5m(), tokens.cacheWrite1h(), human, squared,
				prompt, shortAnswer ? 1 : 0, shortAnswer ? prompt : 0);
	}

	public void add(UsageTotals other) {
		add(other.requests, other.errors, other.streamingRequests, other.truncatedRequests, other.inputTokens,
				other.outputTokens, other.cacheReadTokens, other.cacheWrite5mTokens, other.cacheWrite1hTokens,
				other.humanRequests, other.outputTokensSquared, other.measuredPromptTokens, other.shortRequests,
				other.shortPromptTokens);
	}

	private void add(long requests, long errors, long streaming, long truncated, long input, long output,
			long cacheRead, long cacheWrite5m, long cacheWrite1h, long human, long squared, long measuredPrompt,
			long shortRequests, long shortPrompt) {
		// Every sum first, then every field: an overflow leaves nothing half added.
		// (Locals, not an array: this runs
		// for every record.)
		long newRequests = Math.addExact(this.requests, requests);
		long newErrors = Math.addExact(this.errors, errors);
		long newStreaming = Math.addExact(this.streamingRequests, streaming);
		long newTruncated = Math.addExact(this.truncatedRequests, truncated);
		long newInput = Math.addExact(this.inputTokens, input);
		long newOutput = Math.addExact(this.outputTokens, output);
		long newCacheRead = Math.addExact(this.cacheReadTokens, cacheRead);
		long newCacheWrite5m = Math.addExact(this.cacheWrite5mTokens, cacheWrite5m);
		long newCacheWrite1h = Math.addExact(this.cacheWrite1hTokens, cacheWrite1h);
		long newHuman = Math.addExact(this.humanRequests, human);
		long newSquared = Math.addExact(this.outputTokensSquared, squared);
		long newMeasuredPrompt = Math.addExact(this.measuredPromptTokens, measuredPrompt);
		long newShortRequests = Math.addExact(this.shortRequests, shortRequests);
		long newShortPrompt = Math.addExact(this.shortPromptTokens, shortPrompt);
		this.requests = newRequests;
		this.errors = newErrors;
		this.streamingRequests = newStreaming;
		this.truncatedRequests = newTruncated;
		this.inputTokens = newInput;
		this.outputTokens = newOutput;
		this.cacheReadTokens = newCacheRead;
		this.cacheWrite5mTokens = newCacheWrite5m;
		this.cacheWrite1hTokens = newCacheWrite1h;
		this.humanRequests = newHuman;
		this.outputTokensSquared = newSquared;
		this.measuredPromptTokens = newMeasuredPrompt;
		this.shortRequests = newShortRequests;
		this.shortPromptTokens = newShortPrompt;
	}

	public long requests() {
		return this.requests;
	}

	public long errors() {
		return this.errors;
	}

	public long streamingRequests() {
		return this.streamingRequests;
	}

	public long truncatedRequests() {
		return this.truncatedRequests;
	}

	public long humanRequests() {
		return this.humanRequests;
	}

	public long outputTokensSquared() {
		return this.outputTokensSquared;
	}

	public long measuredPromptTokens() {
		return this.measuredPromptTokens;
	}

	public long shortRequests() {
		return this.shortRequests;
	}

	public long shortPromptTokens() {
		return this.shortPromptTokens;
	}

	public TokenCounts tokens() {
		return new TokenCounts(this.inputTokens, this.outputTokens, this.cacheReadTokens, this.cacheWrite5mTokens,
				this.cacheWrite1hTokens);
	}

}
