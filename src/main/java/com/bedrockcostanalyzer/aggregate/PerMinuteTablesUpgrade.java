package com.bedrockcostanalyzer.aggregate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;

/**
 * Moves the per-minute rows of databases written before the per-minute tables were packed by day
 * ({@code bca_usage_minute}, {@code bca_prefix_minute}: a row per minute) into {@code bca_minute_day} and
 * {@code bca_prefix_day}, then drops the old tables — once, at start-up, in one transaction. The old table is first
 * renamed, so that of two processes starting together on one PostgreSQL database only one moves the rows.
 */
@Component
public class PerMinuteTablesUpgrade implements InitializingBean {

	private static final Log logger = LogFactory.getLog(PerMinuteTablesUpgrade.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	public PerMinuteTablesUpgrade(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	@Override
	public void afterPropertiesSet() {
		upgrade("bca_usage_minute", UsageStore.MINUTES, List.of("requests", "streaming_requests", "input_tokens",
				"output_tokens", "cache_read_input_tokens", "cache_write_input_tokens"), false);
		upgrade("bca_prefix_minute", UsageStore.PREFIXES,
				List.of("requests", "prefix_tokens", "cache_marked_requests"), true);
	}

	private void upgrade(String oldTable, DayBlockTable target, List<String> counters, boolean fingerprinted) {
		Integer present = this.jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables"
				+ " WHERE UPPER(table_name) = UPPER(?) AND table_schema = CURRENT_SCHEMA", Integer.class, oldTable);
		if (present == null || present == 0) {
			return;
		}
		String moving = oldTable + "_moving";
		this.transaction.executeWithoutResult((status) -> {
			try {
				this.jdbc.execute("ALTER TABLE " + oldTable + " RENAME TO " + moving);
			}
			catch (DataAccessException ex) {
				// Another process renamed it first and is moving the rows.
				status.setRollbackOnly();
				return;
			}
			long[] rows = { 0 };
			Map<Long, Map<UsageKey, DayBlock>> pending = new HashMap<>();
			String sql = "SELECT source_id, usage_minute, region, model, scope, tier, path"
					+ (fingerprinted ? ", fingerprint" : "") + ", " + String.join(", ", counters) + " FROM " + moving
					+ " ORDER BY usage_minute";
			LocalDate[] day = { null };
			// Streamed, not loaded: PostgreSQL's driver holds a whole result in memory unless given a fetch size.
			JdbcTemplate streaming = new JdbcTemplate(this.jdbc.getDataSource());
			streaming.setFetchSize(10_000);
			streaming.query(sql, (ResultSet rs) -> {
				MinuteKey minute = minuteKey(rs);
				if (day[0] != null && !day[0].equals(minute.day())) {
					// Rows come in time order: the day before is complete.
					flush(target, pending);
				}
				day[0] = minute.day();
				long[] values = new long[counters.size()];
				for (int i = 0; i < values.length; i++) {
					values[i] = rs.getLong(counters.get(i));
				}
				pending.computeIfAbsent(rs.getLong("source_id"), (s) -> new HashMap<>())
					.computeIfAbsent(minute.series(), (k) -> target.newBlock())
					.add(minute.minuteOfDay(), fingerprinted ? rs.getLong("fingerprint") : 0, values);
				rows[0]++;
			});
			flush(target, pending);
			this.jdbc.execute("DROP TABLE " + moving);
			logger.info("Moved " + rows[0] + " rows of " + oldTable + " into " + target + " (one row per day)");
		});
	}

	private void flush(DayBlockTable target, Map<Long, Map<UsageKey, DayBlock>> pending) {
		pending.forEach((source, blocks) -> target.add(this.jdbc, source, blocks));
		pending.clear();
	}

	private static MinuteKey minuteKey(ResultSet rs) throws SQLException {
		return new MinuteKey(rs.getObject("usage_minute", LocalDateTime.class).toInstant(ZoneOffset.UTC),
				rs.getString("region"), rs.getString("model"), Scope.fromLabel(rs.getString("scope")),
				Tier.fromLabel(rs.getString("tier")), rs.getString("path"));
	}

}
