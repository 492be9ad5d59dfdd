package com.bedrockcostanalyzer.savings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.bedrockcostanalyzer.aggregate.MinuteKey;
import com.bedrockcostanalyzer.aggregate.MinuteTotals;
import com.bedrockcostanalyzer.aggregate.UsageStore.CacheRow;
import com.bedrockcostanalyzer.aggregate.UsageStore.MinuteRow;
import com.bedrockcostanalyzer.aggregate.UsageStore.PrefixRow;
import com.bedrockcostanalyzer.usage.Context;
import com.bedrockcostanalyzer.usage.Tier;

/**
 * The per-minute profile and prefix minutes, handed out one piece of traffic at a time:
 * the detectors never hold more than one path's or one model's minutes, so the report
 * step's memory is bounded by the window's length, not by the number of records.
 */
public interface ProfileSource {

	/**
	 * The minutes of each model on each path, one (model, path) at a time, in time order.
	 */
	void minutesByTraffic(Consumer<List<MinuteRow>> group);

	/**
	 * The prefix minutes of each model on each path, one (model, path) at a time, in time
	 * order.
	 */
	void prefixesByTraffic(Consumer<List<PrefixRow>> group);

	/**
	 * The cache reads and writes per prefix minute of each model on each path, one
	 * (model, path) at a time, in time order.
	 */
	void cachingByTraffic(Consumer<List<CacheRow>> group);

	/**
	 * Standard-tier minutes summed over paths, one group at a time: per model, Region and
	 * scope, in that order. Each group's rows are in time order.
	 */
	void standardMinutes(Consumer<List<MinuteRow>> group);

	/** A profile held in memory (small windows, tests). */
	static ProfileSource of(List<MinuteRow> minutes, List<PrefixRow> prefixes) {
		return of(minutes, prefixes, List.of());
	}

	/** A profile held in memory (small windows, tests). */
	static ProfileSource of(List<MinuteRow> minutes, List<PrefixRow> prefixes, List<CacheRow> caching) {
		return new ProfileSource() {

			@Override
			public void minutesByTraffic(Consumer<List<MinuteRow>> group) {
				Map<TrafficKey, List<MinuteRow>> groups = new TreeMap<>();
				minutes.forEach((m) -> groups.computeIfAbsent(TrafficKey.of(m.key()), (k) -> new ArrayList<>()).add(m));
				groups.values().forEach((rows) -> {
					rows.sort(java.util.Comparator.comparing((MinuteRow r) -> r.key().minute()));
					group.accept(rows);
				});
			}

			@Override
			public void prefixesByTraffic(Consumer<List<PrefixRow>> group) {
				Map<TrafficKey, List<PrefixRow>> groups = new TreeMap<>();
				prefixes
					.forEach((p) -> groups.computeIfAbsent(TrafficKey.of(p.key().minute()), (k) -> new ArrayList<>())
						.add(p));
				groups.values().forEach((rows) -> {
					rows.sort(java.util.Comparator.comparing((PrefixRow r) -> r.key().minute().minute()));
					group.accept(rows);
				});
			}

			@Override
			public void cachingByTraffic(Consumer<List<CacheRow>> group) {
				Map<TrafficKey, List<CacheRow>> groups = new TreeMap<>();
				caching.forEach((p) -> groups.computeIfAbsent(TrafficKey.of(p.key().minute()), (k) -> new ArrayList<>())
					.add(p));
				groups.values().forEach((rows) -> {
					rows.sort(java.util.Comparator.comparing((CacheRow r) -> r.key().minute().minute()));
					group.accept(rows);
				});
			}

			@Override
			public void standardMinutes(Consumer<List<MinuteRow>> group) {
				Map<String, Map<java.time.Instant, MinuteRow>> groups = new TreeMap<>();
				for (MinuteRow row : minutes) {
					MinuteKey k = row.key();
					if (k.tier() != Tier.STANDARD) {
						continue;
					}
					String key = k.model() + "\n" + k.region() + "\n" + k.scope();
					groups.computeIfAbsent(key, (g) -> new TreeMap<>())
						.merge(k.minute(), new MinuteRow(new MinuteKey(k.minute(), k.region(), k.model(), k.scope(),
								Tier.STANDARD, Context.STANDARD, ""), copy(row.totals())), (a, b) -> {
									MinuteTotals sum = copy(a.totals());
									sum.add(b.totals());
									return new MinuteRow(a.key(), sum);
								});
				}
				groups.values().forEach((rows) -> group.accept(new ArrayList<>(rows.values())));
			}

			private MinuteTotals copy(MinuteTotals t) {
				return new MinuteTotals(t.requests(), t.streamingRequests(), t.inputTokens(), t.outputTokens(),
						t.cacheReadTokens(), t.cacheWriteTokens());
			}

		};
	}

}
