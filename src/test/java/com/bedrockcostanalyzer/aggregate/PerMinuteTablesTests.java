package com.bedrockcostanalyzer.aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.bedrockcostanalyzer.testing.Schema;
import com.bedrockcostanalyzer.usage.Context;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.Window;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-minute tables on both databases: blocks added in several calls are summed
 * minute by minute, read back per group in time order, summed over sources, and forgotten
 * per source and window. Expected rows are worked out by hand from the counters below.
 */
class PerMinuteTablesTests {

	private static final LocalDate DAY = LocalDate.of(2026, 9, 1);

	private static final Window WINDOW = new Window(DAY, DAY.plusDays(1));

	private static EmbeddedPostgres postgres;

	@BeforeAll
	static void start() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stop() throws Exception {
		postgres.close();
	}

	private static JdbcTemplate database(String database) {
		DataSource dataSource = database.equals("h2")
				? new DriverManagerDataSource("jdbc:h2:mem:minutes" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa",
						"")
				: postgres.getPostgresDatabase();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		Schema.migrate(dataSource);
		// PostgreSQL's database is shared by the tests: each starts from empty per-minute
		// tables.
		jdbc.execute("DELETE FROM bca_minute_day");
		jdbc.execute("DELETE FROM bca_prefix_day");
		return jdbc;
	}

	private static UsageKey series(LocalDate day, String region, Scope scope, Tier tier, String path) {
		return new UsageKey(day, region, "m1", scope, tier, Context.STANDARD, path);
	}

	private static final UsageKey A = series(DAY, "us-east-1", Scope.REGIONAL, Tier.STANDARD, "p1");

	private static final UsageKey A_NEXT_DAY = series(DAY.plusDays(1), "us-east-1", Scope.REGIONAL, Tier.STANDARD,
			"p1");

	private static final UsageKey B = series(DAY, "us-west-2", Scope.REGIONAL, Tier.STANDARD, "p2");

	private static final UsageKey C = series(DAY, "us-east-1", Scope.GEO, Tier.STANDARD, "p1");

	private static final UsageKey D = series(DAY, "us-east-1", Scope.REGIONAL, Tier.FLEX, "p1");

	private static void addMinute(JdbcTemplate jdbc, long source, UsageKey key, int minute, long... counters) {
		DayBlockTable table = new DayBlockTable("bca_minute_day", 6, false);
		DayBlock block = table.newBlock();
		block.add(minute, 0, counters);
		table.add(jdbc, source, Map.of(key, block));
	}

	private static List<String> minutes(UsageStore store, List<Long> sources, String how) {
		List<String> groups = new ArrayList<>();
		java.util.function.Consumer<List<UsageStore.MinuteRow>> collect = (rows) -> {
			List<String> group = new ArrayList<>();
			for (UsageStore.MinuteRow row : rows) {
				MinuteKey k = row.key();
				MinuteTotals t = row.totals();
				group.add(k.minute().toString().substring(11, 16) + " " + k.region() + " " + k.scope().label() + " "
						+ k.tier().label() + " " + k.path() + " " + t.requests() + "," + t.streamingRequests() + ","
						+ t.inputTokens() + "," + t.outputTokens() + "," + t.cacheReadTokens() + ","
						+ t.cacheWriteTokens());
			}
			groups.add(String.join(" | ", group));
		};
		if (how.equals("traffic")) {
			store.streamMinutesByTraffic(sources, WINDOW, collect);
		}
		else {
			store.streamStandardMinutes(sources, WINDOW, collect);
		}
		return groups;
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgres" })
	void sumsMinutesAddedInSeveralCallsAndOverSources(String database) {
		JdbcTemplate jdbc = database(database);
		UsageStore store = new UsageStore(jdbc);
		long one = store.sourceId("one-" + System.nanoTime());
		long two = store.sourceId("two-" + System.nanoTime());
		addMinute(jdbc, one, A, 10, 1, 0, 100, 10, 0, 0);
		addMinute(jdbc, one, A, 11, 2, 1, 200, 20, 0, 0);
		addMinute(jdbc, one, A, 10, 3, 0, 300, 30, 5, 0);
		addMinute(jdbc, one, B, 10, 1, 0, 50, 5, 0, 0);
		addMinute(jdbc, one, C, 10, 1, 1, 7, 3, 0, 2);
		addMinute(jdbc, one, D, 10, 9, 9, 9, 9, 9, 9);
		addMinute(jdbc, one, A_NEXT_DAY, 0, 1, 1, 1, 1, 1, 1);
		addMinute(jdbc, two, A, 10, 10, 0, 1000, 100, 0, 0);

		assertThat(minutes(store, List.of(one), "traffic")).containsExactly(
				"00:10 us-east-1 regional standard p1 4,0,400,40,5,0 | 00:10 us-east-1 regional flex p1 9,9,9,9,9,9"
						+ " | 00:10 us-east-1 geo standard p1 1,1,7,3,0,2 | 00:11 us-east-1 regional standard p1 2,1,200,20,0,0",
				"00:10 us-west-2 regional standard p2 1,0,50,5,0,0");
		assertThat(minutes(store, List.of(one, two), "traffic").get(0))
			.startsWith("00:10 us-east-1 regional standard p1 14,0,1400,140,5,0 |");
		// Standard tier only (not D, on flex), per model, Region and scope, summed over
		// paths and sources.
		assertThat(minutes(store, List.of(one, two), "standard")).containsExactly(
				"00:10 us-east-1 geo standard  1,1,7,3,0,2",
				"00:10 us-east-1 regional standard  14,0,1400,140,5,0 | 00:11 us-east-1 regional standard  2,1,200,20,0,0",
				"00:10 us-west-2 regional standard  1,0,50,5,0,0");
		assertThat(minutes(store, List.of(one), "standard")).containsExactly(
				"00:10 us-east-1 geo standard  1,1,7,3,0,2",
				"00:10 us-east-1 regional standard  4,0,400,40,5,0 | 00:11 us-east-1 regional standard  2,1,200,20,0,0",
				"00:10 us-west-2 regional standard  1,0,50,5,0,0");

		store.forget(one, WINDOW);
		assertThat(minutes(store, List.of(one), "traffic")).isEmpty();
		assertThat(minutes(store, List.of(two), "traffic"))
			.containsExactly("00:10 us-east-1 regional standard p1 10,0,1000,100,0,0");
		Window nextDay = new Window(DAY.plusDays(1), DAY.plusDays(2));
		List<String> kept = new ArrayList<>();
		store.streamMinutesByTraffic(List.of(one), nextDay,
				(rows) -> kept.add(rows.get(0).key().minute() + " " + rows.get(0).totals().requests()));
		assertThat(kept).containsExactly("2026-09-02T00:00:00Z 1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgres" })
	void handsOverAGroupsStandardMinutesInTimeOrderAcrossDays(String database) {
		JdbcTemplate jdbc = database(database);
		UsageStore store = new UsageStore(jdbc);
		long one = store.sourceId("days-" + System.nanoTime());
		long two = store.sourceId("days-" + System.nanoTime());
		UsageKey otherPathNextDay = series(DAY.plusDays(1), "us-east-1", Scope.REGIONAL, Tier.STANDARD, "p3");
		// Added out of time order, over two days, two paths and two sources.
		addMinute(jdbc, one, A_NEXT_DAY, 0, 1, 0, 10, 1, 0, 0);
		addMinute(jdbc, one, A, 1439, 2, 0, 20, 2, 0, 0);
		addMinute(jdbc, two, otherPathNextDay, 0, 4, 0, 40, 4, 0, 0);
		addMinute(jdbc, two, A, 5, 8, 0, 80, 8, 0, 0);
		List<String> minutes = new ArrayList<>();
		store.streamStandardMinutes(List.of(one, two), new Window(DAY, DAY.plusDays(2)),
				(rows) -> rows.forEach((row) -> minutes.add(row.key().minute() + " " + row.key().path() + "|"
						+ row.totals().requests() + "," + row.totals().inputTokens())));
		assertThat(minutes).containsExactly("2026-09-01T00:05:00Z |8,80", "2026-09-01T23:59:00Z |2,20",
				"2026-09-02T00:00:00Z |5,50");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgres" })
	void sumsPrefixMinutesPerFingerprint(String database) {
		JdbcTemplate jdbc = database(database);
		UsageStore store = new UsageStore(jdbc);
		long one = store.sourceId("p-" + System.nanoTime());
		DayBlockTable table = new DayBlockTable("bca_prefix_day", 3, true);
		Map<UsageKey, DayBlock> first = new HashMap<>();
		first.computeIfAbsent(A, (k) -> table.newBlock()).add(5, -77, 1, 4000, 1);
		first.get(A).add(5, 12, 1, 2000, 0);
		table.add(jdbc, one, first);
		Map<UsageKey, DayBlock> second = new HashMap<>();
		second.computeIfAbsent(A, (k) -> table.newBlock()).add(5, -77, 2, 8000, 2);
		second.get(A).add(3, 12, 1, 2000, 0);
		table.add(jdbc, one, second);

		List<String> rows = new ArrayList<>();
		store.streamPrefixesByTraffic(List.of(one), WINDOW,
				(group) -> group.forEach((r) -> rows.add(r.key().minute().minute().toString().substring(11, 16) + " "
						+ r.key().fingerprint() + " " + r.totals().requests() + "," + r.totals().prefixTokens() + ","
						+ r.totals().cacheMarkedRequests())));
		assertThat(rows).containsExactly("00:03 12 1,2000,0", "00:05 -77 3,12000,3", "00:05 12 1,2000,0");
	}

}
