package com.bedrockcostanalyzer.aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of days kept as sorted, disjoint {@code [from, to)} ranges: the days a unit still
 * has to count (the window less those counted before) take a few numbers whatever the
 * window's width, instead of an entry a day for every unit in flight.
 */
public final class DayRanges {

	private static final DayRanges NONE = new DayRanges(new long[0]);

	/** from0, to0, from1, to1, … in epoch days, sorted, disjoint and not touching. */
	private final long[] bounds;

	private DayRanges(long[] bounds) {
		this.bounds = bounds;
	}

	public static DayRanges none() {
		return NONE;
	}

	/** The days of {@code [from, to)}. */
	public static DayRanges of(LocalDate from, LocalDate to) {
		return from.isBefore(to) ? new DayRanges(new long[] { from.toEpochDay(), to.toEpochDay() }) : NONE;
	}

	/** These days and those of {@code [from, to)}. */
	public DayRanges plus(LocalDate from, LocalDate to) {
		long start = from.toEpochDay();
		long end = to.toEpochDay();
		if (start >= end) {
			return this;
		}
		List<long[]> merged = new ArrayList<>();
		boolean placed = false;
		for (int i = 0; i < this.bounds.length; i += 2) {
			long f = this.bounds[i];
			long t = this.bounds[i + 1];
			if (t < start) {
				merged.add(new long[] { f, t });
			}
			else if (f > end) {
				if (!placed) {
					merged.add(new long[] { start, end });
					placed = true;
				}
				merged.add(new long[] { f, t });
			}
			else {
				start = Math.min(start, f);
				end = Math.max(end, t);
			}
		}
		if (!placed) {
			merged.add(new long[] { start, end });
		}
		return from(merged);
	}

	/** These days less the other's. */
	public DayRanges minus(DayRanges other) {
		List<long[]> left = new ArrayList<>();
		for (int i = 0; i < this.bounds.length; i += 2) {
			long f = this.bounds[i];
			long t = this.bounds[i + 1];
			for (int j = 0; j < other.bounds.length && f < t; j += 2) {
				long of = other.bounds[j];
				long ot = other.bounds[j + 1];
				if (ot <= f || of >= t) {
					continue;
				}
				if (of > f) {
					left.add(new long[] { f, of });
				}
				f = Math.max(f, ot);
			}
			if (f < t) {
				left.add(new long[] { f, t });
			}
		}
		return from(left);
	}

	public boolean contains(LocalDate day) {
		long d = day.toEpochDay();
		// The last range starting on or before the day.
		int low = 0;
		int high = this.bounds.length / 2 - 1;
		while (low <= high) {
			int mid = (low + high) >>> 1;
			if (this.bounds[2 * mid] <= d) {
				if (d < this.bounds[2 * mid + 1]) {
					return true;
				}
				low = mid + 1;
			}
			else {
				high = mid - 1;
			}
		}
		return false;
	}

	public boolean isEmpty() {
		return this.bounds.length == 0;
	}

	/** The ranges as {@code [from, to)} pairs, in order. */
	public List<LocalDate[]> ranges() {
		List<LocalDate[]> ranges = new ArrayList<>(this.bounds.length / 2);
		for (int i = 0; i < this.bounds.length; i += 2) {
			ranges.add(
					new LocalDate[] { LocalDate.ofEpochDay(this.bounds[i]), LocalDate.ofEpochDay(this.bounds[i + 1]) });
		}
		return ranges;
	}

	private static DayRanges from(List<long[]> ranges) {
		if (ranges.isEmpty()) {
			return NONE;
		}
		long[] bounds = new long[ranges.size() * 2];
		for (int i = 0; i < ranges.size(); i++) {
			bounds[2 * i] = ranges.get(i)[0];
			bounds[2 * i + 1] = ranges.get(i)[1];
		}
		return new DayRanges(bounds);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof DayRanges days && Arrays.equals(this.bounds, days.bounds);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.bounds);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		for (LocalDate[] range : ranges()) {
			text.append(text.isEmpty() ? "" : ", ")
				.append('[')
				.append(range[0])
				.append(", ")
				.append(range[1])
				.append(')');
		}
		return text.toString();
	}

}
