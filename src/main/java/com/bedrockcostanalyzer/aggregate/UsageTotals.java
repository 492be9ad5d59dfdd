package com.bedrockcostanalyzer.aggregate;

import com.bedrockcostanalyzer.usage.TokenCounts;
import com.bedrockcostanalyzer.usage.UsageRecord;

/** Counters for one aggregation key; mutable because it is folded into millions of times per unit. */
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

	void add(UsageRecord record) {
		this.requests += record.requests();
		this.errors += record.errors();
		this.streamingRequests += record.streamingRequests();
		this.truncatedRequests += record.truncatedRequests();
		TokenCounts tokens = record.tokens();
		this.inputTokens += tokens.input();
		this.outputTokens += tokens.output();
		this.cacheReadTokens += tokens.cacheRead();
		this.cacheWrite5mTokens += tokens.cacheWrite5m();
		this.cacheWrite1hTokens += tokens.cacheWrite1h();
		if (record.detail() != null && record.detail().humanCaller()) {
			this.humanRequests += record.requests();
		}
		// One request per logged record: the square feeds the spread of output sizes (routing's "low variance").
		if (record.requests() == 1) {
			this.outputTokensSquared += tokens.output() * tokens.output();
		}
	}

	public void add(UsageTotals other) {
		this.humanRequests += other.humanRequests;
		this.outputTokensSquared += other.outputTokensSquared;
		this.requests += other.requests;
		this.errors += other.errors;
		this.streamingRequests += other.streamingRequests;
		this.truncatedRequests += other.truncatedRequests;
		this.inputTokens += other.inputTokens;
		this.outputTokens += other.outputTokens;
		this.cacheReadTokens += other.cacheReadTokens;
		this.cacheWrite5mTokens += other.cacheWrite5mTokens;
		this.cacheWrite1hTokens += other.cacheWrite1hTokens;
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

	public TokenCounts tokens() {
		return new TokenCounts(this.inputTokens, this.outputTokens, this.cacheReadTokens, this.cacheWrite5mTokens,
				this.cacheWrite1hTokens);
	}

}
