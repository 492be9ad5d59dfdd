package com.bedrockcostanalyzer.savings;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One proposed change, in monthly USD (scaled from the window). The evidence is numbers,
 * sizes, hashes and ids: never prompt or completion text. {@code savings} is null when
 * the estimate needs something only the user can supply, and the action says what.
 *
 * @param countedInHeadline false when another proposal for the same traffic saves more
 * (batch and flex on the same requests are not added up)
 */
public record Opportunity(OpportunityType type, String model, String path, BigDecimal currentCost,
		BigDecimal projectedCost, BigDecimal savings, Confidence confidence, Map<String, Object> evidence,
		String action, boolean countedInHeadline) {

	Opportunity withCountedInHeadline(boolean counted) {
		return new Opportunity(this.type, this.model, this.path, this.currentCost, this.projectedCost, this.savings,
				this.confidence, this.evidence, this.action, counted);
	}

	Opportunity scaled(BigDecimal factor) {
		return new Opportunity(this.type, this.model, this.path, times(this.currentCost, factor),
				times(this.projectedCost, factor), times(this.savings, factor), this.confidence, this.evidence,
				this.action, this.countedInHeadline);
	}

	private static BigDecimal times(BigDecimal amount, BigDecimal factor) {
		return amount == null ? null : amount.multiply(factor).setScale(6, java.math.RoundingMode.HALF_EVEN);
	}

}
