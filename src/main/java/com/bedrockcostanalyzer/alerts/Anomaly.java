package com.bedrockcostanalyzer.alerts;

import java.math.BigDecimal;

/**
 * A path's or model's day that its own recent history does not explain.
 *
 * @param kind {@code path} or {@code model}
 * @param shape {@code spike} or {@code drop} against the usual spend of that weekday, or
 * {@code climb}: three weeks in a row each at least 10% above the one before
 * @param spend the day's spend ({@code climb}: the last 7 days')
 * @param usual what its history gives for it: the median of the same weekday over the 4
 * weeks before ({@code climb}: the 7 days three weeks earlier)
 * @param score how far off, in robust standard deviations ({@code climb}: the smallest
 * week-over-week rise, in percent)
 */
public record Anomaly(String kind, String name, String shape, BigDecimal spend, BigDecimal usual, BigDecimal score) {
}
