package com.bedrockcostanalyzer.savings;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

import com.bedrockcostanalyzer.aggregate.MinuteTotals;
import com.bedrockcostanalyzer.aggregate.UsageStore.MinuteRow;

/**
 * A group's input and output tokens in each minute of the window that has traffic; the
 * quiet minutes, zeros, are only counted, so memory follows the minutes with data, not
 * the window's width. Only order statistics and sums are taken, so the minutes are not
 * kept in time order.
 *
 * @param inputs the active minutes' input tokens
 * @param outputs the active minutes' output tokens, in the same order
 * @param windowMinutes every minute of the window, the quiet ones included
 */
record TokensPerMinute(long[] inputs, long[] outputs, long inputTotal, long outputTotal, long windowMinutes) {

	/**
	 * @param input the input tokens a minute counts (all prompt tokens, or uncached input
	 * only)
	 */
	static TokensPerMinute of(List<MinuteRow> rows, long windowMinutes, ToLongFunction<MinuteTotals> input) {
		// A minute has one row or more (Regions, scopes): the rows bound the active
		// minutes.
		long[] inputs = new long[rows.size()];
		long[] outputs = new long[rows.size()];
		long inputTotal = 0;
		long outputTotal = 0;
		int active = 0;
		Instant previous = null;
		// In time order a minute's rows (Regions, scopes) are next to each other: summed
		// in place, without a map.
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
		return new TokensPerMinute(Arrays.copyOf(inputs, active), Arrays.copyOf(outputs, active), inputTotal,
				outputTotal, Math.max(windowMinutes, active));
	}

	int activeMinutes() {
		return this.inputs.length;
	}

	static long max(long[] values) {
		return Arrays.stream(values).max().orElse(0);
	}

	/**
	 * The input tokens of the minute at the percentile over every minute of the window,
	 * quiet minutes as zero.
	 */
	long inputPercentile(double p) {
		return percentile(this.inputs, p);
	}

	long outputPercentile(double p) {
		return percentile(this.outputs, p);
	}

	private long percentile(long[] active, double p) {
		long[] sorted = active.clone();
		Arrays.sort(sorted);
		if (this.windowMinutes == 0) {
			return 0;
		}
		// The window's minutes in order: the quiet ones (zeros) first, then the active
		// ones sorted.
		long index = Math.max(0, Math.min(this.windowMinutes - 1, (long) Math.ceil(p * this.windowMinutes) - 1));
		long quiet = this.windowMinutes - sorted.length;
		return index < quiet ? 0 : sorted[(int) (index - quiet)];
	}

}
