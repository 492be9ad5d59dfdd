package com.bedrockcostanalyzer.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import com.bedrockcostanalyzer.usage.Context;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;

/**
 * One row of a price book: USD per 1M tokens for one (model, region, scope, tier,
 * context) from a date on. A null rate means the model does not offer that kind of token
 * there.
 */
public record PriceRow(String modelId, String region, Scope scope, Tier tier, Context context, BigDecimal input,
		@Nullable BigDecimal output, @Nullable BigDecimal cacheRead, @Nullable BigDecimal cacheWrite5m,
		@Nullable BigDecimal cacheWrite1h, LocalDate effectiveFrom, String source, String file, long line) {
}
