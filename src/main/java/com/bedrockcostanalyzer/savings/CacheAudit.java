package com.bedrockcostanalyzer.savings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.bedrockcostanalyzer.aggregate.CacheTotals;
import com.bedrockcostanalyzer.aggregate.UsageKey;
import com.bedrockcostanalyzer.aggregate.UsageStore.CacheRow;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;

/**
 * Prompt caching in use, replayed from each request's prefix fingerprint, minute and
 * cache tokens: why the cache was written (a prefix not seen before, the cache having
 * lapsed since the prefix was last sent, or neither: calls racing the first write, a
 * cache point after varying content), how often each prefix is rewritten, and the cache
 * tokens again under the 1-hour TTL and under one stable prefix. A read refreshes the
 * cache, so a prefix is warm for the TTL after it was last sent.
 *
 * <p>
 * The replays keep each minute's cached tokens and its unexplained misses (they would
 * happen either way) and move only the writes the TTL or the changing prefix caused.
 */
final class CacheAudit {

	/** Minutes a 1-hour cache lives. */
	static final int ONE_HOUR = 60;

	private record Place(String region, Scope scope, Tier tier) {
	}

	/** Cache tokens by kind, for one day and series. */
	private static final class Tokens {

		long read;

		long write5m;

		long write1h;

		TokenCounts counts() {
			return TokenCounts.cacheTraffic(this.read, this.write5m, this.write1h);
		}

	}

	/** One minute of a place's traffic with every prefix taken as one. */
	private static final class Merged {

		UsageKey series;

		long requests;

		long unexplained;

		long cachedTokens;

	}

	/** The TTL the path caches with, in minutes. */
	final int ttl;

	long requests;

	long writeRequests;

	long newPrefix;

	long ttlLapsed;

	long unexplained;

	long noPrefix;

	/** Per fingerprint: requests and the requests that wrote it. */
	final Map<Long, long[]> byFingerprint = new HashMap<>();

	private final Map<UsageKey, Tokens> actual = new HashMap<>();

	private final Map<UsageKey, Tokens> oneHour = new HashMap<>();

	private final Map<UsageKey, Tokens> stable = new HashMap<>();

	private CacheAudit(int ttl) {
		this.ttl = ttl;
	}

	/**
	 * @param rows one path and model's cache minutes, in time order
	 * @param ttl the TTL it caches with, in minutes
	 */
	static CacheAudit of(List<CacheRow> rows, int ttl) {
		CacheAudit audit = new CacheAudit(ttl);
		Map<Place, TreeMap<Instant, Merged>> places = new LinkedHashMap<>();
		PrefixGroup.of(rows, CacheRow::key).forEach((group, inTime) -> audit.replay(group, inTime, places));
		places.values().forEach(audit::replayStable);
		return audit;
	}

	private void replay(PrefixGroup group, List<CacheRow> rows, Map<Place, TreeMap<Instant, Merged>> places) {
		Instant last = null;
		for (CacheRow row : rows) {
			CacheTotals t = row.totals();
			UsageKey series = row.key().minute().series();
			Instant minute = row.key().minute().minute();
			this.requests += t.requests();
			this.writeRequests += t.writeRequests();
			add(this.actual, series, t.readTokens(), t.write5mTokens(), t.write1hTokens());
			if (group.fingerprint() == 0) {
				// No prefix to follow: the replays keep these requests as they were.
				this.noPrefix += t.writeRequests();
				add(this.oneHour, series, t.readTokens(), t.write5mTokens(), t.write1hTokens());
				add(this.stable, series, t.readTokens(), t.write5mTokens(), t.write1hTokens());
				continue;
			}
			long[] seen = this.byFingerprint.computeIfAbsent(group.fingerprint(), (f) -> new long[2]);
			seen[0] += t.requests();
			seen[1] += t.writeRequests();
			long explained = 0;
			if (t.writeRequests() > 0) {
				if (last == null) {
					this.newPrefix++;
					explained = 1;
				}
				else if (PromptCachingDetector.cold(last, minute, this.ttl)) {
					this.ttlLapsed++;
					explained = 1;
				}
			}
			long other = t.writeRequests() - explained;
			this.unexplained += other;
			if (this.ttl < ONE_HOUR) {
				boolean cold = PromptCachingDetector.cold(last, minute, ONE_HOUR);
				long written = writtenShare(t.cachedTokens(), Math.min(t.requests(), (cold ? 1 : 0) + other),
						t.requests());
				add(this.oneHour, series, t.cachedTokens() - written, 0, written);
			}
			Merged merged = places
				.computeIfAbsent(new Place(group.region(), group.scope(), group.tier()), (p) -> new TreeMap<>())
				.computeIfAbsent(minute, (m) -> new Merged());
			merged.series = series;
			merged.requests += t.requests();
			merged.unexplained += other;
			merged.cachedTokens += t.cachedTokens();
			last = minute;
		}
	}

	/**
	 * One place's minutes as if every request sent the same prefix: written when the
	 * cache has lapsed, at the TTL in use.
	 */
	private void replayStable(TreeMap<Instant, Merged> minutes) {
		Instant last = null;
		for (Map.Entry<Instant, Merged> entry : minutes.entrySet()) {
			Merged m = entry.getValue();
			boolean cold = PromptCachingDetector.cold(last, entry.getKey(), this.ttl);
			long written = writtenShare(m.cachedTokens, Math.min(m.requests, (cold ? 1 : 0) + m.unexplained),
					m.requests);
			boolean longLived = this.ttl >= ONE_HOUR;
			add(this.stable, m.series, m.cachedTokens - written, longLived ? 0 : written, longLived ? written : 0);
			last = entry.getKey();
		}
	}

	/**
	 * The tokens the writing requests of a minute send, its cached tokens shared evenly:
	 * the rest are read.
	 */
	private static long writtenShare(long cachedTokens, long writing, long requests) {
		return (requests == 0) ? 0 : Math.multiplyExact(cachedTokens, writing) / requests;
	}

	private static void add(Map<UsageKey, Tokens> into, UsageKey series, long read, long write5m, long write1h) {
		Tokens t = into.computeIfAbsent(series, (k) -> new Tokens());
		t.read += read;
		t.write5m += write5m;
		t.write1h += write1h;
	}

	/** The audited cache tokens as they were billed; null when some cannot be priced. */
	BigDecimal actualCost(SavingsContext context) {
		return cost(context, this.actual);
	}

	/** The same requests on the 1-hour TTL; null when already on it or unpriced. */
	BigDecimal oneHourCost(SavingsContext context) {
		return (this.ttl >= ONE_HOUR) ? null : cost(context, this.oneHour);
	}

	/** The same requests had each place sent one stable prefix. */
	BigDecimal stablePrefixCost(SavingsContext context) {
		return cost(context, this.stable);
	}

	/** The cached tokens audited, read or written. */
	long auditedTokens() {
		return this.actual.values().stream().mapToLong((t) -> t.read + t.write5m + t.write1h).sum();
	}

	private static BigDecimal cost(SavingsContext context, Map<UsageKey, Tokens> tokens) {
		BigDecimal total = BigDecimal.ZERO;
		for (Map.Entry<UsageKey, Tokens> day : tokens.entrySet()) {
			BigDecimal cost = context.cost(day.getKey(), day.getValue().counts());
			if (cost == null) {
				return null;
			}
			total = total.add(cost);
		}
		return total;
	}

	/** The prefixes written most often: fingerprint (hex), requests, writes. */
	List<Map<String, Object>> mostRewritten(int limit) {
		List<Map<String, Object>> result = new ArrayList<>();
		this.byFingerprint.entrySet()
			.stream()
			.sorted(Comparator.comparing((Map.Entry<Long, long[]> e) -> e.getValue()[1])
				.reversed()
				.thenComparing(Map.Entry::getKey))
			.limit(limit)
			.forEach((e) -> {
				Map<String, Object> prefix = new LinkedHashMap<>();
				prefix.put("fingerprint", String.format("%016x", e.getKey()));
				prefix.put("requests", e.getValue()[0]);
				prefix.put("writes", e.getValue()[1]);
				result.add(prefix);
			});
		return result;
	}

}
