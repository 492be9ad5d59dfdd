package com.bedrockcostanalyzer.aggregate;

import java.sql.Date;
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

/** The aggregate table: summaries are added to it, reports read it back. Plain SQL that H2 and PostgreSQL share. */
@Repository
public class UsageStore {

	private static final String ADD = """
			UPDATE bca_usage_daily SET requests = requests + ?, errors = errors + ?,
			  streaming_requests = streaming_requests + ?, truncated_requests = truncated_requests + ?,
			  input_tokens = input_tokens + ?, output_tokens = output_tokens + ?,
			  cache_read_input_tokens = cache_read_input_tokens + ?,
			  cache_write_5m_input_tokens = cache_write_5m_input_tokens + ?,
			  cache_write_1h_input_tokens = cache_write_1h_input_tokens + ?
			WHERE source_id = ? AND usage_day = ? AND region = ? AND model = ? AND scope = ? AND tier = ? AND path = ?""";

	private static final String INSERT = """
			INSERT INTO bca_usage_daily (requests, errors, streaming_requests, truncated_requests, input_tokens,
			  output_tokens, cache_read_input_tokens, cache_write_5m_input_tokens, cache_write_1h_input_tokens,
			  source_id, usage_day, region, model, scope, tier, path)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcTemplate jdbc;

	public UsageStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The id of a source, created on first use. */
	public long sourceId(String name) {
		List<Long> ids = this.jdbc.queryForList("SELECT id FROM bca_source WHERE name = ?", Long.class, name);
		if (!ids.isEmpty()) {
			return ids.get(0);
		}
		this.jdbc.update("INSERT INTO bca_source (name) VALUES (?)", name);
		return this.jdbc.queryForObject("SELECT id FROM bca_source WHERE name = ?", Long.class, name);
	}

	/** Adds totals to the stored rows, creating the rows that do not exist yet. Runs in the caller's transaction. */
	public void add(long sourceId, Map<UsageKey, UsageTotals> totals) {
		if (totals.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(totals.size());
		totals.forEach((key, value) -> rows.add(row(sourceId, key, value)));
		int[] updated = this.jdbc.batchUpdate(ADD, rows);
		List<Object[]> inserts = new ArrayList<>();
		for (int i = 0; i < updated.length; i++) {
			if (updated[i] == 0) {
				inserts.add(rows.get(i));
			}
		}
		if (!inserts.isEmpty()) {
			this.jdbc.batchUpdate(INSERT, inserts);
		}
	}

	private static Object[] row(long sourceId, UsageKey key, UsageTotals t) {
		return new Object[] { t.requests, t.errors, t.streamingRequests, t.truncatedRequests, t.inputTokens,
				t.outputTokens, t.cacheReadTokens, t.cacheWrite5mTokens, t.cacheWrite1hTokens, sourceId,
				Date.valueOf(key.day()), key.region(), key.model(), key.scope().label(), key.tier().label(),
				key.path() };
	}

	/** Removes what the source added for the window's days; see {@link InputLedger#forget}. */
	public int forget(long sourceId, Window window) {
		return this.jdbc.update("DELETE FROM bca_usage_daily WHERE source_id = ? AND usage_day >= ? AND usage_day < ?",
				sourceId, Date.valueOf(window.from()), Date.valueOf(window.to()));
	}

	/** The stored rows of these sources inside the window, summed over the sources. */
	public List<DailyUsage> load(Collection<Long> sourceIds, Window window) {
		if (sourceIds.isEmpty()) {
			return List.of();
		}
		String sql = """
				SELECT usage_day, region, model, scope, tier, path, SUM(requests) AS requests, SUM(errors) AS errors,
				  SUM(streaming_requests) AS streaming_requests, SUM(truncated_requests) AS truncated_requests,
				  SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens,
				  SUM(cache_read_input_tokens) AS cache_read, SUM(cache_write_5m_input_tokens) AS cache_write_5m,
				  SUM(cache_write_1h_input_tokens) AS cache_write_1h
				FROM bca_usage_daily
				WHERE source_id IN (:sources) AND usage_day >= :from AND usage_day < :to
				GROUP BY usage_day, region, model, scope, tier, path
				ORDER BY usage_day, region, model, scope, tier, path""";
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("sources", sourceIds)
			.addValue("from", Date.valueOf(window.from()))
			.addValue("to", Date.valueOf(window.to()));
		return new NamedParameterJdbcTemplate(this.jdbc).query(sql, params,
				(rs, n) -> new DailyUsage(
						new UsageKey(rs.getDate("usage_day").toLocalDate(), rs.getString("region"), rs.getString("model"),
								Scope.fromLabel(rs.getString("scope")), Tier.fromLabel(rs.getString("tier")),
								rs.getString("path")),
						new UsageTotals(rs.getLong("requests"), rs.getLong("errors"), rs.getLong("streaming_requests"),
								rs.getLong("truncated_requests"),
								new TokenCounts(rs.getLong("input_tokens"), rs.getLong("output_tokens"),
										rs.getLong("cache_read"), rs.getLong("cache_write_5m"),
										rs.getLong("cache_write_1h")))));
	}

}
