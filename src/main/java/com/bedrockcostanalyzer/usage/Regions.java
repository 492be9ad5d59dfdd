package com.bedrockcostanalyzer.usage;

/**
 * AWS Region codes as they appear in logs ({@code us-east-1}, {@code ap-southeast-4},
 * {@code us-gov-west-1}).
 */
public final class Regions {

	private static final int MAX_LENGTH = 32;

	private Regions() {
	}

	/**
	 * Whether the text has the shape {@code [a-z]{2}(-[a-z]+)+-[0-9]{1,2}}. Checked by
	 * hand, not with a regular expression: every log record is checked, and the matcher
	 * cost more than the rest of a record's fields.
	 */
	public static boolean isRegionCode(String region) {
		if (region == null || region.length() > MAX_LENGTH) {
			return false;
		}
		int lastDash = region.lastIndexOf('-');
		int digits = region.length() - lastDash - 1;
		if (lastDash < 4 || digits < 1 || digits > 2 || !isDigit(region.charAt(lastDash + 1))
				|| !isDigit(region.charAt(region.length() - 1))) {
			return false;
		}
		if (!isLetter(region.charAt(0)) || !isLetter(region.charAt(1)) || region.charAt(2) != '-') {
			return false;
		}
		// Between the country and the number: one or more dash-led runs of letters.
		for (int i = 3; i < lastDash; i++) {
			char c = region.charAt(i);
			if (!isLetter(c) && (c != '-' || region.charAt(i - 1) == '-')) {
				return false;
			}
		}
		return region.charAt(lastDash - 1) != '-';
	}

	private static boolean isLetter(char c) {
		return c >= 'a' && c <= 'z';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
