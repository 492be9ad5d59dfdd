package com.bedrockcostanalyzer.aggregate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.bedrockcostanalyzer.usage.Context;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.Window;

/**
 * A table of {@link DayBlock}s: one row per source, UTC day and (region, model, scope,
 * tier, context, path), to which blocks are added slot by slot. Rows are read back one
 * group of traffic at a time (a model and path, say) through the primary key, which
 * starts with the source, model and path. Plain SQL that H2 and PostgreSQL share.
 */
final class DayBlockTable {

	/**
	 * Keys looked up per statement when adding: the statement stays small, the round
	 * trips few.
	 */
	private static final int KEYS_PER_LOOKUP = 100;

	private static final int ROWS_PER_INSERT = 100;

	private static final String KEY_COLUMNS = "usage_day, region, model, scope, tier, context, path";

	private final String table;

	private final int width;

	private final boolean fingerprinted;

	/**
	 * @param width the counters per slot
	 * @param fingerprinted whether slots are keyed by a fingerprint as well as the minute
	 */
	DayBlockTable(String table, int width, boolean fingerprinted) {
		this.table = table;
		this.width = width;
		this.fingerprinted = fingerprinted;
	}

	DayBlock newBlock() {
		return new DayBlock(this.width, this.fingerprinted);
	}

	/**
	 * Adds one source's blocks to the stored rows. Runs in the caller's transaction,
	 * which holds the source.
	 */
	void add(JdbcTemplate jdbc, long sourceId, Map<UsageKey, DayBlock> blocks) {
		if (blocks.isEmpty()) {
			return;
		}
		List<UsageKey> keys = new ArrayList<>(blocks.keySet());
		keys.sort(Comparator.comparing(UsageKey::day));
		Map<UsageKey, byte[]> stored = new HashMap<>();
		for (int from = 0; from < keys.size(); from += KEYS_PER_LOOKUP) {
			List<UsageKey> slice = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_LOOKUP));
			// The day range lets both databases use the (source, day) index; the row list
			// picks the rows.
			StringBuilder sql = new StringBuilder("SELECT " + KEY_COLUMNS + ", slots FROM " + this.table
					+ " WHERE source_id = ? AND usage_day >= ? AND usage_day <= ? AND (" + KEY_COLUMNS + ") IN (");
			List<Object> args = new ArrayList<>();
			args.add(sourceId);
			args.add(Date.valueOf(slice.get(0).day()));
			args.add(Date.valueOf(slice.get(slice.size() - 1).day()));
			for (int i = 0; i < slice.size(); i++) {
				sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
				args.addAll(keyValues(slice.get(i)));
			}
			sql.append(")");
			jdbc.query(sql.toString(), (ResultSet rs) -> {
				stored.put(key(rs), rs.getBytes("slots"));
			}, args.toArray());
		}
		List<Object[]> updates = new ArrayList<>();
		List<UsageKey> inserts = new ArrayList<>();
		for (UsageKey key : keys) {
			byte[] before = stored.get(key);
			if (before == null) {
				inserts.add(key);
				continue;
			}
			List<Object> row = new ArrayList<>();
			row.add(blocks.get(key).addTo(before));
			row.add(sourceId);
			row.addAll(keyValues(key));
			updates.add(row.toArray());
		}
		if (!updates.isEmpty()) {
			jdbc.batchUpdate(
					"UPDATE " + this.table + " SET slots = ? WHERE source_id = ? AND usage_day = ?"
							+ " AND region = ? AND model = ? AND scope = ? AND tier = ? AND context = ? AND path = ?",
					updates);
		}
		for (int from = 0; from < inserts.size(); from += ROWS_PER_INSERT) {
			List<UsageKey> slice = inserts.subList(from, Math.min(inserts.size(), from + ROWS_PER_INSERT));
			StringBuilder sql = new StringBuilder(
					"INSERT INTO " + this.table + " (source_id, " + KEY_COLUMNS + ", slots) VALUES ");
			List<Object> args = new ArrayList<>();
			for (int i = 0; i < slice.size(); i++) {
				sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
				args.add(sourceId);
				args.addAll(keyValues(slice.get(i)));
				args.add(blocks.get(slice.get(i)).encode());
			}
			jdbc.update(sql.toString(), args.toArray());
		}
	}

	/** Removes the source's rows of the window's days. */
	int forget(JdbcTemplate jdbc, long sourceId, Window window) {
		return jdbc.update("DELETE FROM " + this.table + " WHERE source_id = ? AND usage_day >= ? AND usage_day < ?",
				sourceId, Date.valueOf(window.from()), Date.valueOf(window.to()));
	}

	/**
	 * The distinct values of some key columns among the sources' rows in the window,
	 * sorted: the groups to read one at a time.
	 * @param condition an extra SQL condition, or empty
	 */
	List<List<String>> groups(NamedParameterJdbcTemplate named, Collection<Long> sourceIds, Window window,
			List<String> columns, String condition) {
		String list = String.join(", ", columns);
		return named.query("SELECT DISTINCT " + list + " FROM " + this.table + where(condition) + " ORDER BY " + list,
				UsageStore.dayParams(sourceIds, window), (rs, n) -> {
					List<String> values = new ArrayList<>(columns.size());
					for (int i = 1; i <= columns.size(); i++) {
						values.add(rs.getString(i));
					}
					return values;
				});
	}

	/** Receives the slots of the rows read, with each row's key. */
	@FunctionalInterface
	interface RowSlotConsumer {

		void accept(UsageKey key, int minute, long fingerprint, long[] counters);

	}

	/**
	 * Reads the sources' rows in the window whose columns have the given values (one
	 * group), slot by slot.
	 */
	void read(NamedParameterJdbcTemplate named, Collection<Long> sourceIds, Window window, List<String> columns,
			List<String> values, String condition, RowSlotConsumer consumer) {
		MapSqlParameterSource params = UsageStore.dayParams(sourceIds, window);
		StringBuilder extra = new StringBuilder(condition);
		for (int i = 0; i < columns.size(); i++) {
			extra.append(extra.isEmpty() ? "" : " AND ").append(columns.get(i)).append(" = :g").append(i);
			params.addValue("g" + i, values.get(i));
		}
		named.query("SELECT " + KEY_COLUMNS + ", slots FROM " + this.table + where(extra.toString()), params,
				(ResultSet rs) -> {
					UsageKey key = key(rs);
					DayBlock.decode(rs.getBytes("slots"), this.width, this.fingerprinted,
							(minute, fingerprint, counters) -> consumer.accept(key, minute, fingerprint, counters));
				});
	}

	private String where(String condition) {
		return " WHERE source_id IN (:sources) AND usage_day >= :from AND usage_day < :to"
				+ (condition.isEmpty() ? "" : " AND " + condition);
	}

	private static List<Object> keyValues(UsageKey key) {
		return List.of(Date.valueOf(key.day()), key.region(), key.model(), key.scope().label(), key.tier().label(),
				key.context().label(), key.path());
	}

	private static UsageKey key(ResultSet rs) throws SQLException {
		return new UsageKey(rs.getDate("usage_day").toLocalDate(), rs.getString("region"), rs.getString("model"),
				Scope.fromLabel(rs.getString("scope")), Tier.fromLabel(rs.getString("tier")),
				Context.fromLabel(rs.getString("context")), rs.getString("path"));
	}

	@Override
	public String toString() {
		return this.table;
	}

}
