package com.bedrockcostanalyzer.aggregate;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.bedrockcostanalyzer.source.InputUnit;
import com.bedrockcostanalyzer.usage.Window;

/**
 * The ledger of input units: which days of which unit are already in the aggregates. It
 * is written in the same transaction as the aggregates, so a unit's days are counted
 * exactly once whatever crashes when.
 */
@Repository
public class InputLedger {

	private static final String SAMPLE_SEPARATOR = "\n";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	/** records_counted of a reading that could not read its unit: tried, not counted. */
	private static final long UNREAD = -1;

	public InputLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/**
	 * The unit's status, or null when it was never read. One statement: it is asked for
	 * every file listed.
	 */
	public UnitStatus status(long sourceId, InputUnit unit) {
		return this.jdbc.query("""
				SELECT u.id, u.version, r.covered_from, r.covered_to
				FROM bca_input_unit u LEFT JOIN bca_input_read r ON r.unit_id = u.id AND r.records_counted >= 0
				WHERE u.source_id = ? AND u.unit_key = ?""", (ResultSetExtractor<UnitStatus>) (rs) -> {
			if (!rs.next()) {
				return null;
			}
			long unitId = rs.getLong(1);
			String version = rs.getString(2);
			DayRanges covered = DayRanges.none();
			do {
				Date from = rs.getDate(3);
				if (from != null) {
					covered = covered.plus(from.toLocalDate(), rs.getDate(4).toLocalDate());
				}
			}
			while (rs.next());
			return new UnitStatus(unitId, version, covered);
		}, sourceId, unit.key());
	}

	/**
	 * Each summary's unit's ledger id, by unit key: the units read for the first time get
	 * their rows now, as one batch (notes included), whose generated keys are their ids.
	 * Runs in the caller's transaction, which holds the source's lock.
	 */
	public Map<String, Long> unitIds(long sourceId, List<UnitSummary> summaries) {
		Map<String, Long> ids = new HashMap<>();
		List<UnitSummary> fresh = new ArrayList<>();
		for (UnitSummary summary : summaries) {
			if (summary.unitId() != null) {
				ids.put(summary.unit().key(), summary.unitId());
			}
			else {
				fresh.add(summary);
			}
		}
		if (fresh.isEmpty()) {
			return ids;
		}
		// The ids come back with the batch, in its order, rather than from a look-up by
		// key: on a big ledger that
		// look-up cost as much as storing a chunk's invocation ids.
		GeneratedKeyHolder generated = new GeneratedKeyHolder();
		this.jdbc.batchUpdate((connection) -> connection.prepareStatement("""
				INSERT INTO bca_input_unit (source_id, unit_key, location, version, size_bytes, notes)
				VALUES (?, ?, ?, ?, ?, ?)""", new String[] { "id" }), new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement statement, int i) throws SQLException {
				UnitSummary summary = fresh.get(i);
				InputUnit unit = summary.unit();
				statement.setLong(1, sourceId);
				statement.setString(2, unit.key());
				statement.setString(3, truncate(unit.location(), 4096));
				statement.setString(4, unit.version());
				statement.setLong(5, unit.size());
				statement.setString(6, notes(summary));
			}

			@Override
			public int getBatchSize() {
				return fresh.size();
			}

		}, generated);
		List<Map<String, Object>> keys = generated.getKeyList();
		for (int i = 0; i < fresh.size(); i++) {
			ids.put(fresh.get(i).unit().key(), ((Number) keys.get(i).values().iterator().next()).longValue());
		}
		return ids;
	}

	/**
	 * Records that the summaries' days of their units (all of one source) are counted.
	 * Runs in the caller's transaction, which holds the source's lock, so it is kept
	 * short: the readings of units read for the first time with no reject (nearly all) go
	 * in as one batch; the others are recorded one at a time.
	 * @param unitIds the units' ledger ids, from {@link #unitIds}
	 */
	public void recordAll(List<UnitSummary> summaries, Map<String, Long> unitIds) {
		List<Object[]> reads = new ArrayList<>();
		Timestamp at = Timestamp.from(Instant.now());
		for (UnitSummary summary : summaries) {
			long unitId = unitIds.get(summary.unit().key());
			if (summary.unitId() != null || !summary.rejects().isEmpty()) {
				record(unitId, summary);
				continue;
			}
			boolean first = true;
			for (LocalDate[] range : summary.daysToCount().ranges()) {
				reads.add(new Object[] { unitId, Date.valueOf(range[0]), Date.valueOf(range[1]),
						first ? summary.recordsCounted() : 0, first ? summary.rejectedCount() : 0, at });
				first = false;
			}
		}
		if (!reads.isEmpty()) {
			this.jdbc.batchUpdate(
					"""
							INSERT INTO bca_input_read (unit_id, covered_from, covered_to, records_counted, records_rejected, read_at)
							VALUES (?, ?, ?, ?, ?, ?)""",
					reads,
					new int[] { Types.BIGINT, Types.DATE, Types.DATE, Types.BIGINT, Types.BIGINT, Types.TIMESTAMP });
		}
	}

	/**
	 * Records one unit's readings and rejects; a unit read before is brought up to date.
	 * A new unit's row is in already ({@link #unitIds}).
	 */
	private void record(long unitId, UnitSummary summary) {
		InputUnit unit = summary.unit();
		if (summary.unitId() != null) {
			String notes = notes(summary);
			if (notes != null) {
				this.jdbc.update("UPDATE bca_input_unit SET notes = ? WHERE id = ?", notes, unitId);
			}
			if (summary.contentRead()) {
				// Only a deliberate recount (--reprocess) reads a unit whose content
				// changed.
				this.jdbc.update("UPDATE bca_input_unit SET version = ?, size_bytes = ? WHERE id = ?", unit.version(),
						unit.size(), unitId);
			}
		}
		// An earlier try that could not read the unit is replaced by this reading,
		// whatever it gives.
		this.jdbc.update("DELETE FROM bca_input_reject WHERE read_id IN"
				+ " (SELECT id FROM bca_input_read WHERE unit_id = ? AND records_counted < 0)", unitId);
		this.jdbc.update("DELETE FROM bca_input_read WHERE unit_id = ? AND records_counted < 0", unitId);
		// A unit that could not be read is recorded as tried (records_counted -1, which
		// status() does not count as
		// covered): its reasons reach the report of the window, and the next run reads it
		// again.
		long counted = summary.unreadable() ? UNREAD : summary.recordsCounted();
		Long firstReadId = null;
		for (LocalDate[] range : summary.daysToCount().ranges()) {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			boolean first = firstReadId == null;
			this.named.update(
					"""
							INSERT INTO bca_input_read (unit_id, covered_from, covered_to, records_counted, records_rejected, read_at)
							VALUES (:unit, :from, :to, :counted, :rejected, :at)""",
					new MapSqlParameterSource().addValue("unit", unitId)
						.addValue("from", Date.valueOf(range[0]))
						.addValue("to", Date.valueOf(range[1]))
						.addValue("counted", first || counted == UNREAD ? counted : 0)
						.addValue("rejected", first ? summary.rejectedCount() : 0)
						.addValue("at", Timestamp.from(Instant.now())),
					keys, new String[] { "id" });
			if (first) {
				firstReadId = keys.getKey().longValue();
			}
		}
		if (firstReadId == null && !summary.rejects().isEmpty()) {
			// Nothing new was read (a changed file whose days are all counted): the
			// rejects go with its last reading.
			List<Long> last = this.jdbc.queryForList("SELECT id FROM bca_input_read WHERE unit_id = ? ORDER BY id DESC",
					Long.class, unitId);
			if (!last.isEmpty()) {
				firstReadId = last.get(0);
				for (String reason : summary.rejects().keySet()) {
					this.jdbc.update("DELETE FROM bca_input_reject WHERE read_id = ? AND reason = ?", firstReadId,
							truncate(reason, 512));
				}
			}
		}
		if (firstReadId != null && !summary.rejects().isEmpty()) {
			List<Object[]> rows = new ArrayList<>();
			long readId = firstReadId;
			summary.rejects()
				.forEach((reason, tally) -> rows.add(new Object[] { readId, truncate(reason, 512), tally.count(),
						truncate(String.join(SAMPLE_SEPARATOR, tally.sampleLocations()), 2000) }));
			this.jdbc.batchUpdate(
					"INSERT INTO bca_input_reject (read_id, reason, rejected, sample_locations) VALUES (?, ?, ?, ?)",
					rows);
		}
	}

	/**
	 * Forgets that the window's days of this source were counted, so the next reading
	 * counts them again: reads that lie inside the window are dropped, reads that reach
	 * beyond it keep only their days outside it. Runs in the caller's transaction,
	 * together with {@link UsageStore#forget}.
	 */
	/**
	 * Drops the records of units of the source that could not be read for days of the
	 * window: tries, not counts.
	 */
	public void forgetTries(long sourceId, Window window) {
		String tries = "SELECT r.id FROM bca_input_read r JOIN bca_input_unit u ON u.id = r.unit_id"
				+ " WHERE u.source_id = ? AND r.records_counted < 0 AND r.covered_from < ? AND r.covered_to > ?";
		Object[] args = { sourceId, Date.valueOf(window.to()), Date.valueOf(window.from()) };
		this.jdbc.update("DELETE FROM bca_input_reject WHERE read_id IN (" + tries + ")", args);
		this.jdbc.update("DELETE FROM bca_input_read WHERE id IN (" + tries + ")", args);
	}

	public int forget(long sourceId, Window window) {
		Date from = Date.valueOf(window.from());
		Date to = Date.valueOf(window.to());
		List<Object[]> reads = this.jdbc.query("""
				SELECT r.id, r.unit_id, r.covered_from, r.covered_to FROM bca_input_read r
				JOIN bca_input_unit u ON u.id = r.unit_id
				WHERE u.source_id = ? AND r.covered_from < ? AND r.covered_to > ? AND r.records_counted >= 0""",
				(rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getDate(3), rs.getDate(4) }, sourceId, to,
				from);
		for (Object[] read : reads) {
			long id = (Long) read[0];
			Date coveredFrom = (Date) read[2];
			Date coveredTo = (Date) read[3];
			boolean keepsBefore = coveredFrom.before(from);
			boolean keepsAfter = coveredTo.after(to);
			if (keepsAfter) {
				this.jdbc.update(
						"""
								INSERT INTO bca_input_read (unit_id, covered_from, covered_to, records_counted, records_rejected, read_at)
								VALUES (?, ?, ?, 0, 0, ?)""",
						read[1], to, coveredTo, Timestamp.from(Instant.now()));
			}
			if (keepsBefore) {
				this.jdbc.update("UPDATE bca_input_read SET covered_to = ? WHERE id = ?", from, id);
			}
			else {
				this.jdbc.update("DELETE FROM bca_input_reject WHERE read_id = ?", id);
				this.jdbc.update("DELETE FROM bca_input_read WHERE id = ?", id);
			}
		}
		return reads.size();
	}

	/** Rejects recorded by reads of these sources that cover days of the window. */
	public List<StoredReject> rejects(Collection<Long> sourceIds, Window window) {
		if (sourceIds.isEmpty()) {
			return List.of();
		}
		return this.named.query("""
				SELECT u.location, j.reason, j.rejected, j.sample_locations
				FROM bca_input_reject j
				JOIN bca_input_read r ON r.id = j.read_id
				JOIN bca_input_unit u ON u.id = r.unit_id
				WHERE u.source_id IN (:sources) AND r.covered_from < :to AND r.covered_to > :from
				ORDER BY u.location, j.reason""", windowParams(sourceIds, window),
				(rs, n) -> new StoredReject(rs.getString(1), rs.getString(2), rs.getLong(3),
						Arrays.asList(rs.getString(4).split(SAMPLE_SEPARATOR))));
	}

	/** Notes on units of these sources read for days of the window. */
	public List<UnitNote> notes(Collection<Long> sourceIds, Window window) {
		if (sourceIds.isEmpty()) {
			return List.of();
		}
		return this.named.query(
				"""
						SELECT DISTINCT s.name, u.location, u.notes
						FROM bca_input_unit u
						JOIN bca_source s ON s.id = u.source_id
						JOIN bca_input_read r ON r.unit_id = u.id
						WHERE u.source_id IN (:sources) AND u.notes IS NOT NULL AND r.covered_from < :to AND r.covered_to > :from
						ORDER BY s.name, u.location""",
				windowParams(sourceIds, window),
				(rs, n) -> new UnitNote(rs.getString(1), rs.getString(2), rs.getString(3)));
	}

	/** How many units of these sources were read for days of the window. */
	public long unitsRead(Collection<Long> sourceIds, Window window) {
		if (sourceIds.isEmpty()) {
			return 0;
		}
		Long count = this.named.queryForObject("""
				SELECT COUNT(DISTINCT u.id) FROM bca_input_unit u JOIN bca_input_read r ON r.unit_id = u.id
				WHERE u.source_id IN (:sources) AND r.covered_from < :to AND r.covered_to > :from""",
				windowParams(sourceIds, window), Long.class);
		return count == null ? 0 : count;
	}

	private static MapSqlParameterSource windowParams(Collection<Long> sourceIds, Window window) {
		return new MapSqlParameterSource().addValue("sources", sourceIds)
			.addValue("from", Date.valueOf(window.from()))
			.addValue("to", Date.valueOf(window.to()));
	}

	private static String notes(UnitSummary summary) {
		return summary.notes().isEmpty() ? null : truncate(String.join("; ", summary.notes()), 4000);
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
