package com.bedrockcostanalyzer.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import com.bedrockcostanalyzer.usage.Context;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;

/**
 * Prices a token vector: each kind of token at its own rate, exactly (BigDecimal, per 1M
 * tokens). Tokens of a kind the price row has no rate for make the whole amount unpriced
 * instead of quietly free.
 */
public final class CostCalculator {

	private final PriceBook book;

	public CostCalculator(PriceBook book) {
		this.book = book;
	}

	public PriceBook book() {
		return this.book;
	}

	/** Standard-context tokens. */
	public Cost cost(String modelId, String region, Scope scope, Tier tier, LocalDate day, TokenCounts tokens) {
		return cost(modelId, region, scope, tier, Context.STANDARD, day, tokens);
	}

	/**
	 * Tokens of requests billed in {@code context}: long-context requests at their own
	 * rates, or unpriced.
	 */
	public Cost cost(String modelId, String region, Scope scope, Tier tier, Context context, LocalDate day,
			TokenCounts tokens) {
		if (!this.book.facts().sells(modelId, tier)) {
			// A book row for a tier AWS does not sell the model on would propose a saving
			// no one can buy.
			return Cost.unpriced("AWS does not sell " + modelId + " on the " + tier.label() + " tier");
		}
		Optional<PriceRow> row = this.book.lookup(modelId, region, scope, tier, context, day);
		if (row.isEmpty()) {
			if (modelId.startsWith("application-inference-profile/")) {
				return Cost.unpriced("application inference profile not resolved: see the run's log, or set "
						+ "bca.usage.inference-profiles (docs/formats.md)");
			}
			if (!this.book.knowsModel(modelId)) {
				return Cost.unpriced("model not in the price book");
			}
			return Cost.unpriced("no " + tier.label() + (context == Context.LONG ? " long-context" : "") + " price for "
					+ scope.label() + " scope in " + region + " effective on " + day);
		}
		return cost(row.get(), tokens);
	}

	public static Cost cost(PriceRow row, TokenCounts tokens) {
		BigDecimal total = BigDecimal.ZERO;
		String[] names = { "input", "output", "cache_read", "cache_write_5m", "cache_write_1h" };
		long[] counts = { tokens.input(), tokens.output(), tokens.cacheRead(), tokens.cacheWrite5m(),
				tokens.cacheWrite1h() };
		BigDecimal[] rates = { row.input(), row.output(), row.cacheRead(), row.cacheWrite5m(), row.cacheWrite1h() };
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] == 0) {
				continue;
			}
			if (rates[i] == null) {
				return Cost.unpriced("no " + names[i] + " rate for " + row.modelId() + " (" + row.tier().label() + ", "
						+ row.scope().label() + ") in " + row.file());
			}
			total = total.add(rates[i].multiply(BigDecimal.valueOf(counts[i])));
		}
		return Cost.of(total.movePointLeft(6));
	}

}
