package com.bedrockcostanalyzer.savings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.bedrockcostanalyzer.aggregate.MinuteKey;
import com.bedrockcostanalyzer.aggregate.UsageKey;
import com.bedrockcostanalyzer.aggregate.UsageStore.CacheRow;
import com.bedrockcostanalyzer.aggregate.UsageStore.PrefixRow;
import com.bedrockcostanalyzer.usage.TokenCounts;

/**
 * PROMPT_CACHING: prefixes (system prompt, tools) that repeat, replayed per prefix in
 * time order against the 5-minute and 1-hour TTL and the model's minimum checkpoint size;
 * the saving is the reads' discount less the write premium. Paths that already cache are
 * not told to start; those that write but hardly ever read are told what that costs.
 */
final class PromptCachingDetector implements Detector {

	static final int TTL_5M = 5;

	static final int TTL_1H = 60;

	@Override
	public List<Opportunity> detect(SavingsContext context) {
		List<Opportunity> found = new ArrayList<>();
		Map<TrafficKey, SavingsContext.Traffic> byKey = new HashMap<>();
		context.traffic().forEach((t) -> byKey.put(t.key(), t));
		java.util.Set<TrafficKey> marked = new java.util.HashSet<>();
		// One pass over the prefix minutes, a path at a time.
		context.profile().prefixesByTraffic((prefixes) -> {
			TrafficKey key = TrafficKey.of(prefixes.get(0).key().minute());
			SavingsContext.Traffic traffic = byKey.get(key);
			if (traffic == null) {
				return;
			}
			if (prefixes.stream().anyMatch((p) -> p.totals().cacheMarkedRequests() > 0)) {
				marked.add(key);
				return;
			}
			TokenCounts t = traffic.totals((r) -> true).tokens();
			if (t.cacheRead() > 0 || t.cacheWrite() > 0) {
				return;
			}
			Opportunity enable = enable(context, traffic, prefixes);
			if (enable != null) {
				found.add(enable);
			}
		});
		// Caching in use: audited from the per-request cache minutes where there are
		// some, from the day totals alone (usage exports, days counted before the audit)
		// where not.
		java.util.Set<TrafficKey> audited = new java.util.HashSet<>();
		context.profile().cachingByTraffic((rows) -> {
			SavingsContext.Traffic traffic = byKey.get(TrafficKey.of(rows.get(0).key().minute()));
			if (traffic != null) {
				audited.add(traffic.key());
				addIfFound(found, inUse(context, traffic, rows));
			}
		});
		for (SavingsContext.Traffic traffic : context.traffic()) {
			TokenCounts t = traffic.totals((r) -> true).tokens();
			boolean caching = t.cacheRead() > 0 || t.cacheWrite() > 0 || marked.contains(traffic.key());
			if (caching && !audited.contains(traffic.key())) {
				addIfFound(found, inUse(context, traffic, List.of()));
			}
		}
		return found;
	}

	private static void addIfFound(List<Opportunity> found, Opportunity opportunity) {
		if (opportunity != null) {
			found.add(opportunity);
		}
	}

	/**
	 * The audit of caching in use: the cached tokens (reads and writes) at their rates
	 * against the same tokens as plain input, the writes' share of the path's spend, and,
	 * from the per-request minutes, why the cache was written and what the 1-hour TTL or
	 * a stable prefix would cost. The change that saves most (weighted by confidence) is
	 * proposed: the 1-hour TTL, a stable prefix, or removing a cache point that loses
	 * money; when none saves and caching pays, that is said as a finding.
	 */
	private static Opportunity inUse(SavingsContext context, SavingsContext.Traffic traffic, List<CacheRow> rows) {
		TokenCounts t = traffic.totals((r) -> true).tokens();
		BigDecimal cached = context.cost(traffic.rows(), (k) -> k,
				(c) -> TokenCounts.cacheTraffic(c.cacheRead(), c.cacheWrite5m(), c.cacheWrite1h()));
		BigDecimal plain = context.cost(traffic.rows(), (k) -> k,
				(c) -> TokenCounts.inputOnly(c.cacheRead() + c.cacheWrite()));
		BigDecimal writes = context.cost(traffic.rows(), (k) -> k,
				(c) -> TokenCounts.cacheTraffic(0, c.cacheWrite5m(), c.cacheWrite1h()));
		BigDecimal spend = context.actualCost(traffic.rows());
		if (cached == null || plain == null || writes == null || spend == null || spend.signum() == 0
				|| (t.cacheRead() == 0 && t.cacheWrite() == 0)) {
			return null;
		}
		BigDecimal factor = SavingsAnalysis.monthFactor(context.window());
		BigDecimal net = plain.subtract(cached);
		Map<String, Object> evidence = new LinkedHashMap<>();
		evidence.put("finding", (net.signum() > 0) ? "caching pays"
				: (t.cacheRead() * 20 <= t.cacheWrite()) ? WRITES_WITHOUT_READS : "caching costs more than it saves");
		evidence.put("cacheReadTokens", t.cacheRead());
		evidence.put("cacheWrite5mTokens", t.cacheWrite5m());
		evidence.put("cacheWrite1hTokens", t.cacheWrite1h());
		evidence.put("netSavingMonthlyUsd", monthly(net, factor));
		evidence.put("savedMonthlyUsd", monthly(net.max(BigDecimal.ZERO), factor));
		evidence.put("writeShareOfSpend", writes.divide(spend, 4, RoundingMode.HALF_EVEN).toPlainString());
		Choice best = (net.signum() < 0) ? new Choice(Action.REMOVE, cached, plain, Confidence.HIGH) : null;
		int ttl = (t.cacheWrite1h() > t.cacheWrite5m()) ? CacheAudit.ONE_HOUR : TTL_5M;
		CacheAudit audit = CacheAudit.of(rows, ttl);
		long unaudited = t.cacheRead() + t.cacheWrite() - audit.auditedTokens();
		if (unaudited > 0) {
			evidence.put("cachedTokensNotAudited", unaudited);
		}
		if (audit.requests > 0) {
			evidence.put("ttlInUse", (ttl == TTL_5M) ? "5m" : "1h");
			evidence.put("requestsCaching", audit.requests);
			evidence.put("cacheWriteRequests", audit.writeRequests);
			evidence.put("rewriteRate", TrafficShape.round((double) audit.writeRequests / audit.requests));
			evidence.put("distinctPrefixes", audit.byFingerprint.size());
			Map<String, Object> misses = new LinkedHashMap<>();
			misses.put("prefixChanged", audit.newPrefix);
			misses.put("ttlLapsed", audit.ttlLapsed);
			misses.put("other", audit.unexplained);
			misses.put("noPrefixSeen", audit.noPrefix);
			evidence.put("writesBecause", misses);
			evidence.put("mostRewrittenPrefixes", audit.mostRewritten(5));
			BigDecimal now = audit.actualCost(context);
			BigDecimal oneHour = audit.oneHourCost(context);
			BigDecimal stable = audit.stablePrefixCost(context);
			if (now != null) {
				if (oneHour != null) {
					evidence.put("whatIfOneHourTtlMonthlyUsd", monthly(now.subtract(oneHour), factor));
					best = better(best, new Choice(Action.ONE_HOUR, now, oneHour, Confidence.MEDIUM));
				}
				if (stable != null && audit.byFingerprint.size() > 1) {
					evidence.put("whatIfStablePrefixMonthlyUsd", monthly(now.subtract(stable), factor));
					best = better(best, new Choice(Action.STABLE_PREFIX, now, stable, Confidence.LOW));
				}
			}
		}
		if (best == null) {
			if (net.signum() <= 0) {
				return null;
			}
			return new Opportunity(OpportunityType.PROMPT_CACHING, traffic.model(), traffic.path(), spend, null, null,
					Confidence.HIGH, evidence, "Caching pays on " + traffic.path() + ": $" + monthly(net, factor)
							+ " a month saved against the same tokens uncached. Keep the prefix stable.",
					true);
		}
		return new Opportunity(OpportunityType.PROMPT_CACHING, traffic.model(), traffic.path(), best.current(),
				best.projected(), best.current().subtract(best.projected()), best.confidence(), evidence,
				action(best.action(), traffic.path(), net, factor, audit), true);
	}

	static final String WRITES_WITHOUT_READS = "caching in use but writes without reads";

	private enum Action {

		REMOVE, ONE_HOUR, STABLE_PREFIX

	}

	private record Choice(Action action, BigDecimal current, BigDecimal projected, Confidence confidence) {

		BigDecimal weighted() {
			return this.current.subtract(this.projected).multiply(this.confidence.weight());
		}

	}

	/** The choice that saves more once weighted by confidence; a saving only. */
	private static Choice better(Choice best, Choice candidate) {
		if (candidate.current().compareTo(candidate.projected()) <= 0) {
			return best;
		}
		return (best == null || candidate.weighted().compareTo(best.weighted()) > 0) ? candidate : best;
	}

	private static String action(Action action, String path, BigDecimal net, BigDecimal factor, CacheAudit audit) {
		String verdict = (net.signum() > 0) ? "Caching saves " + path + " $" + monthly(net, factor) + " a month"
				: "Caching costs " + path + " $" + monthly(net.negate(), factor) + " a month more than no caching";
		String why = (audit.requests == 0) ? ""
				: " (" + audit.writeRequests + " of " + audit.requests + " caching requests wrote the cache: "
						+ audit.ttlLapsed + " after the cache had lapsed, " + audit.newPrefix
						+ " with a prefix not seen before)";
		return switch (action) {
			case REMOVE -> verdict + why + ": the cached prefix changes between calls, or calls come further "
					+ "apart than the cache lives. Make the prefix stable (no timestamps or ids before the cache "
					+ "point) or remove the cache point.";
			case ONE_HOUR -> verdict + why + ". Calls come further apart than 5 minutes: cache with the 1-hour TTL "
					+ "(Converse: {\"cachePoint\": {\"type\": \"default\", \"ttl\": \"1h\"}}; InvokeModel: "
					+ "\"cache_control\": {\"type\": \"ephemeral\", \"ttl\": \"1h\"}).";
			case STABLE_PREFIX -> verdict + why + ". The system prompt or tools change from call to call: move "
					+ "whatever varies (timestamps, ids, user data, tool order) after the cache point so every call "
					+ "sends the same prefix. Estimated as if the cached part kept its size.";
		};
	}

	private static String monthly(BigDecimal amount, BigDecimal factor) {
		return amount.multiply(factor).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
	}

	private static final class Replay {

		long prefixTokens;

		long writes5m;

		long reads5m;

		long writes1h;

		long reads1h;

	}

	/**
	 * Caching for a path that does not cache: its prefixes are replayed minute by minute
	 * against both cache lives, the replay is priced, and the cheaper life is proposed
	 * when it beats what the path pays now.
	 */
	private static Opportunity enable(SavingsContext context, SavingsContext.Traffic traffic,
			List<PrefixRow> prefixes) {
		if (prefixes.isEmpty()) {
			return null;
		}
		MinuteKey any = prefixes.get(0).key().minute();
		if (context.cost(any.series(), TokenCounts.cacheTraffic(1, 0, 0)) == null) {
			// The model (or this tier) offers no prompt caching.
			return null;
		}
		int minimum = context.settings().cacheMinimum(traffic.model());
		Map<PrefixGroup, List<PrefixRow>> groups = PrefixGroup.of(prefixes, PrefixRow::key);
		CacheReplay replay = CacheReplay.of(groups, minimum);
		Map<String, Object> evidence = new LinkedHashMap<>();
		evidence.put("requestsWithPrefix", replay.requests);
		evidence.put("distinctPrefixes", groups.keySet().stream().map(PrefixGroup::fingerprint).distinct().count());
		evidence.put("meanPrefixTokens", replay.requests == 0 ? 0 : replay.prefixTokenSum / replay.requests);
		evidence.put("cacheMinimumTokens", minimum);
		evidence.put("requestsBelowMinimum", replay.belowMinimum);
		if (replay.byDay.isEmpty()) {
			return replay.requests == 0 ? null : belowMinimum(context, traffic, minimum, evidence);
		}
		return priced(context, traffic, replay, evidence);
	}

	/**
	 * The path's prefix is shorter than the model's smallest cache checkpoint: said, with
	 * no saving.
	 */
	private static Opportunity belowMinimum(SavingsContext context, SavingsContext.Traffic traffic, int minimum,
			Map<String, Object> evidence) {
		evidence.put("finding", "prefix below the model minimum");
		return new Opportunity(OpportunityType.PROMPT_CACHING, traffic.model(), traffic.path(),
				context.actualCost(traffic.rows()), null, null, Confidence.MEDIUM, evidence,
				traffic.path() + "'s repeated prefix (about " + evidence.get("meanPrefixTokens") + " tokens) is "
						+ "below " + traffic.model() + "'s minimum cache checkpoint of " + minimum + " tokens: "
						+ "caching cannot apply unless more stable context goes before the cache point.",
				true);
	}

	/**
	 * The replay priced day by day at each life; the cheaper proposed, or nothing when
	 * caching would not save.
	 */
	private static Opportunity priced(SavingsContext context, SavingsContext.Traffic traffic, CacheReplay replay,
			Map<String, Object> evidence) {
		BigDecimal current = BigDecimal.ZERO;
		BigDecimal with5m = BigDecimal.ZERO;
		BigDecimal with1h = BigDecimal.ZERO;
		for (Map.Entry<UsageKey, Replay> day : replay.byDay.entrySet()) {
			Replay r = day.getValue();
			current = add(current, context.cost(day.getKey(), TokenCounts.inputOnly(r.prefixTokens)));
			with5m = add(with5m, context.cost(day.getKey(), TokenCounts.cacheTraffic(r.reads5m, r.writes5m, 0)));
			with1h = add(with1h, context.cost(day.getKey(), TokenCounts.cacheTraffic(r.reads1h, 0, r.writes1h)));
		}
		boolean oneHour = with1h != null && (with5m == null || with1h.compareTo(with5m) < 0);
		BigDecimal projected = oneHour ? with1h : with5m;
		if (current == null || projected == null || projected.compareTo(current) >= 0) {
			return null;
		}
		long eligible = replay.requests - replay.belowMinimum;
		evidence.put("ttl", oneHour ? "1h" : "5m");
		evidence.put("hitRate5m", TrafficShape.round(eligible == 0 ? 0 : (double) replay.warm5m / eligible));
		evidence.put("prefixTokensReadFromCache",
				replay.byDay.values().stream().mapToLong((r) -> oneHour ? r.reads1h : r.reads5m).sum());
		evidence.put("prefixTokensWrittenToCache",
				replay.byDay.values().stream().mapToLong((r) -> oneHour ? r.writes1h : r.writes5m).sum());
		evidence.put("estimate", "prefix size estimated from its length, calibrated on each request's token counts");
		return new Opportunity(OpportunityType.PROMPT_CACHING, traffic.model(), traffic.path(), current, projected,
				current.subtract(projected), Confidence.MEDIUM, evidence,
				"Cache " + traffic.path() + "'s repeated system prompt and tools: add a cache point after them "
						+ "(Converse: {\"cachePoint\": {\"type\": \"default\"" + (oneHour ? ", \"ttl\": \"1h\"" : "")
						+ "}}; InvokeModel: \"cache_control\": {\"type\": \"ephemeral\""
						+ (oneHour ? ", \"ttl\": \"1h\"" : "") + "}), and keep anything that varies after it.",
				true);
	}

	/**
	 * Each prefix's requests replayed in time order against a 5-minute and a 1-hour
	 * cache: the first request after the cache went cold writes the prefix, the others
	 * read it; requests whose prefix is below the model's minimum cannot cache and are
	 * only counted. The tokens are kept per day and series, to be priced at that day's
	 * prices.
	 */
	private static final class CacheReplay {

		final Map<UsageKey, Replay> byDay = new HashMap<>();

		long requests;

		long belowMinimum;

		long warm5m;

		long prefixTokenSum;

		static CacheReplay of(Map<PrefixGroup, List<PrefixRow>> groups, int minimum) {
			CacheReplay replay = new CacheReplay();
			for (List<PrefixRow> rows : groups.values()) {
				Instant last5m = null;
				Instant last1h = null;
				for (PrefixRow row : rows) {
					long n = row.totals().requests();
					long each = row.totals().prefixTokens() / Math.max(1, n);
					replay.requests += n;
					replay.prefixTokenSum += row.totals().prefixTokens();
					if (each < minimum) {
						replay.belowMinimum += n;
						continue;
					}
					Instant minute = row.key().minute().minute();
					Replay day = replay.byDay.computeIfAbsent(row.key().minute().series(), (k) -> new Replay());
					day.prefixTokens += n * each;
					boolean cold5m = cold(last5m, minute, TTL_5M);
					boolean cold1h = cold(last1h, minute, TTL_1H);
					day.writes5m += cold5m ? each : 0;
					day.reads5m += (n - (cold5m ? 1 : 0)) * each;
					day.writes1h += cold1h ? each : 0;
					day.reads1h += (n - (cold1h ? 1 : 0)) * each;
					replay.warm5m += n - (cold5m ? 1 : 0);
					last5m = minute;
					last1h = minute;
				}
			}
			return replay;
		}

	}

	private static BigDecimal add(BigDecimal total, BigDecimal amount) {
		return (total == null || amount == null) ? null : total.add(amount);
	}

	/**
	 * Whether the cache has expired by this minute. Requests are known to the minute, so
	 * a gap of {@code g} minutes between buckets is up to {@code g + 1} real minutes: the
	 * cache counts as warm only when even that is inside the TTL (conservative by up to a
	 * minute).
	 */
	static boolean cold(Instant last, Instant minute, int ttlMinutes) {
		return last == null || Duration.between(last, minute).toMinutes() + 1 > ttlMinutes;
	}

}
