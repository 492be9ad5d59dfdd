package com.bedrockcostanalyzer.testing;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the ledger a run left against what the generator wrote. */
public final class LedgerAssertions {

	private LedgerAssertions() {
	}

	/**
	 * Every file read has one unit row and one reading of the whole window, and the
	 * readings' counts add up to the generator's records (successes and failures) and
	 * rejects in the window.
	 */
	public static void assertEachFileReadOnce(String url, String user, String password, ExpectedTotals expected,
			LocalDate from, LocalDate to) throws SQLException {
		try (Connection db = DriverManager.getConnection(url, user, password); Statement query = db.createStatement()) {
			long units = single(query, "SELECT COUNT(*) FROM bca_input_unit");
			assertThat(units).as("units").isGreaterThan(1);
			assertThat(single(query, "SELECT COUNT(*) FROM bca_input_read")).as("readings").isEqualTo(units);
			assertThat(single(query, "SELECT COUNT(DISTINCT unit_id) FROM bca_input_read")).as("units read")
				.isEqualTo(units);
			try (ResultSet rs = query.executeQuery("SELECT MIN(covered_from), MAX(covered_from), MIN(covered_to),"
					+ " MAX(covered_to), SUM(records_rejected) FROM bca_input_read")) {
				rs.next();
				assertThat(rs.getDate(1)).isEqualTo(Date.valueOf(from));
				assertThat(rs.getDate(2)).isEqualTo(Date.valueOf(from));
				assertThat(rs.getDate(3)).isEqualTo(Date.valueOf(to));
				assertThat(rs.getDate(4)).isEqualTo(Date.valueOf(to));
				assertThat(rs.getLong(5)).as("records rejected").isEqualTo(expected.rejects());
			}
			// A log record is one request or one failure; a usage-export row may stand
			// for many, so only logs are summed.
			long logRecords = 0;
			for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
				logRecords += expected.ofDay(day).requests + expected.ofDay(day).errors;
			}
			assertThat(single(query,
					"SELECT SUM(r.records_counted) FROM bca_input_read r"
							+ " JOIN bca_input_unit u ON u.id = r.unit_id WHERE u.location LIKE '%.json.gz'"))
				.as("log records counted")
				.isEqualTo(logRecords);
		}
	}

	private static long single(Statement query, String sql) throws SQLException {
		try (ResultSet rs = query.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
