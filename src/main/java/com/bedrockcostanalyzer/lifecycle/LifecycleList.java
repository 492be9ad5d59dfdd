package com.bedrockcostanalyzer.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import com.bedrockcostanalyzer.aggregate.DailyUsage;
import com.bedrockcostanalyzer.aggregate.UsageKey;
import com.bedrockcostanalyzer.pricing.Cost;
import com.bedrockcostanalyzer.pricing.CostCalculator;
import com.bedrockcostanalyzer.pricing.Discounts;
import com.bedrockcostanalyzer.pricing.ModelFacts;
import com.bedrockcostanalyzer.pricing.ModelFacts.Lifecycle;
import com.bedrockcostanalyzer.pricing.ModelFacts.TokenFactor;
import com.bedrockcostanalyzer.savings.SavingsAnalysis;
import com.bedrockcostanalyzer.usage.TokenCounts;
import com.bedrockcostanalyzer.usage.Window;

/**
 * The models of the window whose end of life, or public extended access, comes within
 * {@value #NOTICE_DAYS} days of the run (or has passed), from the dates in the models
 * file: the month's cost on each and on its successor.
 */
public final class LifecycleList {

	/** How far ahead a date is named: the notice a team needs to test and move. */
	public static final int NOTICE_DAYS = 90;

	private final CostCalculator calculator;

	private final Discounts discounts;

	public LifecycleList(CostCalculator calculator, Discounts discounts) {
		this.calculator = calculator;
		this.discounts = discounts;
	}

	/**
	 * @param daily the window's stored usage
	 * @param window the window: its traffic is scaled to a month
	 * @param today the run's day (UTC): the dates are measured from it and the successor
	 * is priced at its prices
	 */
	public List<ModelEnd> of(List<DailyUsage> daily, Window window, LocalDate today) {
		ModelFacts facts = this.calculator.book().facts();
		Map<String, List<DailyUsage>> byModel = new TreeMap<>();
		for (DailyUsage usage : daily) {
			Lifecycle lifecycle = facts.lifecycle(usage.key().model());
			if (lifecycle != null && soon(lifecycle, today)) {
				byModel.computeIfAbsent(usage.key().model(), (m) -> new ArrayList<>()).add(usage);
			}
		}
		BigDecimal month = SavingsAnalysis.monthFactor(window);
		List<ModelEnd> ends = new ArrayList<>();
		byModel.forEach((model, rows) -> {
			Lifecycle lifecycle = facts.lifecycle(model);
			if (lifecycle != null) {
				ends.add(end(facts, model, lifecycle, rows, month, today));
			}
		});
		ends.sort(Comparator
			.comparing((ModelEnd e) -> (e.daysToEndOfLife() == null) ? Long.MAX_VALUE : e.daysToEndOfLife())
			.thenComparing(ModelEnd::model));
		return ends;
	}

	private static boolean soon(Lifecycle lifecycle, LocalDate today) {
		LocalDate horizon = today.plusDays(NOTICE_DAYS);
		return (lifecycle.endOfLife() != null && !lifecycle.endOfLife().isAfter(horizon))
				|| (lifecycle.extendedAccess() != null && !lifecycle.extendedAccess().isAfter(horizon));
	}

	private ModelEnd end(ModelFacts facts, String model, Lifecycle lifecycle, List<DailyUsage> rows, BigDecimal month,
			LocalDate today) {
		@Nullable BigDecimal now = BigDecimal.ZERO;
		Map<String, BigDecimal> byPath = new HashMap<>();
		for (DailyUsage usage : rows) {
			UsageKey k = usage.key();
			Cost cost = this.calculator.cost(k.model(), k.region(), k.scope(), k.tier(), k.context(), k.day(),
					usage.totals().tokens());
			@Nullable BigDecimal amount = cost.priced() ? this.discounts.apply(model, cost.amount()) : null;
			now = (now == null || amount == null) ? null : now.add(amount);
			byPath.merge(k.path(), (amount == null) ? BigDecimal.ZERO : amount, BigDecimal::add);
		}
		List<String> paths = byPath.entrySet()
			.stream()
			.sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
			.map(Map.Entry::getKey)
			.toList();
		@Nullable String successor = facts.successor(model);
		@Nullable TokenFactor factor = (successor == null) ? null : facts.tokenFactor(model, successor);
		List<String> notes = new ArrayList<>();
		@Nullable BigDecimal low = null;
		@Nullable BigDecimal high = null;
		if (successor == null) {
			notes.add("no successor in the models file");
		}
		else {
			TokenFactor priced = (factor == null) ? TokenFactor.SAME : factor;
			if (factor == null) {
				notes.add("no tokenizer factor documented between the two models: token counts kept");
			}
			low = onSuccessor(successor, rows, priced.low(), today, notes);
			high = (low == null) ? null : priced.low().equals(priced.high()) ? low
					: onSuccessor(successor, rows, priced.high(), today, notes);
		}
		Long daysLeft = (lifecycle.endOfLife() == null) ? null : ChronoUnit.DAYS.between(today, lifecycle.endOfLife());
		return new ModelEnd(model, state(lifecycle, today), lifecycle.legacy(), lifecycle.extendedAccess(),
				lifecycle.endOfLife(), daysLeft, monthly(now, month), paths, successor, monthly(low, month),
				monthly(high, month), (factor == null) ? null : factor.label(), false,
				notes.isEmpty() ? null : String.join("; ", notes));
	}

	/**
	 * The rows on the successor at today's prices (the move is ahead), their tokens
	 * scaled by the factor.
	 */
	private @Nullable BigDecimal onSuccessor(String successor, List<DailyUsage> rows, BigDecimal factor,
			LocalDate today, List<String> notes) {
		BigDecimal total = BigDecimal.ZERO;
		for (DailyUsage usage : rows) {
			UsageKey k = usage.key();
			TokenCounts tokens = usage.totals().tokens();
			Cost cost = this.calculator.cost(successor, k.region(), k.scope(), k.tier(), k.context(), today,
					(factor.compareTo(BigDecimal.ONE) == 0) ? tokens : tokens.scaled(factor));
			if (!cost.priced()) {
				notes.add(successor + " has no " + k.tier().label() + " price for " + k.scope().label() + " calls in "
						+ k.region());
				return null;
			}
			total = total.add(this.discounts.apply(successor, cost.amount()));
		}
		return total;
	}

	private static String state(Lifecycle lifecycle, LocalDate today) {
		if (lifecycle.endOfLife() != null && !lifecycle.endOfLife().isAfter(today)) {
			return "end of life";
		}
		if (lifecycle.extendedAccess() != null && !lifecycle.extendedAccess().isAfter(today)) {
			return "extended access";
		}
		if (lifecycle.legacy() != null && !lifecycle.legacy().isAfter(today)) {
			return "legacy";
		}
		return "active";
	}

	private static @Nullable BigDecimal monthly(@Nullable BigDecimal amount, BigDecimal month) {
		return (amount == null) ? null : amount.multiply(month).setScale(2, RoundingMode.HALF_EVEN);
	}

}
