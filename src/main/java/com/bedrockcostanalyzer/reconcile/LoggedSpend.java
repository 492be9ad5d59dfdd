package com.bedrockcostanalyzer.reconcile;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What the logs spent in the window, as the report priced it (after discount, priced
 * usage only): in all, per application path, and per value of each profile tag.
 */
public record LoggedSpend(BigDecimal total, Map<String, BigDecimal> byPath,
		Map<String, Map<String, BigDecimal>> byTag) {

	/**
	 * The name of usage without the tag, in the report's breakdowns and in chargeback
	 * alike.
	 */
	public static final String UNTAGGED = "(untagged)";

	/**
	 * The spend per value of a tag; all of it untagged when no logged usage carries the
	 * tag.
	 */
	Map<String, BigDecimal> byValueOf(String tag) {
		return this.byTag.getOrDefault(tag, Map.of(UNTAGGED, this.total));
	}

}
