package com.bedrockcostanalyzer.aggregate;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table of counters keyed by some columns, to which rows are added: each row updates its counters in place or is
 * inserted. Plain SQL that H2 and PostgreSQL share; batched, in the caller's transaction.
 */
final class AdditiveTable {

	private final String update;

	private final String insert;

	AdditiveTable(String table, List<String> keys, List<String> counters) {
		this.update = "UPDATE " + table + " SET "
				+ String.join(", ", counters.stream().map((c) -> c + " = " + c + " + ?").toList()) + " WHERE "
				+ String.join(" AND ", keys.stream().map((k) -> k + " = ?").toList());
		List<String> columns = new ArrayList<>(counters);
		columns.addAll(keys);
		this.insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
				+ String.join(", ", columns.stream().map((c) -> "?").toList()) + ")";
	}

	/** Each row holds the counters first, then the key columns, in the order given to the constructor. */
	void add(JdbcTemplate jdbc, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		int[] updated = jdbc.batchUpdate(this.update, rows);
		List<Object[]> inserts = new ArrayList<>();
		for (int i = 0; i < updated.length; i++) {
			if (updated[i] == 0) {
				inserts.add(rows.get(i));
			}
		}
		if (!inserts.isEmpty()) {
			jdbc.batchUpdate(this.insert, inserts);
		}
	}

}
