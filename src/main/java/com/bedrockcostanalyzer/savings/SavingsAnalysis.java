package com.bedrockcostanalyzer.savings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.bedrockcostanalyzer.usage.Window;

/**
 * Runs every detector over the window's aggregates, turns their figures into monthly
 * ones, ranks them by saving, and decides which count in the headline: of the proposals
 * that buy the same path's traffic another way (batch, flex, routing, global profile,
 * capacity) only the one saving most is counted.
 */
public final class SavingsAnalysis {

	/** The average month: 365.25 / 12 days. */
	static final BigDecimal MONTH_DAYS = new BigDecimal("30.4375");

	private final List<Detector> detectors = List.of(new TierDetectors.Batch(), new TierDetectors.Flex(),
			new TierDetectors.GlobalProfile(), new ModelRoutingDetector(), new PromptCachingDetector(),
			new CapacityDetectors(), new WasteDetector());

	/**
	 * Monthly figures, ranked by confidence-weighted saving (those without an estimate
	 * last): a LOW estimate never outranks a MEDIUM or HIGH one of similar size.
	 */
	public List<Opportunity> analyse(SavingsContext context) {
		BigDecimal factor = monthFactor(context.window());
		List<Opportunity> all = new ArrayList<>();
		BigDecimal threshold = context.settings().thresholdUsd();
		for (Detector detector : this.detectors) {
			for (Opportunity o : detector.detect(context)) {
				Opportunity monthly = o.scaled(factor);
				// A finding without an estimate is worth a reader's time only on traffic
				// that costs something.
				if (monthly.savings() == null
						&& (monthly.currentCost() == null || monthly.currentCost().compareTo(threshold) < 0)) {
					continue;
				}
				all.add(monthly);
			}
		}
		Map<TrafficKey, Opportunity> best = new HashMap<>();
		for (Opportunity o : all) {
			if (o.type().repricesTheSameTraffic() && o.savings() != null) {
				best.merge(TrafficKey.of(o), o, (a, b) -> b.savings().compareTo(a.savings()) > 0 ? b : a);
			}
		}
		List<Opportunity> ranked = new ArrayList<>();
		for (Opportunity o : all) {
			boolean counted = o.savings() != null
					&& (!o.type().repricesTheSameTraffic() || best.get(TrafficKey.of(o)) == o);
			ranked.add(o.withCountedInHeadline(counted));
		}
		ranked.sort(Comparator.comparing(SavingsAnalysis::weighted)
			.reversed()
			.thenComparing(Opportunity::type)
			.thenComparing(Opportunity::model)
			.thenComparing(Opportunity::path));
		return ranked;
	}

	/**
	 * The rank of an opportunity: its saving times its confidence's weight (HIGH 1,
	 * MEDIUM 0.75, LOW 0.5), −1 without an estimate.
	 */
	static BigDecimal weighted(Opportunity o) {
		return o.savings() == null ? BigDecimal.valueOf(-1) : o.savings().multiply(o.confidence().weight());
	}

	/** The headline: monthly savings counted once per path, above the threshold. */
	public static BigDecimal headline(List<Opportunity> opportunities, BigDecimal threshold) {
		return opportunities.stream()
			.filter((o) -> o.countedInHeadline() && o.savings() != null && o.savings().compareTo(threshold) >= 0)
			.map(Opportunity::savings)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** What the window's figures are multiplied by to make a month of 30.4375 days. */
	public static BigDecimal monthFactor(Window window) {
		return MONTH_DAYS.divide(BigDecimal.valueOf(window.days().size()), 10, RoundingMode.HALF_EVEN);
	}

}
