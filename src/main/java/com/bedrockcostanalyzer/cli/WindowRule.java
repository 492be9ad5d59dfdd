package com.bedrockcostanalyzer.cli;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.bedrockcostanalyzer.usage.Window;

/**
 * A job file's window, relative to today (UTC) so a saved job keeps meaning the same
 * thing: {@code yesterday}, {@code today}, {@code last-month}, {@code month-to-date} (up
 * to and with yesterday), {@code last-N-days} (ending with yesterday), or fixed:
 * {@code YYYY-MM}, {@code YYYY-MM-DD}, {@code YYYY-MM-DD..YYYY-MM-DD} (end excluded).
 */
final class WindowRule {

	private static final Pattern LAST_DAYS = Pattern.compile("last-(\\d{1,4})-days");

	private WindowRule() {
	}

	static Window resolve(String rule, LocalDate today) {
		String r = rule.trim();
		LocalDate yesterday = today.minusDays(1);
		Matcher lastDays = LAST_DAYS.matcher(r);
		try {
			if (r.equals("yesterday")) {
				return new Window(yesterday, today);
			}
			if (r.equals("today")) {
				return new Window(today, today.plusDays(1));
			}
			if (r.equals("last-month")) {
				return Window.ofMonth(YearMonth.from(today).minusMonths(1));
			}
			if (r.equals("month-to-date")) {
				return new Window(yesterday.withDayOfMonth(1), today);
			}
			if (lastDays.matches() && Integer.parseInt(lastDays.group(1)) > 0) {
				return new Window(today.minusDays(Integer.parseInt(lastDays.group(1))), today);
			}
			if (r.contains("..")) {
				String[] ends = r.split("\\.\\.", 2);
				return new Window(LocalDate.parse(ends[0].trim()), LocalDate.parse(ends[1].trim()));
			}
			if (r.length() == 7) {
				return Window.ofMonth(YearMonth.parse(r));
			}
			LocalDate day = LocalDate.parse(r);
			return new Window(day, day.plusDays(1));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("window '" + rule + "' is not one of yesterday, today, last-month, "
					+ "month-to-date, last-N-days, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD");
		}
	}

}
