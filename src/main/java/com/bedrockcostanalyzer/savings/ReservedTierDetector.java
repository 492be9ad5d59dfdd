package com.bedrockcostanalyzer.savings;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.bedrockcostanalyzer.aggregate.MinuteTotals;
import com.bedrockcostanalyzer.aggregate.UsageKey;
import com.bedrockcostanalyzer.aggregate.UsageStore.MinuteRow;
import com.bedrockcostanalyzer.pricing.ReservedBook;
import com.bedrockcostanalyzer.usage.Context;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;

/**
 * RESERVED: input and output tokens-per-minute reserved at the p95 minute of a model's
 * profile (per Region and scope), the busier minutes spilling to the standard tier. The
 * 1-month term costs what on-demand does at full use, so only steady traffic on a longer
 * term ever saves; proposed only when it does.
 */
final class ReservedTierDetector {

	void detect(SavingsContext context, List<MinuteRow> rows, long windowMinutes, BigDecimal hours,
			List<Opportunity> found) {
		var first = rows.get(0).key();
		List<ReservedBook.Row> offers = context.reserved().rows(first.model(), first.region(), first.scope());
		if (offers.isEmpty()) {
			return;
		}
		TokensPerMinute tpm = TokensPerMinute.of(rows, windowMinutes, MinuteTotals::inputTokens);
		long[] inputs = tpm.inputs();
		long[] outputs = tpm.outputs();
		UsageKey key = new UsageKey(context.window().from(), first.region(), first.model(), first.scope(),
				Tier.STANDARD, Context.STANDARD, "");
		BigDecimal current = context.cost(key, TokenCounts.inputOutput(tpm.inputTotal(), tpm.outputTotal()));
		if (current == null || current.signum() == 0) {
			return;
		}
		long reservedIn = (tpm.inputPercentile(0.95) + 999) / 1000;
		long reservedOut = (tpm.outputPercentile(0.95) + 999) / 1000;
		long overflowIn = 0;
		long overflowOut = 0;
		for (int m = 0; m < inputs.length; m++) {
			overflowIn += Math.max(0, inputs[m] - reservedIn * 1000);
			overflowOut += Math.max(0, outputs[m] - reservedOut * 1000);
		}
		BigDecimal overflow = context.cost(key, TokenCounts.inputOutput(overflowIn, overflowOut));
		if (overflow == null) {
			return;
		}
		Opportunity best = null;
		for (ReservedBook.Row offer : offers) {
			BigDecimal reserved = hours.multiply(offer.inputPer1kTpmHour()
				.multiply(BigDecimal.valueOf(reservedIn))
				.add(offer.outputPer1kTpmHour().multiply(BigDecimal.valueOf(reservedOut))));
			BigDecimal projected = reserved.add(overflow);
			if (projected.compareTo(current) >= 0 || (best != null && projected.compareTo(best.projectedCost()) >= 0)) {
				continue;
			}
			Map<String, Object> evidence = new LinkedHashMap<>();
			evidence.put("region", first.region());
			evidence.put("scope", first.scope().label());
			evidence.put("term", offer.term());
			evidence.put("reservedInputKtpm", reservedIn);
			evidence.put("reservedOutputKtpm", reservedOut);
			evidence.put("inputUtilisation", TrafficShape.round(reservedIn == 0 ? 0
					: (double) (tpm.inputTotal() - overflowIn) / (reservedIn * 1000 * windowMinutes)));
			evidence.put("overflowInputTokens", overflowIn);
			evidence.put("overflowOutputTokens", overflowOut);
			best = new Opportunity(OpportunityType.RESERVED, first.model(), "*", current, projected,
					current.subtract(projected), Confidence.MEDIUM, evidence,
					"Reserve " + reservedIn + "K input and " + reservedOut + "K output tokens per minute of "
							+ first.model() + " (" + first.scope().label() + ", " + first.region() + ") for "
							+ offer.term() + " through your account team; the busier minutes stay on demand.",
					true);
		}
		if (best != null) {
			found.add(best);
		}
	}

}
