package com.bedrockcostanalyzer.report;

import org.jspecify.annotations.Nullable;

/**
 * Text that came from the logs (paths, model ids, notes) is hostile until escaped: it
 * goes into Markdown tables and spreadsheets that people open. Each output format has its
 * own escaping here.
 */
public final class SafeText {

	private SafeText() {
	}

	/**
	 * Drops control characters and bidirectional overrides, which can make a table lie
	 * about what it shows.
	 */
	public static String plain(@Nullable String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach((cp) -> {
			if (cp == '\n' || cp == '\r' || cp == '\t') {
				out.append(' ');
			}
			else if (!Character.isISOControl(cp) && !isBidiControl(cp)) {
				out.appendCodePoint(cp);
			}
		});
		return out.toString();
	}

	private static boolean isBidiControl(int cp) {
		return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
				|| cp == 0x061C;
	}

	/**
	 * A Markdown table cell: nothing in it can end the cell, open a link, or become HTML.
	 */
	public static String markdownCell(@Nullable String text) {
		String plain = plain(text);
		StringBuilder out = new StringBuilder(plain.length() + 8);
		for (char c : plain.toCharArray()) {
			switch (c) {
				case '|', '\\', '`', '*', '_', '[', ']', '#', '~', '!' -> out.append('\\').append(c);
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * Text in a Slack-compatible webhook message: the three characters Slack gives
	 * meaning ({@code <!channel>}, {@code <url|label>}) escaped as it asks.
	 */
	public static String webhook(@Nullable String text) {
		return plain(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/**
	 * A CSV text cell that a spreadsheet will not run as a formula: leading
	 * {@code = + - @}, tab or CR get a quote in front (OWASP's advice for CSV injection).
	 */
	public static String csvText(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String plain = plain(text);
		boolean risky = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
		if (risky || (!plain.isEmpty() && "=+-@".indexOf(plain.charAt(0)) >= 0)) {
			return "'" + plain;
		}
		return plain;
	}

}
