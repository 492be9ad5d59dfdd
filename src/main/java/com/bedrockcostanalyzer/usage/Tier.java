package com.bedrockcostanalyzer.usage;

import java.util.Locale;

/** The pricing tier a token was billed under. */
public enum Tier {

	STANDARD, BATCH, FLEX, PRIORITY, RESERVED, LATENCY_OPTIMIZED;

	public String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Tier fromLabel(String label) {
		String value = label.trim().toLowerCase(Locale.ROOT);
		// Bedrock calls the standard tier "default" in serviceTier.
		if (value.equals("default") || value.equals("on-demand") || value.equals("ondemand")) {
			return STANDARD;
		}
		return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
