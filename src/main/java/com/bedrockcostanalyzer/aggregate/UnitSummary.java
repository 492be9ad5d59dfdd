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
 * What one input unit adds for the days still to count: totals per key, the per-minute profile, prefixes, rejects
 * per reason, notes. Small whatever the unit's size, and written to the database in one piece with the unit's ledger
 * entry. What is read goes into a staged part first and counts only once its data is known to be sound (a gzip
 * member whose checksum matched): a corrupt member's records are dropped, never half counted.
 */
public final class UnitSummary implements RecordSink {

	private final InputUnit unit;

	private final Set<LocalDate> daysToCount;

	private final Long unitId;

	private final Part committed = new Part();

	private Part staged = new Part();

	private final List<String> notes = new ArrayList<>();

	private boolean contentRead = true;

	/** Counters of one stretch of the unit. */
	private static final class Part {

		final Map<UsageKey, UsageTotals> totals = new HashMap<>();

		final Map<MinuteKey, MinuteTotals> minutes = new HashMap<>();

		final Map<PrefixKey, PrefixTotals> prefixes = new HashMap<>();

		final Map<String, RejectTally> rejects = new LinkedHashMap<>();

		long recordsCounted;

		void mergeInto(Part target) {
			this.totals.forEach((k, v) -> target.totals.computeIfAbsent(k, (x) -> new UsageTotals()).add(v));
			this.minutes.forEach((k, v) -> target.minutes.computeIfAbsent(k, (x) -> new MinuteTotals()).add(v));
			this.prefixes.forEach((k, v) -> target.prefixes.merge(k, v, PrefixTotals::plus));
			this.rejects.forEach((k, v) -> target.rejects.computeIfAbsent(k, (x) -> new RejectTally()).add(v));
			target.recordsCounted += this.recordsCounted;
		}

	}

	/**
	 * @param daysToCount the window's days this unit has not been counted for yet
	 * @param unitId the unit's ledger row, or null when it was never read: lines that cannot be dated are reported
	 * only on that first reading
	 */
	public UnitSummary(InputUnit unit, Set<LocalDate> daysToCount, Long unitId) {
		this.unit = unit;
		this.daysToCount = Set.copyOf(daysToCount);
		this.unitId = unitId;
	}

	@Override
	public void accept(UsageRecord record) {
		if (!this.daysToCount.contains(record.day())) {
			// Another window's day, or one already counted from this unit.
			return;
		}
		this.staged.totals.computeIfAbsent(UsageKey.of(record), (k) -> new UsageTotals()).add(record);
		if (record.detail() != null && record.requests() > 0) {
			MinuteKey minute = MinuteKey.of(record);
			this.staged.minutes.computeIfAbsent(minute, (k) -> new MinuteTotals()).add(record);
			if (record.detail().prefixFingerprint() != 0) {
				this.staged.prefixes.merge(new PrefixKey(minute, record.detail().prefixFingerprint()),
						new PrefixTotals(1, record.detail().prefixTokens(), record.detail().cacheMarked() ? 1 : 0),
						PrefixTotals::plus);
			}
		}
		this.staged.recordsCounted++;
	}

	@Override
	public void reject(String location, String reason, LocalDate day) {
		boolean ours = (day != null) ? this.daysToCount.contains(day) : this.unitId == null;
		if (ours) {
			this.staged.rejects.computeIfAbsent(reason, (r) -> new RejectTally()).add(location);
		}
	}

	/** The whole unit cannot be counted for these days, and was not read; said once, whichever read it is. */
	public void rejectUnit(String reason) {
		this.committed.rejects.computeIfAbsent(reason, (r) -> new RejectTally()).add("whole file");
		this.contentRead = false;
	}

	@Override
	public void skip() {
		// A record of another schema: neither counted nor rejected.
	}

	@Override
	public void note(String note) {
		this.notes.add(note);
	}

	@Override
	public void commit() {
		this.staged.mergeInto(this.committed);
		this.staged = new Part();
	}

	@Override
	public void discard() {
		this.staged = new Part();
	}

	/** Whether the unit's current content was read (and so its version is the one now counted). */
	public boolean contentRead() {
		return this.contentRead;
	}

	/** The unit's ledger row, null when it has none yet. */
	public Long unitId() {
		return this.unitId;
	}

	public InputUnit unit() {
		return this.unit;
	}

	public Set<LocalDate> daysToCount() {
		return this.daysToCount;
	}

	public Map<UsageKey, UsageTotals> totals() {
		return this.committed.totals;
	}

	public Map<MinuteKey, MinuteTotals> minutes() {
		return this.committed.minutes;
	}

	public Map<PrefixKey, PrefixTotals> prefixes() {
		return this.committed.prefixes;
	}

	public Map<String, RejectTally> rejects() {
		return this.committed.rejects;
	}

	public long rejectedCount() {
		return this.committed.rejects.values().stream().mapToLong(RejectTally::count).sum();
	}

	public List<String> notes() {
		return this.notes;
	}

	public long recordsCounted() {
		return this.committed.recordsCounted;
	}

}
