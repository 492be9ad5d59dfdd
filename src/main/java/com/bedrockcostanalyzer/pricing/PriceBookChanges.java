package com.bedrockcostanalyzer.pricing;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a new price book changes against the one in force, compared on each (model,
 * Region, scope, tier)'s latest row: rows for keys the old book lacks, keys whose rates
 * differ, and keys the new book no longer has.
 */
public record PriceBookChanges(int added, int changed, int withdrawn) {

	private static final List<Function<PriceRow, BigDecimal>> RATES = List.of(PriceRow::input, PriceRow::output,
			PriceRow::cacheRead, PriceRow::cacheWrite5m, PriceRow::cacheWrite1h);

	public static PriceBookChanges between(List<PriceRow> before, List<PriceRow> after) {
		Map<PriceKey, PriceRow> old = latest(before);
		Map<PriceKey, PriceRow> now = latest(after);
		int added = 0;
		int changed = 0;
		for (Map.Entry<PriceKey, PriceRow> entry : now.entrySet()) {
			PriceRow was = old.get(entry.getKey());
			if (was == null) {
				added++;
			}
			else if (!sameRates(was, entry.getValue())) {
				changed++;
			}
		}
		int withdrawn = (int) old.keySet().stream().filter((key) -> !now.containsKey(key)).count();
		return new PriceBookChanges(added, changed, withdrawn);
	}

	private static Map<PriceKey, PriceRow> latest(List<PriceRow> rows) {
		Map<PriceKey, PriceRow> latest = new HashMap<>();
		for (PriceRow row : rows) {
			latest.merge(PriceKey.of(row), row,
					(a, b) -> Comparator.comparing(PriceRow::effectiveFrom).compare(a, b) >= 0 ? a : b);
		}
		return latest;
	}

	private static boolean sameRates(PriceRow a, PriceRow b) {
		for (Function<PriceRow, BigDecimal> rate : RATES) {
			BigDecimal x = rate.apply(a);
			BigDecimal y = rate.apply(b);
			if (x == null || y == null ? !Objects.equals(x, y) : x.compareTo(y) != 0) {
				return false;
			}
		}
		return true;
	}

}
