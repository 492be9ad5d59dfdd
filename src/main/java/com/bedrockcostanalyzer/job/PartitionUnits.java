package com.bedrockcostanalyzer.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.bedrockcostanalyzer.source.InputUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which units each partition holds, in the job database, so any process can run any
 * partition. A partition's step execution context names its list; the list itself is not
 * in the context, which Spring Batch saves again after every chunk (thousands of keys
 * rewritten hundreds of times bloat an H2 file by gigabytes).
 */
@Component
class PartitionUnits {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	PartitionUnits(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Drops the lists of earlier runs; one run at a time holds the database (RunLock).
	 */
	void clear() {
		this.jdbc.update("DELETE FROM bca_partition_unit");
	}

	void save(String partitionId, List<InputUnit> units) {
		List<Object[]> rows = new ArrayList<>(units.size());
		for (int i = 0; i < units.size(); i++) {
			rows.add(new Object[] { partitionId, i, JSON.writeValueAsString(units.get(i)) });
		}
		this.jdbc.batchUpdate("INSERT INTO bca_partition_unit (partition_id, seq, unit) VALUES (?, ?, ?)", rows);
	}

	List<InputUnit> load(String partitionId) {
		return this.jdbc.query("SELECT unit FROM bca_partition_unit WHERE partition_id = ? ORDER BY seq",
				(rs, n) -> JSON.readValue(rs.getString(1), InputUnit.class), partitionId);
	}

}
