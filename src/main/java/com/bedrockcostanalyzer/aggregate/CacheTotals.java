package com.bedrockcostanalyzer.aggregate;

/**
 * The requests of a minute that read or wrote the prompt cache with one prefix: how many,
 * how many of them wrote it, and their cache tokens by kind.
 */
public record CacheTotals(long requests, long writeRequests, long readTokens, long write5mTokens, long write1hTokens) {

	/** The cached tokens, read or written. */
	public long cachedTokens() {
		return this.readTokens + this.write5mTokens + this.write1hTokens;
	}

}
