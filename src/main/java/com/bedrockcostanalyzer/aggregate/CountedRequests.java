package com.bedrockcostanalyzer.aggregate;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * counted it. Written in the aggregates' transaction.
 */
@Repository
public class CountedRequests {

	/**
	 * Ids asked about per statement: well inside every database's limit on parameters.
	 */
	private static final int IDS_PER_QUERY = 500;

	private static final int ROWS_PER_INSERT = 250;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final LongLockWaits lockWaits;

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
	 * and returns the summaries to store, in order.
	 * @param unitIdOf each summary's unit's ledger id (rows made already for new units)
	 * @param readAgain reads a unit into an empty summary made by
	 * {@link UnitSummary#withoutRequests}
	 */
	public List<UnitSummary> withoutCopies(List<UnitSummary> summaries, ToLongFunction<UnitSummary> unitIdOf,
			UnaryOperator<UnitSummary> readAgain) {
		Map<RequestId, Long> counted = countedAmong(summaries);
		Map<RequestId, Long> thisChunk = new HashMap<>();
		List<UnitSummary> kept = new ArrayList<>(summaries.size());
		for (UnitSummary summary : summaries) {
			long unitId = unitIdOf.applyAsLong(summary);
			Map<RequestId, Long> elsewhere = new HashMap<>();
			summary.requestIds().forEach((high, low, day) -> {
				RequestId id = new RequestId(high, low);
				Long by = counted.get(id);
				if (by == null) {
					by = thisChunk.get(id);
				}
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

	/**
	 * The ids among the summaries' that are stored already, each with the unit that
	 * counted it.
	 */
	private Map<RequestId, Long> countedAmong(List<UnitSummary> summaries) {
		// Stored by key and low half; the chunk's ids by the same, to find each row's id
		// again.
		Map<StoredId, RequestId> asked = new HashMap<>();
		for (UnitSummary summary : summaries) {
			summary.requestIds()
				.forEach((high, low, day) -> asked.put(new StoredId(key(day, high), low), new RequestId(high, low)));
		}
		List<Long> keys = asked.keySet().stream().map(StoredId::key).distinct().toList();
		Map<RequestId, Long> counted = new HashMap<>();
		for (int from = 0; from < keys.size(); from += IDS_PER_QUERY) {
			this.named.query("SELECT id_key, id_low, unit_id FROM bca_counted_request WHERE id_key IN (:keys)",
					new MapSqlParameterSource("keys", keys.subList(from, Math.min(keys.size(), from + IDS_PER_QUERY))),
					(rs) -> {
						RequestId id = asked.get(new StoredId(rs.getLong(1), rs.getLong(2)));
						if (id != null) {
							counted.put(id, rs.getLong(3));
						}
					});
		}
		return counted;
	}

	/** An id as stored: its day with 40 bits of its high half, and its low half. */
	private record StoredId(long key, long low) {
	}

	/** The stored key of an id of that day (see the table's definition). */
	static long key(LocalDate day, long high) {
		return (day.toEpochDay() << 40) | (high >>> 24);
	}

	/**
	 * Stores the ids the units counted and the copies they left out. Runs in the caller's
	 * transaction.
	 * @param unitIdOf each summary's unit's ledger id
	 */
	public void record(List<UnitSummary> summaries, ToLongFunction<UnitSummary> unitIdOf) {
		List<long[]> rows = new ArrayList<>();
		for (UnitSummary summary : summaries) {
			long unitId = unitIdOf.applyAsLong(summary);
			summary.requestIds().forEach((high, low, day) -> rows.add(new long[] { key(day, high), low, unitId }));
			recordDropped(unitId, summary);
		}
		// In key order, so that consecutive rows land on the same index pages, and many
		// rows a statement, so that a
		// statement's own cost is shared by its rows.
		rows.sort(Comparator.<long[]>comparingLong((r) -> r[0]).thenComparingLong((r) -> r[1]));
		for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
			List<long[]> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
			StringBuilder sql = new StringBuilder("INSERT INTO bca_counted_request (id_key, id_low, unit_id) VALUES ");
			List<Object> args = new ArrayList<>(part.size() * 3);
			for (long[] row : part) {
				sql.append(args.isEmpty() ? "(?, ?, ?)" : ", (?, ?, ?)");
				args.add(row[0]);
				args.add(row[1]);
				args.add(row[2]);
			}
			this.jdbc.update(sql.toString(), args.toArray());
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
