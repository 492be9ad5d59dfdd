package com.bedrockcostanalyzer.aggregate;

import java.time.Instant;
import java.time.LocalDate;

import com.bedrockcostanalyzer.usage.Context;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;

/** A minute of traffic of one model and path. */
public record MinuteKey(Instant minute, String region, String model, Scope scope, Tier tier, Context context,
		String path) {

	/**
	 * The minute {@code minuteOfDay} of the series' day, with the series' other fields.
	 */
	static MinuteKey of(UsageKey series, int minuteOfDay) {
		return new MinuteKey(at(series.day(), minuteOfDay), series.region(), series.model(), series.scope(),
				series.tier(), series.context(), series.path());
	}

	/**
	 * The minute {@code minuteOfDay} of a UTC day (epoch arithmetic: called for every
	 * minute the report reads).
	 */
	static Instant at(LocalDate day, int minuteOfDay) {
		return ofEpochMinute(epochMinute(day, minuteOfDay));
	}

	/** Minutes since the epoch of the minute {@code minuteOfDay} of a UTC day. */
	static long epochMinute(LocalDate day, int minuteOfDay) {
		return day.toEpochDay() * 1_440L + minuteOfDay;
	}

	/** Minutes since the epoch of the minute an instant falls in. */
	public static long epochMinute(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), 60L);
	}

	static Instant ofEpochMinute(long epochMinute) {
		return Instant.ofEpochSecond(60L * epochMinute);
	}

	public LocalDate day() {
		return LocalDate.ofEpochDay(Math.floorDiv(this.minute.getEpochSecond(), 86_400L));
	}

	/**
	 * The day and everything but the minute: the row of the per-minute tables this minute
	 * is packed into.
	 */
	public UsageKey series() {
		return new UsageKey(day(), this.region, this.model, this.scope, this.tier, this.context, this.path);
	}

	/** Minutes since the start of the UTC day, 0–1439. */
	int minuteOfDay() {
		return minuteOfDay(this.minute);
	}

	/** The minute of the UTC day an instant falls in, 0–1439. */
	static int minuteOfDay(Instant at) {
		return (int) Math.floorMod(epochMinute(at), 1440L);
	}

}
