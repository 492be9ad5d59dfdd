package com.bedrockcostanalyzer.usage;

import java.util.Locale;

/**
 * Whether a request was billed at its model's long-context rates: a request whose input
 * (uncached, cache read and cache write together) exceeds the model's long-context
 * threshold is billed whole at those rates.
 */
public enum Context {

	STANDARD, LONG;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Context fromLabel(String label) {
		return valueOf(label.trim().toUpperCase(Locale.ROOT));
	}

}
