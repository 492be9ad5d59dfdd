package com.bedrockcostanalyzer.aggregate;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.bedrockcostanalyzer.usage.Context;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;
import com.bedrockcostanalyzer.usage.Window;

/**
 * The aggregate tables: daily usage, the per-minute profile and the per-prefix minutes.
 * Summaries are added to them, reports and detectors read them back; nothing here ever
 * needs the logs again.
 */
@Repository
public class UsageStore {

	private static final List<String> DAILY_KEY = List.of("source_id", "usage_day", "region", "model", "scope", "tier",
			"context", "path", "attribution");

	private static final AdditiveTable DAILY = new AdditiveTable("bca_usage_daily", DAILY_KEY,
			List.of("requests", "errors", "streaming_requests", "truncated_requests", "input_tokens", "output_tokens",
					"cache_read_input_tokens", "cache_write_5m_input_tokens", "cache_write_1h_input_tokens",
					"human_requests", "output_tokens_squared", "measured_prompt_tokens", "short_requests",
					"short_prompt_tokens"),
			"usage_day");

	static final DayBlockTable MINUTES = new DayBlockTable("bca_minute_day", 6, false);

	static final DayBlockTable PREFIXES = new DayBlockTable("bca_prefix_day", 3, true);

	static final DayBlockTable CACHING = new DayBlockTable("bca_cache_day", 5, true);

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final Map<String, Long> sourceIds = new java.util.concurrent.ConcurrentHashMap<>();

	private final LongLockWaits lockWaits;

	public UsageStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.lockWaits = new LongLockWaits(jdbc);
	}

	/**
	 * The id of a source, created on first use. Ids never change, so each is asked of the
	 * database once: the readers ask for it for every file.
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
	 * Locks the sources' rows until the caller's transaction ends, in id order (so two
	 * writers never wait on each other in a circle): writers of the same source take
	 * turns, in this process and in others sharing the database.
	 */
	public void lockSources(java.util.Collection<Long> sourceIds) {
		List<Long> ids = sourceIds.stream().distinct().sorted().toList();
		if (ids.isEmpty()) {
			return;
		}
		this.lockWaits.allow();
		this.jdbc
			.queryForList(
					"SELECT id FROM bca_source WHERE id IN ("
							+ String.join(", ", ids.stream().map((id) -> "?").toList()) + ") ORDER BY id FOR UPDATE",
					Long.class, ids.toArray());
	}

	/**
	 * What some units of one source counted, summed per series (as a unit's own stretches
	 * are) so that each key is written once. Summed before the source is locked: only the
	 * writing needs the lock.
	 */
	public static final class Sums {

		private final Map<UsageKey, UnitSummary.Series> series = new java.util.HashMap<>();

	}

	public static Sums sum(List<UnitSummary> summaries) {
		Sums sums = new Sums();
		for (UnitSummary summary : summaries) {
			summary.series()
				.forEach((key, series) -> sums.series.computeIfAbsent(key, (x) -> new UnitSummary.Series())
					.addAll(series));
		}
		return sums;
	}

	/**
	 * Adds one source's sums to the stored rows. Runs in the caller's transaction, which
	 * holds the source.
	 */
	public void add(long sourceId, Sums sums) {
		List<Object[]> daily = new ArrayList<>(sums.series.size());
		Map<UsageKey, DayBlock> minutes = new java.util.HashMap<>();
		Map<UsageKey, DayBlock> prefixes = new java.util.HashMap<>();
		Map<UsageKey, DayBlock> caching = new java.util.HashMap<>();
		sums.series.forEach((key, series) -> {
			UsageTotals t = series.totals;
			daily.add(new Object[] { t.requests, t.errors, t.streamingRequests, t.truncatedRequests, t.inputTokens,
					t.outputTokens, t.cacheReadTokens, t.cacheWrite5mTokens, t.cacheWrite1hTokens, t.humanRequests,
					t.outputTokensSquared, t.measuredPromptTokens, t.shortRequests, t.shortPromptTokens, sourceId,
					Date.valueOf(key.day()), key.region(), key.model(), key.scope().label(), key.tier().label(),
					key.context().label(), key.path(), key.attribution() });
			if (series.minutes != null) {
				putOrMerge(minutes, key.withoutAttribution(), series.minutes);
			}
			if (series.prefixes != null) {
				putOrMerge(prefixes, key.withoutAttribution(), series.prefixes);
			}
			if (series.caching != null) {
				putOrMerge(caching, key.withoutAttribution(), series.caching);
			}
		});
		DAILY.add(this.jdbc, daily);
		MINUTES.add(this.jdbc, sourceId, minutes);
		PREFIXES.add(this.jdbc, sourceId, prefixes);
		CACHING.add(this.jdbc, sourceId, caching);
	}

	// Keys that differ by attribution only share a row of the minute and prefix tables;
	// the sums' own blocks are
	// left as they are.
	private static void putOrMerge(Map<UsageKey, DayBlock> blocks, UsageKey key, DayBlock block) {
		DayBlock present = blocks.get(key);
		if (present == null) {
			blocks.put(key, block);
		}
		else {
			DayBlock merged = present.emptyLike();
			merged.addAll(present);
			merged.addAll(block);
			blocks.put(key, merged);
		}
	}

	/**
	 * Removes what the source added for the window's days; see
	 * {@link InputLedger#forget}.
	 */
	public int forget(long sourceId, Window window) {
		MINUTES.forget(this.jdbc, sourceId, window);
		PREFIXES.forget(this.jdbc, sourceId, window);
		CACHING.forget(this.jdbc, sourceId, window);
		return this.jdbc.update("DELETE FROM bca_usage_daily WHERE source_id = ? AND usage_day >= ? AND usage_day < ?",
				sourceId, Date.valueOf(window.from()), Date.valueOf(window.to()));
	}

	/**
	 * The first day each path, model or Region ({@code column}) has usage in these
	 * sources, over everything stored: a name first seen on a day is new that day.
	 */
	public Map<String, LocalDate> firstDays(Collection<Long> sourceIds, String column) {
		if (!List.of("path", "model", "region").contains(column) || sourceIds.isEmpty()) {
			throw new IllegalArgumentException("first days of " + column);
		}
		Map<String, LocalDate> first = new java.util.HashMap<>();
		this.named.query(
				"SELECT " + column + ", MIN(usage_day) AS first_day FROM bca_usage_daily"
						+ " WHERE source_id IN (:sources) AND requests > errors GROUP BY " + column,
				new MapSqlParameterSource("sources", sourceIds), (rs) -> {
					first.put(rs.getString(1), rs.getDate(2).toLocalDate());
				});
		return first;
	}

	/**
	 * The stored daily rows of these sources inside the window, summed over the sources.
	 */
	public List<DailyUsage> load(Collection<Long> sourceIds, Window window) {
		if (sourceIds.isEmpty()) {
			return List.of();
		}
		String sql = """
				SELECT usage_day, region, model, scope, tier, context, path, attribution, SUM(requests) AS requests,
				  SUM(errors) AS errors,
				  SUM(streaming_requests) AS streaming_requests, SUM(truncated_requests) AS truncated_requests,
				  SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens,
				  SUM(cache_read_input_tokens) AS cache_read, SUM(cache_write_5m_input_tokens) AS cache_write_5m,
				  SUM(cache_write_1h_input_tokens) AS cache_write_1h, SUM(human_requests) AS human_requests,
				  SUM(output_tokens_squared) AS output_tokens_squared,
				  SUM(measured_prompt_tokens) AS measured_prompt_tokens, SUM(short_requests) AS short_requests,
				  SUM(short_prompt_tokens) AS short_prompt_tokens
				FROM bca_usage_daily
				WHERE source_id IN (:sources) AND usage_day >= :from AND usage_day < :to
				GROUP BY usage_day, region, model, scope, tier, context, path, attribution
				ORDER BY usage_day, region, model, scope, tier, context, path, attribution""";
		return this.named.query(sql, dayParams(sourceIds, window), (rs, n) -> new DailyUsage(
				new UsageKey(rs.getDate("usage_day").toLocalDate(), rs.getString("region"), rs.getString("model"),
						Scope.fromLabel(rs.getString("scope")), Tier.fromLabel(rs.getString("tier")),
						Context.fromLabel(rs.getString("context")), rs.getString("path"), rs.getString("attribution")),
				new UsageTotals(rs.getLong("requests"), rs.getLong("errors"), rs.getLong("streaming_requests"),
						rs.getLong("truncated_requests"),
						new TokenCounts(rs.getLong("input_tokens"), rs.getLong("output_tokens"),
								rs.getLong("cache_read"), rs.getLong("cache_write_5m"), rs.getLong("cache_write_1h")),
						rs.getLong("human_requests"), rs.getLong("output_tokens_squared"),
						rs.getLong("measured_prompt_tokens"), rs.getLong("short_requests"),
						rs.getLong("short_prompt_tokens"))));
	}

	/** One row of the per-minute profile, summed over the sources. */
	public record MinuteRow(MinuteKey key, MinuteTotals totals) {

		/**
		 * The rows in time order, a minute's rows (Regions, scopes) next to each other:
		 * the list itself when it is already (as this store hands them over), else a
		 * sorted copy.
		 */
		public static List<MinuteRow> inTime(List<MinuteRow> rows) {
			for (int i = 1; i < rows.size(); i++) {
				if (rows.get(i - 1).key().minute().compareTo(rows.get(i).key().minute()) > 0) {
					List<MinuteRow> sorted = new ArrayList<>(rows);
					sorted.sort(Comparator.comparing((MinuteRow m) -> m.key().minute()));
					return sorted;
				}
			}
			return rows;
		}

	}

	/**
	 * The minutes of each model and path, summed over the sources, one (model, path) at a
	 * time in time order.
	 */
	public void streamMinutesByTraffic(Collection<Long> sourceIds, Window window,
			java.util.function.Consumer<List<MinuteRow>> group) {
		streamGroups(MINUTES, sourceIds, window, List.of("model", "path"),
				(series, minute, fingerprint) -> MinuteKey.of(series, minute), UsageStore::minuteRow,
				(a, b) -> MINUTE_ORDER.compare(a.key(), b.key()), group);
	}

	/**
	 * The prefix minutes of each model and path, summed over the sources, one (model,
	 * path) at a time.
	 */
	public void streamPrefixesByTraffic(Collection<Long> sourceIds, Window window,
			java.util.function.Consumer<List<PrefixRow>> group) {
		streamGroups(PREFIXES, sourceIds, window, List.of("model", "path"),
				(series, minute, fingerprint) -> new PrefixKey(MinuteKey.of(series, minute), fingerprint),
				(key, c) -> new PrefixRow(key, new PrefixTotals(c[0], c[1], c[2])), (a, b) -> {
					int order = MINUTE_ORDER.compare(a.key().minute(), b.key().minute());
					return (order != 0) ? order : Long.compare(a.key().fingerprint(), b.key().fingerprint());
				}, group);
	}

	/**
	 * The cache reads and writes of each model and path per prefix and minute, summed
	 * over the sources, one (model, path) at a time.
	 */
	public void streamCachingByTraffic(Collection<Long> sourceIds, Window window,
			java.util.function.Consumer<List<CacheRow>> group) {
		streamGroups(CACHING, sourceIds, window, List.of("model", "path"),
				(series, minute, fingerprint) -> new PrefixKey(MinuteKey.of(series, minute), fingerprint),
				(key, c) -> new CacheRow(key, new CacheTotals(c[0], c[1], c[2], c[3], c[4])), (a, b) -> {
					int order = MINUTE_ORDER.compare(a.key().minute(), b.key().minute());
					return (order != 0) ? order : Long.compare(a.key().fingerprint(), b.key().fingerprint());
				}, group);
	}

	/**
	 * Standard-tier minutes of standard-context requests (long-context traffic is priced
	 * apart and never sized for capacity) summed over paths (and sources), handed over
	 * one group at a time — per model, Region and scope — so that only one group's
	 * minutes are ever in memory. A group's minutes differ in the minute alone, so they
	 * are summed by epoch minute and put in order as numbers: a month of a busy model is
	 * a million slots.
	 */
	public void streamStandardMinutes(Collection<Long> sourceIds, Window window,
			java.util.function.Consumer<List<MinuteRow>> group) {
		if (sourceIds.isEmpty()) {
			return;
		}
		List<String> columns = List.of("model", "region", "scope");
		String standard = "tier = 'standard' AND context = 'standard'";
		for (List<String> values : MINUTES.groups(this.named, sourceIds, window, columns, standard)) {
			String model = values.get(0);
			String region = values.get(1);
			Scope scope = Scope.fromLabel(values.get(2));
			Map<Long, long[]> sums = new java.util.HashMap<>();
			MINUTES.read(this.named, sourceIds, window, columns, values, standard,
					(key, minute, fingerprint, c) -> add(sums, MinuteKey.epochMinute(key.day(), minute), c));
			long[] minutes = sums.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
			List<MinuteRow> rows = new ArrayList<>(minutes.length);
			for (long minute : minutes) {
				rows.add(minuteRow(new MinuteKey(MinuteKey.ofEpochMinute(minute), region, model, scope, Tier.STANDARD,
						Context.STANDARD, ""), sums.get(minute)));
			}
			group.accept(rows);
		}
	}

	/**
	 * Orders a group's minutes in time, then by the rest of the key, so that every run
	 * hands them over alike. Spelt out: it sorts every minute of a month in the report
	 * step.
	 */
	private static final Comparator<MinuteKey> MINUTE_ORDER = (a, b) -> {
		int order = a.minute().compareTo(b.minute());
		order = (order != 0) ? order : a.region().compareTo(b.region());
		order = (order != 0) ? order : a.scope().compareTo(b.scope());
		order = (order != 0) ? order : a.tier().compareTo(b.tier());
		order = (order != 0) ? order : a.context().compareTo(b.context());
		return (order != 0) ? order : a.path().compareTo(b.path());
	};

	/**
	 * A group's key for a stored slot: its row's series, the minute of the day and the
	 * fingerprint.
	 */
	@FunctionalInterface
	private interface SlotKey<K> {

		K of(UsageKey series, int minute, long fingerprint);

	}

	/**
	 * Reads a per-minute table one group (distinct values of {@code columns}) at a time
	 * and hands each group's rows over sorted. Slots whose keys meet across sources are
	 * summed; with one source each slot is a row as read.
	 * @param row makes a row of a key and its counters (the counters array is reused:
	 * copy what is kept)
	 */
	private <K, R> void streamGroups(DayBlockTable table, Collection<Long> sourceIds, Window window,
			List<String> columns, SlotKey<K> key, java.util.function.BiFunction<K, long[], R> row, Comparator<R> order,
			java.util.function.Consumer<List<R>> group) {
		if (sourceIds.isEmpty()) {
			return;
		}
		boolean summing = sourceIds.size() > 1;
		for (List<String> values : table.groups(this.named, sourceIds, window, columns, "")) {
			List<R> rows = new ArrayList<>();
			if (summing) {
				Map<K, long[]> sums = new java.util.HashMap<>();
				table.read(this.named, sourceIds, window, columns, values, "", (series, minute, fingerprint,
						counters) -> add(sums, key.of(series, minute, fingerprint), counters));
				sums.forEach((k, counters) -> rows.add(row.apply(k, counters)));
			}
			else {
				table.read(this.named, sourceIds, window, columns, values, "", (series, minute, fingerprint,
						counters) -> rows.add(row.apply(key.of(series, minute, fingerprint), counters)));
			}
			rows.sort(order);
			group.accept(rows);
		}
	}

	private static MinuteRow minuteRow(MinuteKey key, long[] c) {
		return new MinuteRow(key, new MinuteTotals(c[0], c[1], c[2], c[3], c[4], c[5]));
	}

	private static <K> void add(Map<K, long[]> sums, K key, long[] counters) {
		long[] sum = sums.computeIfAbsent(key, (k) -> new long[counters.length]);
		for (int i = 0; i < counters.length; i++) {
			sum[i] += counters[i];
		}
	}

	/** One row of the prefix minutes, summed over the sources. */
	public record PrefixRow(PrefixKey key, PrefixTotals totals) {
	}

	/** One row of the cache reads and writes per prefix, summed over the sources. */
	public record CacheRow(PrefixKey key, CacheTotals totals) {
	}

	static MapSqlParameterSource dayParams(Collection<Long> sourceIds, Window window) {
		return new MapSqlParameterSource().addValue("sources", sourceIds)
			.addValue("from", Date.valueOf(window.from()))
			.addValue("to", Date.valueOf(window.to()));
	}

}
