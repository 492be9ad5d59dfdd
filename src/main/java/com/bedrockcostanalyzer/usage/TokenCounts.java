package com.bedrockcostanalyzer.usage;

/**
 * The token vector every price applies to. Input is uncached input only; cache reads and
 * the two kinds of cache write come on top of it, never out of it.
 */
public record TokenCounts(long input, long output, long cacheRead, long cacheWrite5m, long cacheWrite1h) {

	public static final TokenCounts ZERO = new TokenCounts(0, 0, 0, 0, 0);

	/**
	 * The vector of a logged request, whose absent counts are negative: they count as
	 * zero. The 1-hour part of the cache writes (from the body) is capped at the writes
	 * the record states; the rest are 5-minute writes.
	 */
	public static TokenCounts logged(long input, long output, long cacheRead, long cacheWrite, long cacheWrite1h) {
		long write = Math.max(cacheWrite, 0);
		long oneHour = Math.min(Math.max(cacheWrite1h, 0), write);
		return new TokenCounts(Math.max(input, 0), Math.max(output, 0), Math.max(cacheRead, 0), write - oneHour,
				oneHour);
	}

	/** Uncached input and output, no cache traffic. */
	public static TokenCounts inputOutput(long input, long output) {
		return new TokenCounts(input, output, 0, 0, 0);
	}

	/** Uncached input alone. */
	public static TokenCounts inputOnly(long input) {
		return new TokenCounts(input, 0, 0, 0, 0);
	}

	/** Cache reads and writes, no uncached input or output. */
	public static TokenCounts cacheTraffic(long cacheRead, long cacheWrite5m, long cacheWrite1h) {
		return new TokenCounts(0, 0, cacheRead, cacheWrite5m, cacheWrite1h);
	}

	public long cacheWrite() {
		return this.cacheWrite5m + this.cacheWrite1h;
	}

	/**
	 * The same text counted by a tokenizer that makes {@code factor} times the tokens,
	 * each count rounded up.
	 */
	public TokenCounts scaled(java.math.BigDecimal factor) {
		return new TokenCounts(scale(this.input, factor), scale(this.output, factor), scale(this.cacheRead, factor),
				scale(this.cacheWrite5m, factor), scale(this.cacheWrite1h, factor));
	}

	private static long scale(long tokens, java.math.BigDecimal factor) {
		return java.math.BigDecimal.valueOf(tokens)
			.multiply(factor)
			.setScale(0, java.math.RoundingMode.CEILING)
			.longValueExact();
	}

	public TokenCounts plus(TokenCounts other) {
		return new TokenCounts(this.input + other.input, this.output + other.output, this.cacheRead + other.cacheRead,
				this.cacheWrite5m + other.cacheWrite5m, this.cacheWrite1h + other.cacheWrite1h);
	}

}
