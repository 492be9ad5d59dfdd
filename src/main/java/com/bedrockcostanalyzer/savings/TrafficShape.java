package com.bedrockcostanalyzer.savings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.bedrockcostanalyzer.aggregate.MinuteKey;
import com.bedrockcostanalyzer.aggregate.UsageStore.MinuteRow;
import com.bedrockcostanalyzer.aggregate.UsageTotals;

/**
 * How a path's traffic looks in time and by caller: whether it waits for nobody (no
 * streaming, service roles, runs of many records, off-hours) or answers people. Computed
 * from the per-minute profile and the daily totals.
 */
record TrafficShape(long requests, double streamingShare, double humanShare, int runs, double meanRecordsPerRun,
		long largestRun, double offHoursShare, boolean timeProfileKnown) {

	static TrafficShape of(UsageTotals totals, List<MinuteRow> minutes, SavingsProperties settings) {
		long requests = totals.requests();
		double streaming = requests == 0 ? 0 : (double) totals.streamingRequests() / requests;
		double human = requests == 0 ? 0 : (double) totals.humanRequests() / requests;
		// A month of minutes per path, in the report step: walked as epoch minutes,
		// without a map, boxes or dates.
		// A minute repeats (Regions, scopes, sources) next to itself once in time order;
		// runs are measured between
		// distinct minutes, and counts are never negative, so the largest run is the same
		// summed in pieces.
		int offHourMask = settings.offHourMask();
		int runs = 0;
		long largest = 0;
		long current = 0;
		long offHours = 0;
		long timed = 0;
		long previous = 0;
		for (MinuteRow m : MinuteRow.inTime(minutes)) {
			long minute = MinuteKey.epochMinute(m.key().minute());
			if (runs == 0 || (minute != previous && minute - previous >= settings.runGapMinutes())) {
				runs++;
				current = 0;
			}
			previous = minute;
			long count = m.totals().requests();
			current += count;
			largest = Math.max(largest, current);
			if (((offHourMask >>> (int) Math.floorMod(Math.floorDiv(minute, 60L), 24L)) & 1) != 0) {
				offHours += count;
			}
			timed += count;
		}
		return new TrafficShape(requests, streaming, human, runs, runs == 0 ? 0 : (double) timed / runs, largest,
				timed == 0 ? 0 : (double) offHours / timed, timed > 0);
	}

	/**
	 * No person waits for it: nothing streamed, and (nearly) no call made by a person.
	 */
	boolean latencyTolerant() {
		return this.streamingShare == 0 && this.humanShare <= 0.2;
	}

	/** Job-like: latency-tolerant and arriving in runs as large as a batch job needs. */
	boolean jobLike(int batchMinRecords) {
		return latencyTolerant() && this.timeProfileKnown && this.meanRecordsPerRun >= batchMinRecords;
	}

	Map<String, Object> evidence() {
		Map<String, Object> evidence = new LinkedHashMap<>();
		evidence.put("requests", this.requests);
		evidence.put("streamingShare", round(this.streamingShare));
		evidence.put("humanCallerShare", round(this.humanShare));
		if (this.timeProfileKnown) {
			evidence.put("runs", this.runs);
			evidence.put("meanRecordsPerRun", round(this.meanRecordsPerRun));
			evidence.put("largestRun", this.largestRun);
			evidence.put("offHoursShare", round(this.offHoursShare));
		}
		return evidence;
	}

	static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
