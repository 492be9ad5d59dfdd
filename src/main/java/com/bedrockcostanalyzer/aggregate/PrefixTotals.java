package com.bedrockcostanalyzer.aggregate;

/** How many requests sent the prefix in a minute, its estimated tokens (summed), and how many marked a cache point. */
public record PrefixTotals(long requests, long prefixTokens, long cacheMarkedRequests) {

	public PrefixTotals plus(PrefixTotals other) {
		return new PrefixTotals(this.requests + other.requests, this.prefixTokens + other.prefixTokens,
				this.cacheMarkedRequests + other.cacheMarkedRequests);
	}

}
