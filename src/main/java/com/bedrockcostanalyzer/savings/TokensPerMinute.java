package com.bedrockcostanalyzer.savings;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

import com.bedrockcostanalyzer.aggregate.MinuteTotals;
import com.bedrockcostanalyzer.aggregate.UsageStore.MinuteRow;

/**
 * A group's input and output tokens in each minute of the window, the quiet minutes as zeros: what the capacity
 * detectors size units and reservations against. Only order statistics and sums are taken, so the minutes are not
 * kept in time order.
 */
record TokensPerMinute(long[] inputs, long[] outputs, long inputTotal, long outputTotal, int activeMinutes) {

	/**
	 * @param input the input tokens a minute counts (all prompt tokens, or uncached input only)
	 */
	static TokensPerMinute of(List<MinuteRow> rows, long windowMinutes, ToLongFunction<MinuteTotals> input) {
		long[] inputs = new long[(int) Math.min(windowMinutes, Integer.MAX_VALUE)];
		long[] outputs = new long[inputs.length];
		long inputTotal = 0;
		long outputTotal = 0;
		int active = 0;
		Instant previous = null;
		// In time order a minute's rows (Regions, scopes) are next to each other: summed in place, without a map.
		for (MinuteRow row : MinuteRow.inTime(rows)) {
			if (!row.key().minute().equals(previous)) {
				active++;
				previous = row.key().minute();
			}
			long in = input.applyAsLong(row.totals());
			long out = row.totals().outputTokens();
			inputs[active - 1] += in;
			outputs[active - 1] += out;
			inputTotal += in;
			outputTotal += out;
		}
		return new TokensPerMinute(inputs, outputs, inputTotal, outputTotal, active);
	}

	static long max(long[] values) {
		return Arrays.stream(values).max().orElse(0);
	}

	/** The value at the percentile over every minute of the window, quiet minutes counted as zero. */
	static long percentile(long[] values, double p) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
