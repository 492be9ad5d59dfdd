package com.bedrockcostanalyzer.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * One run at a time per job database. A scheduler that starts the nightly job while
 * yesterday's is still running (or two operators at once) must not have two processes
 * count the same files: the ledger marks a file done only when its chunk commits, so two
 * readers could both count it. On PostgreSQL the run holds a session-level advisory lock
 * on a connection of its own — no transaction stays open, so nothing holds back vacuum —
 * and a second run finds it taken and is refused at once; the server drops the lock with
 * the connection, so a killed run never leaves a stale lock. An embedded H2 file admits
 * one process only, so there runs of one JVM take turns on a lock in memory.
 */
@Component
public class RunLock {

	/** The advisory lock's key: "BCA1". */
	static final long ADVISORY_KEY = 0x42434131L;

	private static final Semaphore IN_PROCESS = new Semaphore(1);

	private final DataSource dataSource;

	public RunLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** A held lock; closing it lets the next run in. */
	public interface Held extends AutoCloseable {

		@Override
		void close();

	}

	/** Thrown when another run holds the database. */
	public static class HeldElsewhereException extends RuntimeException {

		HeldElsewhereException() {
			super("another run is using this job database (a job started twice, or two schedules overlapping); "
					+ "this one did nothing. Run it again when the other has finished.");
		}

	}

	public Held acquire() {
		Connection connection;
		boolean postgres;
		try {
			connection = this.dataSource.getConnection();
			postgres = connection.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot open the job database: " + ex.getMessage(), ex);
		}
		if (!postgres) {
			close(connection);
			if (!IN_PROCESS.tryAcquire()) {
				throw new HeldElsewhereException();
			}
			return IN_PROCESS::release;
		}
		try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			lock.setLong(1, ADVISORY_KEY);
			try (ResultSet taken = lock.executeQuery()) {
				if (!taken.next() || !taken.getBoolean(1)) {
					close(connection);
					throw new HeldElsewhereException();
				}
			}
		}
		catch (SQLException ex) {
			close(connection);
			throw new IllegalStateException("cannot take the run lock: " + ex.getMessage(), ex);
		}
		return () -> {
			// The pool keeps the session open: the lock is given back before the
			// connection is.
			try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
				unlock.setLong(1, ADVISORY_KEY);
				unlock.executeQuery().close();
			}
			catch (SQLException ex) {
				// closing below ends the session's hold on the lock if the pool discards
				// it
			}
			close(connection);
		};
	}

	private static void close(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// nothing more to release
		}
	}

}
