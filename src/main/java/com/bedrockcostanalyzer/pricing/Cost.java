package com.bedrockcostanalyzer.pricing;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** A priced amount in USD, or the reason it could not be priced. Never a silent zero. */
public record Cost(@Nullable BigDecimal usd, @Nullable String unpricedReason) {

	public static Cost of(BigDecimal usd) {
		return new Cost(usd, null);
	}

	public static Cost unpriced(String reason) {
		return new Cost(null, reason);
	}

	public boolean priced() {
		return this.usd != null;
	}

	/** The amount of a cost known to be priced. */
	public BigDecimal amount() {
		if (this.usd == null) {
			throw new IllegalStateException("not priced: " + this.unpricedReason);
		}
		return this.usd;
	}

}
