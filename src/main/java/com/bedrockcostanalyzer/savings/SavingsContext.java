package com.bedrockcostanalyzer.savings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.bedrockcostanalyzer.aggregate.DailyUsage;
import com.bedrockcostanalyzer.aggregate.UsageKey;
import com.bedrockcostanalyzer.aggregate.UsageTotals;
import com.bedrockcostanalyzer.pricing.Cost;
import com.bedrockcostanalyzer.pricing.CostCalculator;
import com.bedrockcostanalyzer.pricing.Discounts;
import com.bedrockcostanalyzer.pricing.ModelFacts;
import com.bedrockcostanalyzer.pricing.ProvisionedBook;
import com.bedrockcostanalyzer.pricing.ReservedBook;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;
import com.bedrockcostanalyzer.usage.Window;

/**
 * Everything the detectors read: the stored aggregates of the window (never the logs),
 * the prices, the user's discounts and settings. Costs here are window totals after
 * discount; the analysis scales them to a month.
 */
public final class SavingsContext {

	/** The traffic of one model on one path, over every Region, scope and tier. */
	public record Traffic(String model, String path, List<DailyUsage> rows) {

		TrafficKey key() {
			return new TrafficKey(this.model, this.path);
		}

		UsageTotals totals(Predicate<DailyUsage> filter) {
			UsageTotals totals = new UsageTotals();
			this.rows.stream().filter(filter).forEach((row) -> totals.add(row.totals()));
			return totals;
		}

	}

	private final Window window;

	private final List<Traffic> traffic;

	private final ProfileSource profile;

	private Map<TrafficKey, TrafficShape> shapes;

	private final CostCalculator calculator;

	private final Discounts discounts;

	private final SavingsProperties settings;

	private final ProvisionedBook provisioned;

	private final ReservedBook reserved;

	public SavingsContext(Window window, List<DailyUsage> daily, ProfileSource profile, CostCalculator calculator,
			Discounts discounts, SavingsProperties settings, ProvisionedBook provisioned, ReservedBook reserved) {
		this.reserved = reserved;
		this.window = window;
		Map<TrafficKey, List<DailyUsage>> grouped = new LinkedHashMap<>();
		for (DailyUsage row : daily) {
			grouped.computeIfAbsent(new TrafficKey(row.key().model(), row.key().path()), (k) -> new ArrayList<>())
				.add(row);
		}
		this.traffic = grouped.values()
			.stream()
			.map((rows) -> new Traffic(rows.get(0).key().model(), rows.get(0).key().path(), rows))
			.toList();
		this.profile = profile;
		this.calculator = calculator;
		this.discounts = discounts;
		this.settings = settings;
		this.provisioned = provisioned;
	}

	public Window window() {
		return this.window;
	}

	public List<Traffic> traffic() {
		return this.traffic;
	}

	public SavingsProperties settings() {
		return this.settings;
	}

	public ProvisionedBook provisioned() {
		return this.provisioned;
	}

	public ReservedBook reserved() {
		return this.reserved;
	}

	/**
	 * How a path's standard-tier traffic looks in time. Computed for every path in one
	 * pass over the per-minute profile, the first time one is asked for; only the small
	 * shapes are kept.
	 */
	TrafficShape shape(Traffic traffic) {
		if (this.shapes == null) {
			Map<TrafficKey, Traffic> byKey = new java.util.HashMap<>();
			this.traffic.forEach((t) -> byKey.put(t.key(), t));
			Map<TrafficKey, TrafficShape> shapes = new java.util.HashMap<>();
			this.profile.minutesByTraffic((rows) -> {
				TrafficKey key = TrafficKey.of(rows.get(0).key());
				Traffic t = byKey.get(key);
				if (t != null) {
					shapes.put(key,
							TrafficShape.of(t.totals((r) -> r.key().tier() == Tier.STANDARD), rows, this.settings));
				}
			});
			this.shapes = shapes;
		}
		return this.shapes.computeIfAbsent(traffic.key(), (k) -> TrafficShape
			.of(traffic.totals((r) -> r.key().tier() == Tier.STANDARD), List.of(), this.settings));
	}

	ProfileSource profile() {
		return this.profile;
	}

	/** The facts of the price book's models (tokenizers, generations). */
	ModelFacts facts() {
		return this.calculator.book().facts();
	}

	/**
	 * The rows as they were billed, after discount; null when some usage in them has no
	 * price.
	 */
	BigDecimal actualCost(List<DailyUsage> rows) {
		return cost(rows, UnaryOperator.identity(), UnaryOperator.identity());
	}

	/**
	 * The same rows bought another way: each day's key changed (another tier, scope or
	 * model) and its tokens changed (cache reads instead of input), priced at the prices
	 * in force that day, after the target model's discount. Null when any of it cannot be
	 * priced: a guess is never passed off as a saving.
	 */
	BigDecimal cost(List<DailyUsage> rows, UnaryOperator<UsageKey> key, UnaryOperator<TokenCounts> tokens) {
		BigDecimal total = BigDecimal.ZERO;
		for (DailyUsage row : rows) {
			TokenCounts t = tokens.apply(row.totals().tokens());
			if (t.equals(TokenCounts.ZERO)) {
				continue;
			}
			UsageKey k = key.apply(row.key());
			Cost cost = this.calculator.cost(k.model(), k.region(), k.scope(), k.tier(), k.context(), k.day(), t);
			if (!cost.priced()) {
				return null;
			}
			total = total.add(this.discounts.apply(k.model(), cost.usd()));
		}
		return total;
	}

	/**
	 * A token vector priced for one model, Region, scope and tier on a day, after
	 * discount; null when unpriced.
	 */
	BigDecimal cost(UsageKey key, TokenCounts tokens) {
		if (tokens.equals(TokenCounts.ZERO)) {
			return BigDecimal.ZERO;
		}
		Cost cost = this.calculator.cost(key.model(), key.region(), key.scope(), key.tier(), key.context(), key.day(),
				tokens);
		return cost.priced() ? this.discounts.apply(key.model(), cost.usd()) : null;
	}

}
