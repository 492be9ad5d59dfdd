package com.bedrockcostanalyzer.savings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.bedrockcostanalyzer.aggregate.MinuteKey;
import com.bedrockcostanalyzer.aggregate.PrefixKey;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;

/**
 * One cacheable prefix in one Region, scope and tier: one cache, which the caching
 * replays follow in time.
 */
record PrefixGroup(String region, Scope scope, Tier tier, long fingerprint) {

	/** Each prefix's rows (prefix minutes or cache minutes), in time order. */
	static <R> Map<PrefixGroup, List<R>> of(List<R> rows, Function<R, PrefixKey> key) {
		Map<PrefixGroup, List<R>> groups = new LinkedHashMap<>();
		for (R row : rows) {
			PrefixKey k = key.apply(row);
			MinuteKey m = k.minute();
			groups
				.computeIfAbsent(new PrefixGroup(m.region(), m.scope(), m.tier(), k.fingerprint()),
						(g) -> new ArrayList<>())
				.add(row);
		}
		Comparator<R> inTime = Comparator.comparing((R r) -> key.apply(r).minute().minute());
		groups.values().forEach((inGroup) -> inGroup.sort(inTime));
		return groups;
	}

}
