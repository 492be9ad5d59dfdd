package com.bedrockcostanalyzer.usage;

import java.util.Locale;

/**
 * How a request was routed: in its own Region, through a geographic profile, or through
 * the global profile.
 */
public enum Scope {

	REGIONAL, GEO, GLOBAL;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Scope fromLabel(String label) {
		return valueOf(label.trim().toUpperCase(Locale.ROOT));
	}

}
