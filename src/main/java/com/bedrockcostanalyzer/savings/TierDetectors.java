package com.bedrockcostanalyzer.savings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.bedrockcostanalyzer.aggregate.DailyUsage;
import com.bedrockcostanalyzer.aggregate.UsageKey;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;

/**
 * The detectors that buy the same requests of the same model another way: batch
 * inference, the flex tier, the global inference profile.
 */
final class TierDetectors {

	private TierDetectors() {
	}

	/**
	 * Standard-tier traffic that can wait, moved to a cheaper tier of the same model.
	 * Paths declared interactive are never moved; paths declared non-interactive are,
	 * whatever their shape.
	 */
	private abstract static class DeferrableTraffic implements Detector {

		private final OpportunityType type;

		private final Tier tier;

		DeferrableTraffic(OpportunityType type, Tier tier) {
			this.type = type;
			this.tier = tier;
		}

		abstract boolean eligible(TrafficShape shape, SavingsProperties settings);

		abstract Confidence confidence(boolean declared, TrafficShape shape);

		abstract Map<String, Object> evidence(TrafficShape shape, boolean declared, SavingsProperties settings);

		abstract String action(SavingsContext.Traffic traffic, SavingsProperties settings);

		@Override
		public List<Opportunity> detect(SavingsContext context) {
			SavingsProperties settings = context.settings();
			List<Opportunity> found = new ArrayList<>();
			for (SavingsContext.Traffic traffic : context.traffic()) {
				List<DailyUsage> rows = standard(traffic);
				if (rows.isEmpty() || settings.interactivePaths().contains(traffic.path())) {
					continue;
				}
				boolean declared = settings.nonInteractivePaths().contains(traffic.path());
				TrafficShape shape = context.shape(traffic);
				if (!declared && !eligible(shape, settings)) {
					continue;
				}
				Opportunity opportunity = repriced(context, traffic, rows, this.type, (k) -> withTier(k, this.tier),
						confidence(declared, shape), evidence(shape, declared, settings), action(traffic, settings));
				if (opportunity != null) {
					found.add(opportunity);
				}
			}
			return found;
		}

	}

	/**
	 * BATCH: paths whose traffic does not need an answer now, on models that offer batch.
	 */
	static final class Batch extends DeferrableTraffic {

		Batch() {
			super(OpportunityType.BATCH, Tier.BATCH);
		}

		@Override
		boolean eligible(TrafficShape shape, SavingsProperties settings) {
			return shape.jobLike(settings.batchMinRecords());
		}

		@Override
		Confidence confidence(boolean declared, TrafficShape shape) {
			return declared ? Confidence.HIGH : shape.offHoursShare() >= 0.5 ? Confidence.MEDIUM : Confidence.LOW;
		}

		@Override
		Map<String, Object> evidence(TrafficShape shape, boolean declared, SavingsProperties settings) {
			return withShape(shape, declared, "batchMinRecords", settings.batchMinRecords());
		}

		@Override
		String action(SavingsContext.Traffic traffic, SavingsProperties settings) {
			return "Move " + traffic.path() + "'s calls to " + traffic.model()
					+ " to Bedrock batch inference (CreateModelInvocationJob): results within 24 hours at the batch "
					+ "price; submit at least " + settings.batchMinRecords() + " records per job.";
		}

	}

	/** SERVICE_TIER: latency-tolerant traffic on models that offer the flex tier. */
	static final class Flex extends DeferrableTraffic {

		Flex() {
			super(OpportunityType.SERVICE_TIER, Tier.FLEX);
		}

		@Override
		boolean eligible(TrafficShape shape, SavingsProperties settings) {
			return shape.latencyTolerant();
		}

		@Override
		Confidence confidence(boolean declared, TrafficShape shape) {
			return declared ? Confidence.MEDIUM : Confidence.LOW;
		}

		@Override
		Map<String, Object> evidence(TrafficShape shape, boolean declared, SavingsProperties settings) {
			return withShape(shape, declared, "tier", "flex");
		}

		@Override
		String action(SavingsContext.Traffic traffic, SavingsProperties settings) {
			return "Send " + traffic.path() + "'s requests to " + traffic.model()
					+ " with serviceTier {\"type\": \"flex\"}: the same model at the flex price, answered when "
					+ "capacity allows; keep a retry for the odd refusal.";
		}

	}

	/**
	 * GLOBAL_PROFILE: in-Region or geo traffic of models whose global profile is cheaper.
	 */
	static final class GlobalProfile implements Detector {

		@Override
		public List<Opportunity> detect(SavingsContext context) {
			List<Opportunity> found = new ArrayList<>();
			for (SavingsContext.Traffic traffic : context.traffic()) {
				List<DailyUsage> rows = traffic.rows()
					.stream()
					.filter((r) -> r.key().scope() != Scope.GLOBAL && r.key().tier() == Tier.STANDARD)
					.toList();
				if (rows.isEmpty()) {
					continue;
				}
				Map<String, Object> evidence = new java.util.LinkedHashMap<>();
				evidence.put("requests", rows.stream().mapToLong((r) -> r.totals().requests()).sum());
				evidence.put("currentScopes",
						rows.stream().map((r) -> r.key().scope().label()).distinct().sorted().toList());
				Opportunity opportunity = repriced(context, traffic, rows, OpportunityType.GLOBAL_PROFILE,
						(k) -> k.with(k.model(), Scope.GLOBAL, k.tier()), Confidence.HIGH, evidence,
						"Call " + traffic.model() + " through its global inference profile (global." + traffic.model()
								+ ") for " + traffic.path() + ": the same model at the global price. Requests may "
								+ "then be served in any commercial Region; check your data-residency rules first.");
				if (opportunity != null) {
					found.add(opportunity);
				}
			}
			return found;
		}

	}

	static List<DailyUsage> standard(SavingsContext.Traffic traffic) {
		return traffic.rows().stream().filter((r) -> r.key().tier() == Tier.STANDARD).toList();
	}

	static UsageKey withTier(UsageKey key, Tier tier) {
		return key.with(key.model(), key.scope(), tier);
	}

	private static Map<String, Object> withShape(TrafficShape shape, boolean declared, String key, Object value) {
		Map<String, Object> evidence = shape.evidence();
		evidence.put("declaredNonInteractive", declared);
		evidence.put(key, value);
		return evidence;
	}

	/**
	 * The rows as billed against the same rows bought another way; null when either is
	 * unpriced or no cheaper.
	 */
	static Opportunity repriced(SavingsContext context, SavingsContext.Traffic traffic, List<DailyUsage> rows,
			OpportunityType type, UnaryOperator<UsageKey> change, Confidence confidence, Map<String, Object> evidence,
			String action) {
		BigDecimal current = context.actualCost(rows);
		BigDecimal projected = context.cost(rows, change, UnaryOperator.identity());
		if (current == null || projected == null || projected.compareTo(current) >= 0) {
			return null;
		}
		return new Opportunity(type, traffic.model(), traffic.path(), current, projected, current.subtract(projected),
				confidence, evidence, action, true);
	}

}
