package com.bedrockcostanalyzer.aggregate;

import java.nio.ByteBuffer;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The invocations stored as counted on the days one run is counting, each with the unit
 * that counted it, held in memory so that a chunk's ids are checked without asking the
 * database about each. A day is read whole the first time a chunk holds one of its
 * invocations, and after that only the rows stored since (by this run's other chunks or
 * by other processes); a day no chunk has held for a while is let go and read again if
 * needed, so memory follows the days being read, not the run's length. Used under the
 * lock of {@code bca_request_lock}: no ids are stored while it reads.
 */
final class KnownRequests {

	/** What {@link #countedBy} answers for an id not stored. */
	static final long NONE = -1;

	/**
	 * Chunks after which a day none of them held is let go: partitions read a few
	 * neighbouring days each, and a day let go too early is only read again, 16 bytes an
	 * id. 1,000,000 invocations then fit a 256 MB heap.
	 */
	private static final int IDLE_CHUNKS = 8;

	private static final int ID_BYTES = 16;

	/**
	 * Ids are compared as bca_counted_request kept them: the day, 40 bits of the high
	 * half and the low half.
	 */
	private static final long KEY_BITS = (1L << 40) - 1;

	private final long run;

	private final Map<LocalDate, Day> days = new HashMap<>();

	/** The last row read: rows are numbered in the order they were committed. */
	private long seen;

	private int chunks;

	KnownRequests(long run) {
		this.run = run;
	}

	long run() {
		return this.run;
	}

	/**
	 * Brings the days' ids up to what is stored now: the days not held are read whole,
	 * the ones held get the rows stored since the last call.
	 */
	void refresh(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, Set<LocalDate> needed) {
		this.chunks++;
		Long top = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM bca_counted_ids", Long.class);
		long last = (top != null) ? top : 0;
		if (last > this.seen && !this.days.isEmpty()) {
			named.query(
					"SELECT request_day, unit_id, ids FROM bca_counted_ids"
							+ " WHERE seq > :seen AND seq <= :last AND request_day IN (:days)",
					new MapSqlParameterSource().addValue("seen", this.seen)
						.addValue("last", last)
						.addValue("days", this.days.keySet().stream().map(Date::valueOf).toList()),
					rowsInto());
		}
		List<Date> fresh = new ArrayList<>();
		for (LocalDate day : needed) {
			if (!this.days.containsKey(day)) {
				Day held = new Day();
				this.days.put(day, held);
				fresh.add(Date.valueOf(day));
				// Counted by an earlier release: a row an id, its day in the key.
				jdbc.query("SELECT id_key, id_low, unit_id FROM bca_counted_request WHERE id_key >= ? AND id_key < ?",
						(ResultSet rs) -> {
							held.ids.add(rs.getLong(1) & KEY_BITS, rs.getLong(2), rs.getLong(3));
						}, CountedRequests.key(day, 0), CountedRequests.key(day.plusDays(1), 0));
			}
		}
		if (!fresh.isEmpty()) {
			named.query("SELECT request_day, unit_id, ids FROM bca_counted_ids WHERE request_day IN (:days)",
					new MapSqlParameterSource("days", fresh), rowsInto());
		}
		this.seen = last;
		for (LocalDate day : needed) {
			this.days.get(day).lastChunk = this.chunks;
		}
		this.days.values().removeIf((day) -> this.chunks - day.lastChunk > IDLE_CHUNKS);
	}

	/** The unit that counted the invocation, or {@link #NONE}; its day must be held. */
	long countedBy(LocalDate day, long high, long low) {
		Day held = this.days.get(day);
		return (held != null) ? held.ids.get(high >>> 24, low, NONE) : NONE;
	}

	/** Ids as stored: 16 bytes each, in ascending order. */
	static byte[] pack(List<long[]> ids) {
		ids.sort(Comparator.<long[]>comparingLong((id) -> id[0]).thenComparingLong((id) -> id[1]));
		ByteBuffer packed = ByteBuffer.allocate(ids.size() * ID_BYTES);
		for (long[] id : ids) {
			packed.putLong(id[0]).putLong(id[1]);
		}
		return packed.array();
	}

	private RowCallbackHandler rowsInto() {
		return (ResultSet rs) -> {
			Day day = this.days.get(rs.getDate(1).toLocalDate());
			if (day != null) {
				add(day, rs.getLong(2), rs.getBytes(3));
			}
		};
	}

	private static void add(Day day, long unitId, byte[] packed) throws SQLException {
		if (packed.length % ID_BYTES != 0) {
			throw new SQLException("a row of bca_counted_ids holds " + packed.length + " bytes, not whole ids");
		}
		ByteBuffer ids = ByteBuffer.wrap(packed);
		while (ids.hasRemaining()) {
			long high = ids.getLong();
			day.ids.add(high >>> 24, ids.getLong(), unitId);
		}
	}

	/** One day's ids, by 40 bits of the high half and the low half, to their unit. */
	private static final class Day {

		final IdTable ids = new IdTable();

		int lastChunk;

	}

}
