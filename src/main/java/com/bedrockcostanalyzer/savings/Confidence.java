package com.bedrockcostanalyzer.savings;

import java.math.BigDecimal;

/**
 * How far an estimate can be trusted: how much of it rests on measured facts rather than
 * on a guess. Opportunities rank by their saving times the weight.
 */
public enum Confidence {

	HIGH("1"), MEDIUM("0.75"), LOW("0.5");

	private final BigDecimal weight;

	Confidence(String weight) {
		this.weight = new BigDecimal(weight);
	}

	BigDecimal weight() {
		return this.weight;
	}

}
