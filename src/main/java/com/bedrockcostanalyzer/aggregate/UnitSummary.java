package com.bedrockcostanalyzer.aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.bedrockcostanalyzer.source.InputUnit;
import com.bedrockcostanalyzer.source.RecordSink;
import com.bedrockcostanalyzer.usage.UsageRecord;

/**
 * What one input unit adds for the days still to count: totals per key, rejects per reason, notes. Small whatever the
 * unit's size, and written to the database in one piece with the unit's ledger entry.
 */
public final class UnitSummary implements RecordSink {

	private final InputUnit unit;

	private final Set<LocalDate> daysToCount;

	private final boolean firstRead;

	private final Map<UsageKey, UsageTotals> totals = new HashMap<>();

	private final Map<MinuteKey, MinuteTotals> minutes = new HashMap<>();

	private final Map<PrefixKey, PrefixTotals> prefixes = new HashMap<>();

	private final Map<String, RejectTally> rejects = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	private long recordsCounted;

	private long recordsOutsideDays;

	private long recordsSkipped;

	private boolean contentRead = true;

	/**
	 * @param daysToCount the window's days this unit has not been counted for yet
	 * @param firstRead whether the unit was never read before: lines that cannot be dated are reported only then
	 */
	public UnitSummary(InputUnit unit, Set<LocalDate> daysToCount, boolean firstRead) {
		this.unit = unit;
		this.daysToCount = Set.copyOf(daysToCount);
		this.firstRead = firstRead;
	}

	@Override
	public void accept(UsageRecord record) {
		if (!this.daysToCount.contains(record.day())) {
			this.recordsOutsideDays++;
			return;
		}
		this.totals.computeIfAbsent(UsageKey.of(record), (k) -> new UsageTotals()).add(record);
		if (record.detail() != null && record.requests() > 0) {
			MinuteKey minute = MinuteKey.of(record);
			this.minutes.computeIfAbsent(minute, (k) -> new MinuteTotals()).add(record);
			if (record.detail().prefixFingerprint() != 0) {
				this.prefixes.merge(new PrefixKey(minute, record.detail().prefixFingerprint()),
						new PrefixTotals(1, record.detail().prefixTokens(), record.detail().cacheMarked() ? 1 : 0),
						(a, b) -> new PrefixTotals(a.requests() + b.requests(), a.prefixTokens() + b.prefixTokens(),
								a.cacheMarkedRequests() + b.cacheMarkedRequests()));
			}
		}
		this.recordsCounted++;
	}

	@Override
	public void reject(String location, String reason, LocalDate day) {
		boolean ours = (day != null) ? this.daysToCount.contains(day) : this.firstRead;
		if (ours) {
			this.rejects.computeIfAbsent(reason, (r) -> new RejectTally()).add(location);
		}
	}

	/** The whole unit cannot be counted for these days, and was not read; said once, whichever read it is. */
	public void rejectUnit(String reason) {
		this.rejects.computeIfAbsent(reason, (r) -> new RejectTally()).add("whole file");
		this.contentRead = false;
	}

	/** Whether the unit's current content was read (and so its version is the one now counted). */
	public boolean contentRead() {
		return this.contentRead;
	}

	@Override
	public void skip() {
		this.recordsSkipped++;
	}

	@Override
	public void note(String note) {
		this.notes.add(note);
	}

	public InputUnit unit() {
		return this.unit;
	}

	public Set<LocalDate> daysToCount() {
		return this.daysToCount;
	}

	public Map<UsageKey, UsageTotals> totals() {
		return this.totals;
	}

	public Map<MinuteKey, MinuteTotals> minutes() {
		return this.minutes;
	}

	public Map<PrefixKey, PrefixTotals> prefixes() {
		return this.prefixes;
	}

	public Map<String, RejectTally> rejects() {
		return this.rejects;
	}

	public long rejectedCount() {
		return this.rejects.values().stream().mapToLong(RejectTally::count).sum();
	}

	public List<String> notes() {
		return this.notes;
	}

	public long recordsCounted() {
		return this.recordsCounted;
	}

	public long recordsOutsideDays() {
		return this.recordsOutsideDays;
	}

	public long recordsSkipped() {
		return this.recordsSkipped;
	}

}
