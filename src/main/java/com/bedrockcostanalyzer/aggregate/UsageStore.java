package com.bedrockcostanalyzer.aggregate;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.bedrockcostanalyzer.source.Window;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;

/**
 * The aggregate tables: daily usage, the per-minute profile and the per-prefix minutes. Summaries are added to them,
 * reports and detectors read them back; nothing here ever needs the logs again.
 */
@Repository
public class UsageStore {

	private static final List<String> DAILY_KEY = List.of("source_id", "usage_day", "region", "model", "scope", "tier",
			"path");

	private static final AdditiveTable DAILY = new AdditiveTable("bca_usage_daily", DAILY_KEY,
			List.of("requests", "errors", "streaming_requests", "truncated_requests", "input_tokens", "output_tokens",
					"cache_read_input_tokens", "cache_write_5m_input_tokens", "cache_write_1h_input_tokens",
					"human_requests", "output_tokens_squared"),
			"usage_day");

	private static final List<String> MINUTE_KEY = List.of("source_id", "usage_minute", "region", "model", "scope",
			"tier", "path");

	private static final AdditiveTable MINUTES = new AdditiveTable("bca_usage_minute", MINUTE_KEY,
			List.of("requests", "streaming_requests", "input_tokens", "output_tokens", "cache_read_input_tokens",
					"cache_write_input_tokens"),
			"usage_minute");

	private static final AdditiveTable PREFIXES = new AdditiveTable("bca_prefix_minute",
			List.of("source_id", "usage_minute", "region", "model", "scope", "tier", "path", "fingerprint"),
			List.of("requests", "prefix_tokens", "cache_marked_requests"), "usage_minute");

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final Map<String, Long> sourceIds = new java.util.concurrent.ConcurrentHashMap<>();

	private volatile Boolean h2;

	public UsageStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/**
	 * The id of a source, created on first use. Ids never change, so each is asked of the database once: the readers
	 * ask for it for every file.
	 */
	public long sourceId(String name) {
		Long known = this.sourceIds.get(name);
		if (known != null) {
			return known;
		}
		List<Long> ids = this.jdbc.queryForList("SELECT id FROM bca_source WHERE name = ?", Long.class, name);
		long id;
		if (!ids.isEmpty()) {
			id = ids.get(0);
		}
		else {
			this.jdbc.update("INSERT INTO bca_source (name) VALUES (?)", name);
			id = this.jdbc.queryForObject("SELECT id FROM bca_source WHERE name = ?", Long.class, name);
		}
		this.sourceIds.put(name, id);
		return id;
	}

	/**
	 * Locks the sources' rows until the caller's transaction ends, in id order (so two writers never wait on each
	 * other in a circle): writers of the same source take turns, in this process and in others sharing the database.
	 */
	public void lockSources(java.util.Collection<Long> sourceIds) {
		List<Long> ids = sourceIds.stream().distinct().sorted().toList();
		if (ids.isEmpty()) {
			return;
		}
		if (this.h2 == null) {
			this.h2 = this.jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()
				.startsWith("H2"));
		}
		if (this.h2) {
			// H2 gives up on a lock after a second by default; a writer may hold it for the length of a chunk.
			this.jdbc.execute("SET LOCK_TIMEOUT 600000");
		}
		this.jdbc.queryForList("SELECT id FROM bca_source WHERE id IN ("
				+ String.join(", ", ids.stream().map((id) -> "?").toList()) + ") ORDER BY id FOR UPDATE", Long.class,
				ids.toArray());
	}

	/**
	 * Adds what some units of one source counted to the stored rows, summed first so that each key is written once.
	 * Runs in the caller's transaction.
	 */
	public void add(long sourceId, List<UnitSummary> summaries) {
		Map<UsageKey, UsageTotals> totals = new java.util.HashMap<>();
		Map<MinuteKey, MinuteTotals> minuteTotals = new java.util.HashMap<>();
		Map<PrefixKey, PrefixTotals> prefixTotals = new java.util.HashMap<>();
		for (UnitSummary summary : summaries) {
			summary.totals().forEach((k, v) -> totals.computeIfAbsent(k, (x) -> new UsageTotals()).add(v));
			summary.minutes().forEach((k, v) -> minuteTotals.computeIfAbsent(k, (x) -> new MinuteTotals()).add(v));
			summary.prefixes().forEach((k, v) -> prefixTotals.merge(k, v, PrefixTotals::plus));
		}
		add(sourceId, totals);
		List<Object[]> minutes = new ArrayList<>(minuteTotals.size());
		minuteTotals.forEach((key, t) -> minutes.add(new Object[] { t.requests, t.streamingRequests,
				t.inputTokens, t.outputTokens, t.cacheReadTokens, t.cacheWriteTokens, sourceId,
				utc(key.minute()), key.region(), key.model(), key.scope().label(), key.tier().label(),
				key.path() }));
		MINUTES.add(this.jdbc, minutes);
		List<Object[]> prefixes = new ArrayList<>(prefixTotals.size());
		prefixTotals.forEach((key, t) -> {
			MinuteKey m = key.minute();
			prefixes.add(new Object[] { t.requests(), t.prefixTokens(), t.cacheMarkedRequests(), sourceId,
					utc(m.minute()), m.region(), m.model(), m.scope().label(), m.tier().label(), m.path(),
					key.fingerprint() });
		});
		PREFIXES.add(this.jdbc, prefixes);
	}

	/** Adds daily totals to the stored rows. Runs in the caller's transaction. */
	public void add(long sourceId, Map<UsageKey, UsageTotals> totals) {
		List<Object[]> rows = new ArrayList<>(totals.size());
		totals.forEach((key, t) -> rows.add(new Object[] { t.requests, t.errors, t.streamingRequests,
				t.truncatedRequests, t.inputTokens, t.outputTokens, t.cacheReadTokens, t.cacheWrite5mTokens,
				t.cacheWrite1hTokens, t.humanRequests, t.outputTokensSquared, sourceId, Date.valueOf(key.day()),
				key.region(), key.model(), key.scope().label(), key.tier().label(), key.path() }));
		DAILY.add(this.jdbc, rows);
	}

	/** Removes what the source added for the window's days; see {@link InputLedger#forget}. */
	public int forget(long sourceId, Window window) {
		LocalDateTime from = window.from().atStartOfDay();
		LocalDateTime to = window.to().atStartOfDay();
		this.jdbc.update("DELETE FROM bca_usage_minute WHERE source_id = ? AND usage_minute >= ? AND usage_minute < ?",
				sourceId, from, to);
		this.jdbc.update("DELETE FROM bca_prefix_minute WHERE source_id = ? AND usage_minute >= ? AND usage_minute < ?",
				sourceId, from, to);
		return this.jdbc.update("DELETE FROM bca_usage_daily WHERE source_id = ? AND usage_day >= ? AND usage_day < ?",
				sourceId, Date.valueOf(window.from()), Date.valueOf(window.to()));
	}

	/** The stored daily rows of these sources inside the window, summed over the sources. */
	public List<DailyUsage> load(Collection<Long> sourceIds, Window window) {
		if (sourceIds.isEmpty()) {
			return List.of();
		}
		String sql = """
				SELECT usage_day, region, model, scope, tier, path, SUM(requests) AS requests, SUM(errors) AS errors,
				  SUM(streaming_requests) AS streaming_requests, SUM(truncated_requests) AS truncated_requests,
				  SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens,
				  SUM(cache_read_input_tokens) AS cache_read, SUM(cache_write_5m_input_tokens) AS cache_write_5m,
				  SUM(cache_write_1h_input_tokens) AS cache_write_1h, SUM(human_requests) AS human_requests,
				  SUM(output_tokens_squared) AS output_tokens_squared
				FROM bca_usage_daily
				WHERE source_id IN (:sources) AND usage_day >= :from AND usage_day < :to
				GROUP BY usage_day, region, model, scope, tier, path
				ORDER BY usage_day, region, model, scope, tier, path""";
		return this.named.query(sql, dayParams(sourceIds, window),
				(rs, n) -> new DailyUsage(
						new UsageKey(rs.getDate("usage_day").toLocalDate(), rs.getString("region"),
								rs.getString("model"), Scope.fromLabel(rs.getString("scope")),
								Tier.fromLabel(rs.getString("tier")), rs.getString("path")),
						new UsageTotals(rs.getLong("requests"), rs.getLong("errors"), rs.getLong("streaming_requests"),
								rs.getLong("truncated_requests"),
								new TokenCounts(rs.getLong("input_tokens"), rs.getLong("output_tokens"),
										rs.getLong("cache_read"), rs.getLong("cache_write_5m"),
										rs.getLong("cache_write_1h")),
								rs.getLong("human_requests"), rs.getLong("output_tokens_squared"))));
	}

	/** One row of the per-minute profile, summed over the sources. */
	public record MinuteRow(MinuteKey key, MinuteTotals totals) {
	}

	/** The minutes of each model and path, summed over the sources, one (model, path) at a time in time order. */
	public void streamMinutesByTraffic(Collection<Long> sourceIds, Window window,
			java.util.function.Consumer<List<MinuteRow>> group) {
		if (sourceIds.isEmpty()) {
			return;
		}
		String sql = byTrafficSql("bca_usage_minute", List.of(), List.of("requests", "streaming_requests",
				"input_tokens", "output_tokens", "cache_read_input_tokens AS cache_read",
				"cache_write_input_tokens AS cache_write"), sourceIds.size() == 1);
		streamGroups(sql, minuteParams(sourceIds, window), (rs, n) -> new MinuteRow(minuteKey(rs), minuteTotals(rs)),
				(row) -> row.key().model() + "\n" + row.key().path(), group);
	}

	/** The prefix minutes of each model and path, summed over the sources, one (model, path) at a time. */
	public void streamPrefixesByTraffic(Collection<Long> sourceIds, Window window,
			java.util.function.Consumer<List<PrefixRow>> group) {
		if (sourceIds.isEmpty()) {
			return;
		}
		String sql = byTrafficSql("bca_prefix_minute", List.of("fingerprint"),
				List.of("requests", "prefix_tokens", "cache_marked_requests"), sourceIds.size() == 1);
		streamGroups(sql, minuteParams(sourceIds, window),
				(rs, n) -> new PrefixRow(new PrefixKey(minuteKey(rs), rs.getLong("fingerprint")),
						new PrefixTotals(rs.getLong("requests"), rs.getLong("prefix_tokens"),
								rs.getLong("cache_marked_requests"))),
				(row) -> row.key().minute().model() + "\n" + row.key().minute().path(), group);
	}

	/**
	 * A per-minute table's rows in (model, path, minute) order, summed over the sources. With one source the rows are
	 * already one per key: no GROUP BY, which H2 holds in memory whole, so the database can sort a month of minutes
	 * on disk instead.
	 * @param counters counter columns, each optionally {@code column AS name}
	 */
	private static String byTrafficSql(String table, List<String> extraKeys, List<String> counters,
			boolean oneSource) {
		List<String> keys = new ArrayList<>(List.of("usage_minute", "region", "model", "scope", "tier", "path"));
		keys.addAll(extraKeys);
		List<String> columns = new ArrayList<>(keys);
		for (String counter : counters) {
			String[] parts = counter.split(" AS ");
			String name = parts.length > 1 ? parts[1] : parts[0];
			columns.add(oneSource ? counter : "SUM(" + parts[0] + ") AS " + name);
		}
		return "SELECT " + String.join(", ", columns) + " FROM " + table
				+ " WHERE source_id IN (:sources) AND usage_minute >= :from AND usage_minute < :to"
				+ (oneSource ? "" : " GROUP BY " + String.join(", ", keys)) + " ORDER BY model, path, usage_minute";
	}

	/** Reads rows in order and hands them over a group at a time: only one group is ever held. */
	private <T> void streamGroups(String sql, MapSqlParameterSource params,
			org.springframework.jdbc.core.RowMapper<T> mapper, java.util.function.Function<T, String> groupKey,
			java.util.function.Consumer<List<T>> group) {
		List<T> current = new ArrayList<>();
		String[] currentKey = { null };
		this.named.query(sql, params, (java.sql.ResultSet rs) -> {
			T row = mapper.mapRow(rs, 0);
			String key = groupKey.apply(row);
			if (currentKey[0] != null && !currentKey[0].equals(key)) {
				group.accept(new ArrayList<>(current));
				current.clear();
			}
			currentKey[0] = key;
			current.add(row);
		});
		if (!current.isEmpty()) {
			group.accept(current);
		}
	}

	/**
	 * Standard-tier minutes summed over paths (and sources), handed over one group at a time — per model and Region,
	 * or per model, Region and scope — so that only one group's minutes are ever in memory.
	 */
	public void streamStandardMinutes(Collection<Long> sourceIds, Window window, boolean byScope,
			java.util.function.Consumer<List<MinuteRow>> group) {
		if (sourceIds.isEmpty()) {
			return;
		}
		String scope = byScope ? "scope" : "'regional'";
		String groupBy = byScope ? "model, region, scope" : "model, region";
		String sql = "SELECT usage_minute, region, model, " + scope + " AS scope, 'standard' AS tier, '' AS path,"
				+ " SUM(requests) AS requests, SUM(streaming_requests) AS streaming_requests,"
				+ " SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens,"
				+ " SUM(cache_read_input_tokens) AS cache_read, SUM(cache_write_input_tokens) AS cache_write"
				+ " FROM bca_usage_minute WHERE source_id IN (:sources) AND usage_minute >= :from"
				+ " AND usage_minute < :to AND tier = 'standard' GROUP BY " + groupBy + ", usage_minute ORDER BY "
				+ groupBy + ", usage_minute";
		streamGroups(sql, minuteParams(sourceIds, window), (rs, n) -> new MinuteRow(minuteKey(rs), minuteTotals(rs)),
				(row) -> row.key().model() + "\n" + row.key().region() + "\n" + row.key().scope(), group);
	}

	private static MinuteTotals minuteTotals(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new MinuteTotals(rs.getLong("requests"), rs.getLong("streaming_requests"), rs.getLong("input_tokens"),
				rs.getLong("output_tokens"), rs.getLong("cache_read"), rs.getLong("cache_write"));
	}

	/** One row of the prefix minutes, summed over the sources. */
	public record PrefixRow(PrefixKey key, PrefixTotals totals) {
	}

	private static MinuteKey minuteKey(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new MinuteKey(rs.getObject("usage_minute", LocalDateTime.class).toInstant(ZoneOffset.UTC),
				rs.getString("region"),
				rs.getString("model"), Scope.fromLabel(rs.getString("scope")), Tier.fromLabel(rs.getString("tier")),
				rs.getString("path"));
	}

	/** Minutes are stored as UTC wall-clock times, whatever the JVM's or the database's time zone. */
	private static LocalDateTime utc(Instant minute) {
		return LocalDateTime.ofInstant(minute, ZoneOffset.UTC);
	}

	private static MapSqlParameterSource dayParams(Collection<Long> sourceIds, Window window) {
		return new MapSqlParameterSource().addValue("sources", sourceIds)
			.addValue("from", Date.valueOf(window.from()))
			.addValue("to", Date.valueOf(window.to()));
	}

	private static MapSqlParameterSource minuteParams(Collection<Long> sourceIds, Window window) {
		return new MapSqlParameterSource().addValue("sources", sourceIds)
			.addValue("from", window.from().atStartOfDay())
			.addValue("to", window.to().atStartOfDay());
	}

}
