package com.bedrockcostanalyzer.usage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attribution dimension of usage: the tags an application inference profile carries,
 * reduced to the tag keys a team chose (team, cost centre), written {@code key=value}
 * joined by {@code ;} in the chosen keys' order. One string, so that it sits in the usage
 * key and the aggregate tables as one column; empty when the call carried none.
 */
public final class Attribution {

	public static final String NONE = "";

	private Attribution() {
	}

	/**
	 * The chosen keys' values from the tags, in the keys' order; keys the tags lack are
	 * left out.
	 */
	public static String of(Map<String, String> tags, List<String> chosenKeys) {
		StringBuilder text = new StringBuilder();
		for (String key : chosenKeys) {
			String value = tags.get(key);
			if (value != null) {
				if (!text.isEmpty()) {
					text.append(';');
				}
				text.append(clean(key)).append('=').append(clean(value));
			}
		}
		return text.toString();
	}

	/** The tags of an attribution string, in its order. */
	public static Map<String, String> tags(String attribution) {
		Map<String, String> tags = new LinkedHashMap<>();
		if (attribution == null || attribution.isEmpty()) {
			return tags;
		}
		for (String pair : attribution.split(";")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				tags.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
		}
		return tags;
	}

	/** At most this many chosen keys, so that an attribution fits its column. */
	public static final int MAX_KEYS = 5;

	private static final int MAX_PART = 128;

	// Tag values may hold any character AWS allows in a tag (letters, digits, spaces, _ .
	// : / = + - @); the two
	// separators are replaced so that the string always splits back the same way.
	private static String clean(String text) {
		String cleaned = text.replace(';', ',').replace('=', ':');
		return cleaned.length() <= MAX_PART ? cleaned : cleaned.substring(0, MAX_PART - 1) + "…";
	}

}
