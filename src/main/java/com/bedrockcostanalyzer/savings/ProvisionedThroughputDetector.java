package com.bedrockcostanalyzer.savings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.bedrockcostanalyzer.aggregate.MinuteTotals;
import com.bedrockcostanalyzer.aggregate.UsageKey;
import com.bedrockcostanalyzer.aggregate.UsageStore.MinuteRow;
import com.bedrockcostanalyzer.pricing.ProvisionedBook;
import com.bedrockcostanalyzer.usage.Context;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;

/**
 * PROVISIONED_THROUGHPUT: the per-minute token profile of a model in a Region (peak, p95,
 * mean) against the capacity and hourly price of a model unit. Enough units for the p95
 * minute are bought, the minutes above spill to on-demand; proposed only when that is
 * cheaper than what is paid now. Where the unit's capacity is unknown, the row says what
 * to supply and estimates nothing.
 */
final class ProvisionedThroughputDetector {

	/** Below this monthly on-demand spend a model is not worth a capacity question. */
	static final BigDecimal MIN_MONTHLY_SPEND = BigDecimal.valueOf(500);

	void detect(SavingsContext context, List<MinuteRow> rows, long windowMinutes, BigDecimal monthFactor,
			List<Opportunity> found) {
		String model = rows.get(0).key().model();
		String region = rows.get(0).key().region();
		TokensPerMinute tpm = TokensPerMinute.of(rows, windowMinutes, MinuteTotals::promptTokens);
		long[] inputs = tpm.inputs();
		long[] outputs = tpm.outputs();
		UsageKey priceKey = new UsageKey(context.window().from(), region, model, Scope.REGIONAL, Tier.STANDARD,
				Context.STANDARD, "");
		BigDecimal current = context.cost(priceKey, TokenCounts.inputOutput(tpm.inputTotal(), tpm.outputTotal()));
		if (current == null || current.multiply(monthFactor).compareTo(MIN_MONTHLY_SPEND) < 0) {
			return;
		}
		// Each percentile sorts a copy of the active minutes: taken once, used for
		// evidence and sizing.
		long p95In = tpm.inputPercentile(0.95);
		long p95Out = tpm.outputPercentile(0.95);
		Map<String, Object> evidence = new LinkedHashMap<>();
		evidence.put("region", region);
		evidence.put("peakInputTpm", TokensPerMinute.max(inputs));
		evidence.put("p95InputTpm", p95In);
		evidence.put("meanInputTpm", tpm.inputTotal() / Math.max(1, windowMinutes));
		evidence.put("peakOutputTpm", TokensPerMinute.max(outputs));
		evidence.put("p95OutputTpm", p95Out);
		evidence.put("meanOutputTpm", tpm.outputTotal() / Math.max(1, windowMinutes));
		evidence.put("activeMinutes", tpm.activeMinutes());
		evidence.put("windowMinutes", windowMinutes);
		List<ProvisionedBook.Row> offers = context.provisioned().rows(model, region);
		ProvisionedBook.Row offer = offers.stream().filter(ProvisionedBook.Row::capacityKnown).findFirst().orElse(null);
		if (offer == null) {
			found.add(new Opportunity(OpportunityType.PROVISIONED_THROUGHPUT, model, "*", current, null, null,
					Confidence.LOW, evidence,
					"To weigh Provisioned Throughput for " + model + " in " + region + ", supply the input and "
							+ "output tokens per minute of one model unit and its hourly price (from your AWS "
							+ "account team) in a provisioned-throughput.csv beside your price book."
							+ (offers.isEmpty() ? "" : " The hourly price is known; the capacity is not."),
					true));
			return;
		}
		long units = Math.max(1,
				Math.max(ceilDiv(p95In, offer.inputTpmPerUnit()), ceilDiv(p95Out, offer.outputTpmPerUnit())));
		long overflowIn = 0;
		long overflowOut = 0;
		for (int m = 0; m < inputs.length; m++) {
			overflowIn += Math.max(0, inputs[m] - units * offer.inputTpmPerUnit());
			overflowOut += Math.max(0, outputs[m] - units * offer.outputTpmPerUnit());
		}
		BigDecimal capacity = offer.hourlyPerUnit()
			.multiply(BigDecimal.valueOf(units))
			.multiply(BigDecimal.valueOf(windowMinutes))
			.divide(BigDecimal.valueOf(60), 6, RoundingMode.HALF_EVEN);
		BigDecimal overflow = context.cost(priceKey, TokenCounts.inputOutput(overflowIn, overflowOut));
		if (overflow == null) {
			return;
		}
		BigDecimal projected = capacity.add(overflow);
		BigDecimal fullUse = context.cost(priceKey, TokenCounts.inputOutput(
				units * offer.inputTpmPerUnit() * windowMinutes, units * offer.outputTpmPerUnit() * windowMinutes));
		evidence.put("modelUnits", units);
		evidence.put("commitment", offer.commitment());
		evidence.put("hourlyPerUnit", offer.hourlyPerUnit());
		evidence.put("overflowInputTokens", overflowIn);
		evidence.put("overflowOutputTokens", overflowOut);
		if (fullUse != null && fullUse.signum() > 0) {
			evidence.put("breakEvenUtilisation", capacity.divide(fullUse, 4, RoundingMode.HALF_EVEN));
		}
		if (projected.compareTo(current) >= 0) {
			return;
		}
		found.add(new Opportunity(OpportunityType.PROVISIONED_THROUGHPUT, model, "*", current, projected,
				current.subtract(projected), Confidence.MEDIUM, evidence,
				"Buy " + units + " model unit(s) of Provisioned Throughput for " + model + " in " + region + " ("
						+ offer.commitment() + " commitment), sized for the p95 minute; the busier minutes stay "
						+ "on demand.",
				true));
	}

	private static long ceilDiv(long a, long b) {
		return b <= 0 ? Long.MAX_VALUE : (a + b - 1) / b;
	}

}
