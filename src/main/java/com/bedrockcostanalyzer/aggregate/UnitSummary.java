package com.bedrockcostanalyzer.aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.bedrockcostanalyzer.source.InputUnit;
import com.bedrockcostanalyzer.source.RecordSink;
import com.bedrockcostanalyzer.usage.InvocationDetail;
import com.bedrockcostanalyzer.usage.LongContextRule;
import com.bedrockcostanalyzer.usage.RequestId;
import com.bedrockcostanalyzer.usage.TokenCounts;
import com.bedrockcostanalyzer.usage.UsageRecord;

/**
 * What one input unit adds for the days still to count: totals per key, the per-minute
 * profile, prefixes, rejects per reason, notes. Small whatever the unit's size, and
 * written to the database in one piece with the unit's ledger entry. What is read goes
 * into a staged part first and counts only once its data is known to be sound (a gzip
 * member whose checksum matched): a corrupt member's records are dropped, never half
 * counted.
 */
public final class UnitSummary implements RecordSink {

	private final InputUnit unit;

	private final DayRanges daysToCount;

	private final Long unitId;

	private final LongContextRule longContext;

	private final Part committed = new Part();

	private Part staged = new Part();

	private final List<String> notes = new ArrayList<>();

	private boolean contentRead = true;

	private boolean unreadable;

	private final Map<RequestId, Long> countedElsewhere;

	/**
	 * What the unit adds to one series (day, Region, model, scope, tier, path): its
	 * totals, and its minutes and prefixes already in the per-minute tables' shape (a day
	 * block each), so that a record costs one lookup and the writer adds blocks to blocks
	 * without keying every minute again.
	 */
	static final class Series {

		final UsageTotals totals = new UsageTotals();

		/**
		 * Null until a record of this series has a time (a log record; CSV rows have
		 * none).
		 */
		DayBlock minutes;

		/** Null until a record of this series has a cacheable prefix. */
		DayBlock prefixes;

		/** Null until a record of this series reads or writes the prompt cache. */
		DayBlock caching;

		DayBlock minutes() {
			if (this.minutes == null) {
				this.minutes = UsageStore.MINUTES.newBlock();
			}
			return this.minutes;
		}

		DayBlock prefixes() {
			if (this.prefixes == null) {
				this.prefixes = UsageStore.PREFIXES.newBlock();
			}
			return this.prefixes;
		}

		DayBlock caching() {
			if (this.caching == null) {
				this.caching = UsageStore.CACHING.newBlock();
			}
			return this.caching;
		}

		void addAll(Series other) {
			this.totals.add(other.totals);
			if (other.minutes != null) {
				minutes().addAll(other.minutes);
			}
			if (other.prefixes != null) {
				prefixes().addAll(other.prefixes);
			}
			if (other.caching != null) {
				caching().addAll(other.caching);
			}
		}

	}

	/** Counters of one stretch of the unit. */
	private static final class Part {

		final Map<UsageKey, Series> series = new HashMap<>();

		final Map<String, RejectTally> rejects = new LinkedHashMap<>();

		final RequestIdSet requestIds = new RequestIdSet();

		final Map<DroppedFrom, Long> duplicates = new HashMap<>();

		long recordsCounted;

		void mergeInto(Part target) {
			this.series.forEach((k, v) -> target.series.computeIfAbsent(k, (x) -> new Series()).addAll(v));
			this.rejects.forEach((k, v) -> target.rejects.computeIfAbsent(k, (x) -> new RejectTally()).add(v));
			target.requestIds.addAll(this.requestIds);
			this.duplicates.forEach((k, v) -> target.duplicates.merge(k, v, Long::sum));
			target.recordsCounted += this.recordsCounted;
		}

	}

	/**
	 * @param daysToCount the window's days this unit has not been counted for yet
	 * @param unitId the unit's ledger row, or null when it was never read: lines that
	 * cannot be dated are reported only on that first reading
	 * @param longContext which requests are billed at long-context rates: they are kept
	 * apart in every table
	 */
	public UnitSummary(InputUnit unit, DayRanges daysToCount, Long unitId, LongContextRule longContext) {
		this(unit, daysToCount, unitId, longContext, Map.of());
	}

	private UnitSummary(InputUnit unit, DayRanges daysToCount, Long unitId, LongContextRule longContext,
			Map<RequestId, Long> countedElsewhere) {
		this.unit = unit;
		this.daysToCount = daysToCount;
		this.unitId = unitId;
		this.longContext = longContext;
		this.countedElsewhere = countedElsewhere;
	}

	/**
	 * An empty summary of the same unit and days, to read it again leaving out the
	 * invocations already counted from other units.
	 * @param countedElsewhere those invocations' ids, each with the ledger id of the unit
	 * it was counted from
	 */
	public UnitSummary withoutRequests(Map<RequestId, Long> countedElsewhere) {
		return new UnitSummary(this.unit, this.daysToCount, this.unitId, this.longContext,
				Map.copyOf(countedElsewhere));
	}

	/**
	 * Where dropped copies of invocations were first counted, per day.
	 *
	 * @param countedBy the ledger id of the unit that counted the invocation, or
	 * {@link #THIS_UNIT} when it is the unit's own earlier line
	 */
	public record DroppedFrom(LocalDate day, long countedBy) {
	}

	/**
	 * {@link DroppedFrom#countedBy()} of a copy of an invocation the same unit logged
	 * before.
	 */
	public static final long THIS_UNIT = 0;

	@Override
	public void accept(UsageRecord record) {
		if (!this.daysToCount.contains(record.day())) {
			// Another window's day, or one already counted from this unit.
			return;
		}
		RequestId requestId = record.detail() != null ? record.detail().requestId() : null;
		if (requestId != null) {
			Long countedBy = this.countedElsewhere.get(requestId);
			if (countedBy == null
					&& (this.committed.requestIds.contains(requestId) || this.staged.requestIds.contains(requestId))) {
				countedBy = THIS_UNIT;
			}
			if (countedBy != null) {
				// The same invocation delivered again (a copied file, S3 and CloudWatch
				// Logs both given): it was billed
				// once, so it counts once; the copy is tallied, never silently gone.
				this.staged.duplicates.merge(new DroppedFrom(record.day(), countedBy), 1L, Long::sum);
				return;
			}
		}
		UsageKey key = UsageKey.of(record, this.longContext);
		Series series = this.staged.series.get(key);
		if (series == null) {
			series = new Series();
			series.totals.add(record);
			this.staged.series.put(key, series);
		}
		else {
			// Checked: a sum that would wrap throws before anything of the record is
			// added.
			series.totals.add(record);
		}
		if (requestId != null) {
			this.staged.requestIds.add(requestId, record.day());
		}
		InvocationDetail detail = record.detail();
		if (detail != null && record.requests() > 0) {
			// The minute goes into the record's day's block: the parser dates a timed
			// record by its timestamp.
			if (Math.floorDiv(detail.timestamp().getEpochSecond(), 86_400L) != record.day().toEpochDay()) {
				throw new IllegalStateException("a record's time is not on its day");
			}
			int minute = MinuteKey.minuteOfDay(detail.timestamp());
			TokenCounts tokens = record.tokens();
			series.minutes()
				.add(minute, 0, record.requests(), record.streamingRequests(), tokens.input(), tokens.output(),
						tokens.cacheRead(), tokens.cacheWrite());
			if (detail.prefixFingerprint() != 0) {
				series.prefixes()
					.add(minute, detail.prefixFingerprint(), 1, detail.prefixTokens(), detail.cacheMarked() ? 1 : 0);
			}
			if (tokens.cacheRead() > 0 || tokens.cacheWrite() > 0) {
				// Fingerprint 0: caching with no system prompt or tools to tell prefixes
				// apart.
				series.caching()
					.add(minute, detail.prefixFingerprint(), record.requests(),
							tokens.cacheWrite() > 0 ? record.requests() : 0, tokens.cacheRead(), tokens.cacheWrite5m(),
							tokens.cacheWrite1h());
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

	/**
	 * The whole unit cannot be counted for these days, and was not read; said once,
	 * whichever read it is.
	 */
	public void rejectUnit(String reason) {
		this.committed.rejects.computeIfAbsent(reason, (r) -> new RejectTally()).add("whole file");
		this.contentRead = false;
	}

	/**
	 * The unit could not be read at all (permissions, not a regular file): reported for
	 * the window like a reject, but its days are not marked counted, so a later run tries
	 * it again.
	 */
	public void unreadable(String reason) {
		rejectUnit(reason);
		this.unreadable = true;
	}

	public boolean unreadable() {
		return this.unreadable;
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

	/**
	 * Whether the unit's current content was read (and so its version is the one now
	 * counted).
	 */
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

	public DayRanges daysToCount() {
		return this.daysToCount;
	}

	Map<UsageKey, Series> series() {
		return this.committed.series;
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

	/** The ids of the invocations counted, with their days. */
	RequestIdSet requestIds() {
		return this.committed.requestIds;
	}

	/** Copies of invocations left out, by day and by where they were counted. */
	public Map<DroppedFrom, Long> duplicates() {
		return this.committed.duplicates;
	}

}
