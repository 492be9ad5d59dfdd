package com.bedrockcostanalyzer.usage;

import java.util.regex.Pattern;

/** AWS Region codes as they appear in logs ({@code us-east-1}, {@code ap-southeast-4}, {@code us-gov-west-1}). */
public final class Regions {

	private static final Pattern CODE = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

	private Regions() {
	}

	public static boolean isRegionCode(String region) {
		return region != null && region.length() <= 32 && CODE.matcher(region).matches();
	}

}
