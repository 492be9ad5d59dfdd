package com.bedrockcostanalyzer.aggregate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table of counters keyed by some columns, to which rows are added: a row whose key
 * exists updates its counters in place, the others are inserted. Which keys exist is
 * asked once per call over the rows' span of the range column (a unit covers an hour or a
 * day, so the answer is small), and the new rows go in as multi-row INSERTs: one round
 * trip per few hundred rows rather than two statements per row. Plain SQL that H2 and
 * PostgreSQL share.
 */
final class AdditiveTable {

	private static final int ROWS_PER_INSERT = 250;

	private final String table;

	private final List<String> keys;

	private final List<String> counters;

	private final String update;

	private final String insertPrefix;

	private final String insertRow;

	private final String existing;

	private final int rangeIndex;

	/**
	 * @param keys the key columns; the first is the source, {@code rangeColumn} is one of
	 * them
	 */
	AdditiveTable(String table, List<String> keys, List<String> counters, String rangeColumn) {
		this.table = table;
		this.keys = List.copyOf(keys);
		this.counters = List.copyOf(counters);
		this.update = "UPDATE " + table + " SET "
				+ String.join(", ", counters.stream().map((c) -> c + " = " + c + " + ?").toList()) + " WHERE "
				+ String.join(" AND ", keys.stream().map((k) -> k + " = ?").toList());
		List<String> columns = new ArrayList<>(counters);
		columns.addAll(keys);
		this.insertPrefix = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
		this.insertRow = "(" + String.join(", ", columns.stream().map((c) -> "?").toList()) + ")";
		this.existing = "SELECT " + String.join(", ", keys) + " FROM " + table + " WHERE " + keys.get(0) + " = ? AND "
				+ rangeColumn + " >= ? AND " + rangeColumn + " <= ?";
		this.rangeIndex = counters.size() + keys.indexOf(rangeColumn);
	}

	/**
	 * Each row holds the counters first, then the key columns, in the order given to the
	 * constructor; all rows are of one source. Runs in the caller's transaction.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void add(JdbcTemplate jdbc, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		Comparable min = (Comparable) rows.get(0)[this.rangeIndex];
		Comparable max = min;
		for (Object[] row : rows) {
			Comparable value = (Comparable) row[this.rangeIndex];
			min = value.compareTo(min) < 0 ? value : min;
			max = value.compareTo(max) > 0 ? value : max;
		}
		Object source = rows.get(0)[this.counters.size()];
		Set<String> present = new HashSet<>();
		jdbc.query(this.existing, (rs) -> {
			StringBuilder key = new StringBuilder();
			for (int i = 1; i <= this.keys.size(); i++) {
				Object value = rs.getObject(i);
				key.append(normalize(value)).append('\u0000');
			}
			present.add(key.toString());
		}, source, min, max);
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> inserts = new ArrayList<>();
		for (Object[] row : rows) {
			(present.contains(keyOf(row)) ? updates : inserts).add(row);
		}
		if (!updates.isEmpty()) {
			jdbc.batchUpdate(this.update, updates);
		}
		for (int from = 0; from < inserts.size(); from += ROWS_PER_INSERT) {
			List<Object[]> slice = inserts.subList(from, Math.min(inserts.size(), from + ROWS_PER_INSERT));
			StringBuilder sql = new StringBuilder(this.insertPrefix);
			List<Object> args = new ArrayList<>(slice.size() * slice.get(0).length);
			for (int i = 0; i < slice.size(); i++) {
				sql.append(i == 0 ? "" : ", ").append(this.insertRow);
				for (Object value : slice.get(i)) {
					args.add(value);
				}
			}
			jdbc.update(sql.toString(), args.toArray());
		}
	}

	private String keyOf(Object[] row) {
		StringBuilder key = new StringBuilder();
		for (int i = this.counters.size(); i < row.length; i++) {
			key.append(normalize(row[i])).append('\u0000');
		}
		return key.toString();
	}

	/**
	 * The same key read back from the database as written: dates and times as ISO text,
	 * numbers as numbers.
	 */
	private static String normalize(Object value) {
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toLocalDateTime().toString();
		}
		if (value instanceof java.time.OffsetDateTime offset) {
			return offset.toLocalDateTime().toString();
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate().toString();
		}
		if (value instanceof Number number) {
			return Long.toString(number.longValue());
		}
		return String.valueOf(value);
	}

	@Override
	public String toString() {
		return this.table;
	}

}
