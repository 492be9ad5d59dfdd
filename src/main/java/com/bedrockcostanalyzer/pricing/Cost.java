package com.bedrockcostanalyzer.pricing;

import java.math.BigDecimal;

/** A priced amount in USD, or the reason it could not be priced. Never a silent zero. */
public record Cost(BigDecimal usd, String unpricedReason) {

	public static Cost of(BigDecimal usd) {
		return new Cost(usd, null);
	}

	public static Cost unpriced(String reason) {
		return new Cost(null, reason);
	}

	public boolean priced() {
		return this.usd != null;
	}

}
