package com.bedrockcostanalyzer.usage;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a run reports on: {@code [from, to)}, on each record's own UTC timestamp. At
 * most {@value #MAX_DAYS} days (two years and a day: a year's audit with room on both
 * sides), between 2000 and 2100: a run keeps a few things per day of its window, so an
 * unbounded window would cost memory for days that cannot hold data.
 */
public record Window(LocalDate from, LocalDate to) {

	public static final int MAX_DAYS = 732;

	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(2100, 1, 1);

	public Window {
		if (!to.isAfter(from)) {
			throw new IllegalArgumentException("the window's end (" + to + ") must be after its start (" + from + ")");
		}
		if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
			throw new IllegalArgumentException(
					"the window [" + from + ", " + to + ") must lie between " + EARLIEST + " and " + LATEST);
		}
		if (from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new IllegalArgumentException("the window [" + from + ", " + to + ") is longer than " + MAX_DAYS
					+ " days; run longer periods as several windows");
		}
	}

	public static Window ofMonth(YearMonth month) {
		return new Window(month.atDay(1), month.plusMonths(1).atDay(1));
	}

	public boolean contains(LocalDate day) {
		return !day.isBefore(this.from) && day.isBefore(this.to);
	}

	/**
	 * Whether a log folder for this hour may hold records of the window. Records can land
	 * in the hour folder next to their timestamp, so one hour past each edge is read too.
	 */
	public boolean mayHoldHour(LocalDateTime hourFolder) {
		LocalDateTime first = this.from.atStartOfDay().minusHours(1);
		LocalDateTime last = this.to.atStartOfDay().plusHours(1);
		return !hourFolder.isBefore(first) && hourFolder.isBefore(last);
	}

	public boolean mayHoldDay(LocalDate dayFolder) {
		return !dayFolder.isBefore(this.from.minusDays(1)) && !dayFolder.isAfter(this.to);
	}

	public List<LocalDate> days() {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate day = this.from; day.isBefore(this.to); day = day.plusDays(1)) {
			days.add(day);
		}
		return days;
	}

	@Override
	public String toString() {
		return "[" + this.from + ", " + this.to + ")";
	}

}
