package com.bedrockcostanalyzer.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Judges a day's spend against the subject's own last four weeks, so that a quiet weekend
 * is read as a weekend and a slow climb as a climb.
 *
 * <p>
 * A spike or drop: the usual spend is the median of the same weekday over the 4 weeks
 * before (a one-off spike among them moves a median of four little); the spread is the
 * median absolute deviation of those 28 days from their own weekday medians, times 1.4826
 * (a standard deviation where the spend is normal), but never under 10% of the usual
 * spend or $0.50, so a perfectly steady series does not make every cent an alarm. The day
 * is flagged 4 spreads or more away and at least $1 off. A climb: the last 7 days, and
 * each of the two weeks before them, at least 10% over the week before, at $1 a day or
 * more — a rise too slow for any single day to stand out. Needs the 28 days before the
 * day; a subject with less history is not judged.
 */
public final class Anomalies {

	/** Days of history a subject needs to be judged. */
	public static final int BASELINE_DAYS = 28;

	static final BigDecimal THRESHOLD = BigDecimal.valueOf(4);

	private static final BigDecimal MAD_TO_SIGMA = new BigDecimal("1.4826");

	private static final BigDecimal MIN_SPREAD_SHARE = new BigDecimal("0.10");

	private static final BigDecimal MIN_SPREAD_USD = new BigDecimal("0.50");

	private static final BigDecimal MIN_CHANGE_USD = BigDecimal.ONE;

	private static final BigDecimal WEEKLY_RISE = new BigDecimal("1.10");

	private static final BigDecimal MIN_WEEK_USD = BigDecimal.valueOf(7);

	private Anomalies() {
	}

	/**
	 * @param series the subject's spend per day (days without spend may be missing: they
	 * count as $0 once the subject has spent)
	 * @param firstDay the subject's first day with spend in the job database
	 */
	public static @Nullable Anomaly judge(String kind, String name, Map<LocalDate, BigDecimal> series, LocalDate day,
			LocalDate firstDay) {
		if (firstDay.isAfter(day.minusDays(BASELINE_DAYS))) {
			return null;
		}
		BigDecimal[] history = new BigDecimal[BASELINE_DAYS];
		for (int i = 0; i < BASELINE_DAYS; i++) {
			history[i] = series.getOrDefault(day.minusDays(BASELINE_DAYS - i), BigDecimal.ZERO);
		}
		BigDecimal today = series.getOrDefault(day, BigDecimal.ZERO);
		Anomaly spike = spikeOrDrop(kind, name, history, today);
		return (spike != null) ? spike : climb(kind, name, history, today);
	}

	private static @Nullable Anomaly spikeOrDrop(String kind, String name, BigDecimal[] history, BigDecimal today) {
		// history[i] is 28 - i days back: same weekday as today at i = 0, 7, 14, 21.
		BigDecimal[] weekdayMedian = new BigDecimal[7];
		for (int w = 0; w < 7; w++) {
			weekdayMedian[w] = median(history[w], history[w + 7], history[w + 14], history[w + 21]);
		}
		BigDecimal[] deviations = new BigDecimal[BASELINE_DAYS];
		for (int i = 0; i < BASELINE_DAYS; i++) {
			deviations[i] = history[i].subtract(weekdayMedian[i % 7]).abs();
		}
		BigDecimal usual = weekdayMedian[0];
		BigDecimal spread = median(deviations).multiply(MAD_TO_SIGMA)
			.max(usual.multiply(MIN_SPREAD_SHARE))
			.max(MIN_SPREAD_USD);
		BigDecimal change = today.subtract(usual);
		BigDecimal score = change.divide(spread, 2, RoundingMode.HALF_EVEN);
		if (change.abs().compareTo(MIN_CHANGE_USD) < 0 || score.abs().compareTo(THRESHOLD) < 0) {
			return null;
		}
		return new Anomaly(kind, name, (score.signum() > 0) ? "spike" : "drop", today, usual, score);
	}

	private static @Nullable Anomaly climb(String kind, String name, BigDecimal[] history, BigDecimal today) {
		// Weeks ending today: w0 = the last 7 days, w1, w2, w3 the three before.
		BigDecimal[] weeks = new BigDecimal[4];
		Arrays.fill(weeks, BigDecimal.ZERO);
		weeks[0] = today;
		for (int back = 1; back <= BASELINE_DAYS - 1; back++) {
			BigDecimal spend = history[BASELINE_DAYS - back];
			weeks[back / 7] = weeks[back / 7].add(spend);
		}
		if (weeks[0].compareTo(MIN_WEEK_USD) < 0 || weeks[3].signum() == 0) {
			return null;
		}
		BigDecimal smallestRise = BigDecimal.valueOf(Long.MAX_VALUE);
		for (int w = 0; w < 3; w++) {
			if (weeks[w + 1].signum() == 0 || weeks[w].compareTo(weeks[w + 1].multiply(WEEKLY_RISE)) < 0) {
				return null;
			}
			BigDecimal rise = weeks[w].divide(weeks[w + 1], 4, RoundingMode.HALF_EVEN)
				.subtract(BigDecimal.ONE)
				.movePointRight(2);
			smallestRise = smallestRise.min(rise);
		}
		return new Anomaly(kind, name, "climb", weeks[0], weeks[3], smallestRise.setScale(1, RoundingMode.HALF_EVEN));
	}

	private static BigDecimal median(BigDecimal... values) {
		BigDecimal[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2]
				: sorted[n / 2 - 1].add(sorted[n / 2]).divide(BigDecimal.valueOf(2), 6, RoundingMode.HALF_EVEN);
	}

	/** Every subject of one kind judged. */
	public static List<Anomaly> judgeAll(String kind, Map<String, Map<LocalDate, BigDecimal>> byName, LocalDate day,
			Map<String, LocalDate> firstDays) {
		List<Anomaly> found = new ArrayList<>();
		byName.forEach((name, series) -> {
			LocalDate first = firstDays.get(name);
			Anomaly anomaly = (first == null) ? null : judge(kind, name, series, day, first);
			if (anomaly != null) {
				found.add(anomaly);
			}
		});
		return found;
	}

}
