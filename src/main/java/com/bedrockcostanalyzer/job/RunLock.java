package com.bedrockcostanalyzer.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * One run at a time per job database. A scheduler that starts the nightly job while yesterday's is still running
 * (or two operators at once) must not have two processes count the same files: the ledger marks a file done only
 * when its chunk commits, so two readers could both count it. The run holds a row lock on {@code bca_run_lock} on a
 * connection of its own for its whole length; a second run finds it locked and is refused at once. The database
 * drops the lock with the connection, so a killed run never leaves a stale lock.
 */
@Component
public class RunLock {

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
		try {
			connection = this.dataSource.getConnection();
			connection.setAutoCommit(false);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot open the job database: " + ex.getMessage(), ex);
		}
		try (PreparedStatement lock = connection
			.prepareStatement("SELECT id FROM bca_run_lock WHERE id = 1 FOR UPDATE NOWAIT")) {
			lock.executeQuery().close();
		}
		catch (SQLException ex) {
			close(connection);
			throw new HeldElsewhereException();
		}
		return () -> close(connection);
	}

	private static void close(Connection connection) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			// closing below releases the lock as well
		}
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// nothing more to release
		}
	}

}
