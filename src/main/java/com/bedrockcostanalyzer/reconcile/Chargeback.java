package com.bedrockcostanalyzer.reconcile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import com.bedrockcostanalyzer.aggregate.DailyUsage;
import com.bedrockcostanalyzer.aggregate.UsageKey;
import com.bedrockcostanalyzer.pricing.Cost;
import com.bedrockcostanalyzer.pricing.CostCalculator;
import com.bedrockcostanalyzer.pricing.Discounts;
import com.bedrockcostanalyzer.reconcile.Reconciliation.ChargebackRow;
import com.bedrockcostanalyzer.usage.Attribution;

/**
 * The bill per team: billed dollars per IAM principal (CUR 2.0's caller identity, named
 * by the caller rule the logs use, so a role's bill sits beside the role's logged path)
 * and per value of each chosen tag (the principal's tag, else the resource's), beside the
 * dollars the logs price for the same path or for the same tag of the application
 * inference profiles the calls went through.
 */
final class Chargeback {

	static final String NO_PRINCIPAL = "(no principal on the line)";

	static final String UNTAGGED = "(untagged)";

	private final CostCalculator calculator;

	private final Discounts discounts;

	Chargeback(CostCalculator calculator, Discounts discounts) {
		this.calculator = calculator;
		this.discounts = discounts;
	}

	List<ChargebackRow> rows(List<BilledLine> lines, List<DailyUsage> daily, UnaryOperator<String> callerPath,
			List<String> tagKeys) {
		List<ChargebackRow> rows = new ArrayList<>();
		if (lines.stream().anyMatch((l) -> !l.principal().isEmpty())) {
			Map<String, BigDecimal> billed = new TreeMap<>();
			lines.forEach((l) -> billed.merge(l.principal().isEmpty() ? NO_PRINCIPAL : callerPath.apply(l.principal()),
					l.usd(), BigDecimal::add));
			Map<String, BigDecimal> logged = new TreeMap<>();
			priced(daily, (key, usd) -> logged.merge(key.path(), usd, BigDecimal::add));
			rows.addAll(rows("principal", billed, logged));
		}
		for (String tag : tagKeys) {
			if (lines.stream().noneMatch((l) -> l.tags().containsKey(tag))) {
				continue;
			}
			Map<String, BigDecimal> billed = new TreeMap<>();
			lines.forEach((l) -> billed.merge(l.tags().getOrDefault(tag, UNTAGGED), l.usd(), BigDecimal::add));
			Map<String, BigDecimal> logged = new TreeMap<>();
			priced(daily, (key, usd) -> logged.merge(Attribution.tags(key.attribution()).getOrDefault(tag, UNTAGGED),
					usd, BigDecimal::add));
			rows.addAll(rows("tag:" + tag, billed, logged));
		}
		return rows;
	}

	private static List<ChargebackRow> rows(String by, Map<String, BigDecimal> billed, Map<String, BigDecimal> logged) {
		List<ChargebackRow> rows = new ArrayList<>();
		billed.forEach((name, usd) -> {
			BigDecimal ours = logged.get(name);
			rows.add(new ChargebackRow(by, name, usd, ours, ours == null ? null : usd.subtract(ours)));
		});
		rows.sort(Comparator.comparing(ChargebackRow::billedUsd).reversed().thenComparing(ChargebackRow::name));
		return rows;
	}

	private void priced(List<DailyUsage> daily, java.util.function.BiConsumer<UsageKey, BigDecimal> into) {
		for (DailyUsage usage : daily) {
			UsageKey k = usage.key();
			Cost cost = this.calculator.cost(k.model(), k.region(), k.scope(), k.tier(), k.context(), k.day(),
					usage.totals().tokens());
			if (cost.priced()) {
				into.accept(k, this.discounts.apply(k.model(), cost.amount()));
			}
		}
	}

}
