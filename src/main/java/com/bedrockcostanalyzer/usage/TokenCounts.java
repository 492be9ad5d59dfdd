package com.bedrockcostanalyzer.usage;

/**
 * The token vector every price applies to. Input is uncached input only; cache reads and the two kinds of cache write
 * come on top of it, never out of it.
 */
public record TokenCounts(long input, long output, long cacheRead, long cacheWrite5m, long cacheWrite1h) {

	public static final TokenCounts ZERO = new TokenCounts(0, 0, 0, 0, 0);

	public long cacheWrite() {
		return this.cacheWrite5m + this.cacheWrite1h;
	}

	public TokenCounts plus(TokenCounts other) {
		return new TokenCounts(this.input + other.input, this.output + other.output, this.cacheRead + other.cacheRead,
				this.cacheWrite5m + other.cacheWrite5m, this.cacheWrite1h + other.cacheWrite1h);
	}

}
