package com.bedrockcostanalyzer.aggregate;

import java.sql.Connection;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lets the current transaction wait for a writer's lock as long as a chunk may take to
 * write.
 */
final class LongLockWaits {

	private final JdbcTemplate jdbc;

	private volatile Boolean h2;

	LongLockWaits(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void allow() {
		if (this.h2 == null) {
			this.h2 = this.jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName().startsWith("H2"));
		}
		if (this.h2) {
			// H2 gives up on a lock after a second by default; a writer may hold it for
			// the length of a chunk.
			this.jdbc.execute("SET LOCK_TIMEOUT 600000");
		}
	}

}
