package com.bedrockcostanalyzer.aggregate;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.bedrockcostanalyzer.usage.RequestId;
import com.bedrockcostanalyzer.usage.Window;

/**
 * The invocations counted, by request id, so that each counts once across inputs and
 * runs: a copy found in a later unit is left out of it and tallied with the unit that
 * counted it. Written in the aggregates' transaction, a unit and day to a row; a run
 * reads them into memory a day at a time ({@link KnownRequests}).
 */
@Repository
public class CountedRequests {

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final LongLockWaits lockWaits;

	private KnownRequests known;

	public CountedRequests(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.lockWaits = new LongLockWaits(jdbc);
	}

	/**
	 * Makes the caller's transaction the only one checking and storing ids until it ends.
	 * Taken before any source's lock, always, so that writers never wait on each other in
	 * a circle.
	 */
	public void lock() {
		this.lockWaits.allow();
		this.jdbc.queryForList("SELECT id FROM bca_request_lock WHERE id = 1 FOR UPDATE", Integer.class);
	}

	/** Whether the summaries counted any invocation that has an id. */
	public static boolean anyIn(Collection<? extends UnitSummary> summaries) {
		return summaries.stream().anyMatch((s) -> s.requestIds().size() > 0);
	}

	/**
	 * Leaves out of each summary the invocations counted before — by an earlier chunk or
	 * run, or by an earlier summary of this chunk — reading its unit again without them,
	 * and returns the summaries to store, in order. Runs after {@link #lock}.
	 * @param run the job execution counting: what it has read of the stored ids is kept
	 * for its later chunks
	 * @param unitIdOf each summary's unit's ledger id (rows made already for new units)
	 * @param readAgain reads a unit into an empty summary made by
	 * {@link UnitSummary#withoutRequests}
	 */
	public List<UnitSummary> withoutCopies(long run, List<UnitSummary> summaries, ToLongFunction<UnitSummary> unitIdOf,
			UnaryOperator<UnitSummary> readAgain) {
		KnownRequests known = known(run);
		synchronized (known) {
			Set<LocalDate> days = new HashSet<>();
			for (UnitSummary summary : summaries) {
				summary.requestIds().forEach((high, low, day) -> days.add(day));
			}
			known.refresh(this.jdbc, this.named, days);
			Map<RequestId, Long> thisChunk = new HashMap<>();
			List<UnitSummary> kept = new ArrayList<>(summaries.size());
			for (UnitSummary summary : summaries) {
				long unitId = unitIdOf.applyAsLong(summary);
				Map<RequestId, Long> elsewhere = new HashMap<>();
				summary.requestIds().forEach((high, low, day) -> {
					RequestId id = new RequestId(high, low);
					long stored = known.countedBy(day, high, low);
					Long by = (stored != KnownRequests.NONE) ? Long.valueOf(stored) : thisChunk.get(id);
					if (by != null) {
						elsewhere.put(id, by == unitId ? UnitSummary.THIS_UNIT : by);
					}
				});
				UnitSummary sound = elsewhere.isEmpty() ? summary : readAgain.apply(summary.withoutRequests(elsewhere));
				sound.requestIds().forEach((high, low, day) -> thisChunk.put(new RequestId(high, low), unitId));
				kept.add(sound);
			}
			return kept;
		}
	}

	/**
	 * What the job execution has read of the stored ids: one run's at a time (another
	 * run's start replaces it, and it is read again from the database).
	 */
	private KnownRequests known(long run) {
		synchronized (this) {
			if (this.known == null || this.known.run() != run) {
				this.known = new KnownRequests(run);
			}
			return this.known;
		}
	}

	/** The stored key of an id of that day (see the table's definition). */
	static long key(LocalDate day, long high) {
		return (day.toEpochDay() << 40) | (high >>> 24);
	}

	/**
	 * Stores the ids the units counted, a row per unit and day, and the copies they left
	 * out. Runs in the caller's transaction; the ids are read back from there by later
	 * chunks, once committed.
	 * @param unitIdOf each summary's unit's ledger id
	 */
	public void record(List<UnitSummary> summaries, ToLongFunction<UnitSummary> unitIdOf) {
		List<Object[]> rows = new ArrayList<>();
		for (UnitSummary summary : summaries) {
			long unitId = unitIdOf.applyAsLong(summary);
			Map<LocalDate, List<long[]>> byDay = new TreeMap<>();
			summary.requestIds()
				.forEach((high, low, day) -> byDay.computeIfAbsent(day, (d) -> new ArrayList<>())
					.add(new long[] { high, low }));
			byDay.forEach((day, ids) -> rows.add(new Object[] { Date.valueOf(day), unitId, KnownRequests.pack(ids) }));
			recordDropped(unitId, summary);
		}
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate("INSERT INTO bca_counted_ids (request_day, unit_id, ids) VALUES (?, ?, ?)", rows);
		}
	}

	private void recordDropped(long unitId, UnitSummary summary) {
		List<Object[]> dropped = new ArrayList<>();
		summary.duplicates()
			.forEach((from, count) -> dropped.add(new Object[] { unitId, Date.valueOf(from.day()),
					from.countedBy() == UnitSummary.THIS_UNIT ? unitId : from.countedBy(), count }));
		if (!dropped.isEmpty()) {
			this.jdbc.batchUpdate(
					"INSERT INTO bca_duplicate_request (unit_id, request_day, counted_by, dropped) VALUES (?, ?, ?, ?)",
					dropped);
		}
	}

	/**
	 * {@code --reprocess}: forgets the invocations the source's units counted on the
	 * window's days, and the copies they left out, so that reading them again counts them
	 * again.
	 */
	public void forget(long sourceId, Window window) {
		String units = " unit_id IN (SELECT id FROM bca_input_unit WHERE source_id = ?)";
		this.jdbc.update("DELETE FROM bca_counted_request WHERE id_key >= ? AND id_key < ? AND" + units,
				key(window.from(), 0), key(window.to(), 0), sourceId);
		this.jdbc.update("DELETE FROM bca_counted_ids WHERE request_day >= ? AND request_day < ? AND" + units,
				Date.valueOf(window.from()), Date.valueOf(window.to()), sourceId);
		this.jdbc.update("DELETE FROM bca_duplicate_request WHERE request_day >= ? AND request_day < ? AND" + units,
				Date.valueOf(window.from()), Date.valueOf(window.to()), sourceId);
	}

	/**
	 * The copies the sources' units left out on the window's days, per unit and the unit
	 * that counted them.
	 */
	public List<DroppedCopies> dropped(Collection<Long> sourceIds, Window window) {
		if (sourceIds.isEmpty()) {
			return List.of();
		}
		return this.named.query("""
				SELECT u.location, c.location, s.name, SUM(d.dropped)
				FROM bca_duplicate_request d
				JOIN bca_input_unit u ON u.id = d.unit_id
				JOIN bca_input_unit c ON c.id = d.counted_by
				JOIN bca_source s ON s.id = c.source_id
				WHERE u.source_id IN (:sources) AND d.request_day >= :from AND d.request_day < :to
				GROUP BY u.location, c.location, s.name
				ORDER BY SUM(d.dropped) DESC, u.location, c.location""",
				new MapSqlParameterSource().addValue("sources", sourceIds)
					.addValue("from", Date.valueOf(window.from()))
					.addValue("to", Date.valueOf(window.to())),
				(rs, n) -> new DroppedCopies(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
	}

}
