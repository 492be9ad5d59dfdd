package com.bedrockcostanalyzer.testing;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a generated corpus holds, kept by the generator as it writes: the truth the job's
 * output is checked against.
 */
public final class ExpectedTotals {

	/** Counters for one (model, path). */
	public static final class Counts {

		public long requests;

		public long errors;

		public long input;

		public long output;

		public long cacheRead;

		public long cacheWrite5m;

		public long cacheWrite1h;

		@Override
		public String toString() {
			return "requests=" + requests + " errors=" + errors + " input=" + input + " output=" + output
					+ " cacheRead=" + cacheRead + " cacheWrite5m=" + cacheWrite5m + " cacheWrite1h=" + cacheWrite1h;
		}

	}

	private final Map<String, Counts> byModelAndPath = new TreeMap<>();

	private final Map<LocalDate, Counts> byDay = new TreeMap<>();

	/**
	 * The invocation-log records of one UTC day (usage-export rows are not kept per day).
	 */
	public Counts ofDay(LocalDate day) {
		return this.byDay.computeIfAbsent(day, (d) -> new Counts());
	}

	private long rejects;

	private long foreignRecords;

	public Counts of(String model, String path) {
		return this.byModelAndPath.computeIfAbsent(model + " | " + path, (k) -> new Counts());
	}

	public Map<String, Counts> byModelAndPath() {
		return this.byModelAndPath;
	}

	public void addReject() {
		this.rejects++;
	}

	public long rejects() {
		return this.rejects;
	}

	public void addForeign() {
		this.foreignRecords++;
	}

	public long foreignRecords() {
		return this.foreignRecords;
	}

	public Counts total() {
		Counts total = new Counts();
		for (Counts c : this.byModelAndPath.values()) {
			total.requests += c.requests;
			total.errors += c.errors;
			total.input += c.input;
			total.output += c.output;
			total.cacheRead += c.cacheRead;
			total.cacheWrite5m += c.cacheWrite5m;
			total.cacheWrite1h += c.cacheWrite1h;
		}
		return total;
	}

}
