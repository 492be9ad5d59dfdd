package com.bedrockcostanalyzer.cli;

import java.util.regex.Pattern;

/**
 * Keeps passwords out of what is printed: JDBC URLs and driver messages can carry them.
 */
final class JdbcUrls {

	private static final Pattern SECRET = Pattern.compile("(?i)(password|pwd|secret)=([^;&\\s]*)");

	private static final Pattern USER_INFO = Pattern.compile("//([^/@\\s:]+):([^/@\\s]*)@");

	private JdbcUrls() {
	}

	static String withoutSecrets(String text) {
		if (text == null) {
			return "(the default H2 file under ./data/)";
		}
		String masked = SECRET.matcher(text).replaceAll("$1=****");
		return USER_INFO.matcher(masked).replaceAll("//$1:****@");
	}

}
