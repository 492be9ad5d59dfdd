package com.bedrockcostanalyzer.aggregate;

/**
 * Requests and tokens of one minute, as the report reads them back from the per-minute
 * tables.
 */
public final class MinuteTotals {

	long requests;

	long streamingRequests;

	long inputTokens;

	long outputTokens;

	long cacheReadTokens;

	long cacheWriteTokens;

	public MinuteTotals(long requests, long streamingRequests, long inputTokens, long outputTokens,
			long cacheReadTokens, long cacheWriteTokens) {
		this.requests = requests;
		this.streamingRequests = streamingRequests;
		this.inputTokens = inputTokens;
		this.outputTokens = outputTokens;
		this.cacheReadTokens = cacheReadTokens;
		this.cacheWriteTokens = cacheWriteTokens;
	}

	public void add(MinuteTotals other) {
		this.requests += other.requests;
		this.streamingRequests += other.streamingRequests;
		this.inputTokens += other.inputTokens;
		this.outputTokens += other.outputTokens;
		this.cacheReadTokens += other.cacheReadTokens;
		this.cacheWriteTokens += other.cacheWriteTokens;
	}

	public long requests() {
		return this.requests;
	}

	public long streamingRequests() {
		return this.streamingRequests;
	}

	public long inputTokens() {
		return this.inputTokens;
	}

	public long outputTokens() {
		return this.outputTokens;
	}

	public long cacheReadTokens() {
		return this.cacheReadTokens;
	}

	public long cacheWriteTokens() {
		return this.cacheWriteTokens;
	}

	/** All prompt tokens: uncached input, cache reads and writes. */
	public long promptTokens() {
		return this.inputTokens + this.cacheReadTokens + this.cacheWriteTokens;
	}

}
