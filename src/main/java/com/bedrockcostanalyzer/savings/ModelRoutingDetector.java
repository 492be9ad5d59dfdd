package com.bedrockcostanalyzer.savings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.bedrockcostanalyzer.aggregate.DailyUsage;
import com.bedrockcostanalyzer.aggregate.UsageTotals;
import com.bedrockcostanalyzer.pricing.ModelFacts;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;

/**
 * MODEL_ROUTING: an expensive model serving easy requests (short, steady outputs that are
 * small next to the input, the shape of classification and extraction), priced on its
 * cheaper sibling. Cost only: whether the cheaper model answers as well is for the user
 * to measure.
 */
final class ModelRoutingDetector implements Detector {

	static final String WARNING = "cost only — quality not verified; evaluate on a sample first";

	@Override
	public List<Opportunity> detect(SavingsContext context) {
		SavingsProperties settings = context.settings();
		List<Opportunity> found = new ArrayList<>();
		for (SavingsContext.Traffic traffic : context.traffic()) {
			String cheaper = settings.routingLadder().get(traffic.model());
			List<DailyUsage> rows = traffic.rows().stream().filter((r) -> r.key().tier() == Tier.STANDARD).toList();
			if (cheaper == null || rows.isEmpty()) {
				continue;
			}
			UsageTotals totals = traffic.totals((r) -> r.key().tier() == Tier.STANDARD);
			long n = totals.requests();
			if (n == 0) {
				continue;
			}
			double meanOutput = (double) totals.tokens().output() / n;
			double variance = Math.max(0, (double) totals.outputTokensSquared() / n - meanOutput * meanOutput);
			double spread = meanOutput == 0 ? 0 : Math.sqrt(variance) / meanOutput;
			long prompt = totals.tokens().input() + totals.tokens().cacheRead() + totals.tokens().cacheWrite();
			double outputToInput = prompt == 0 ? Double.MAX_VALUE : (double) totals.tokens().output() / prompt;
			boolean easy = meanOutput <= settings.routingMaxMeanOutputTokens() && outputToInput <= 0.25 && spread <= 1.0
					&& totals.truncatedRequests() == 0;
			if (!easy) {
				continue;
			}
			BigDecimal current = context.actualCost(rows);
			// The cheaper model may count the same text as more tokens (or fewer): priced
			// at the high end of the published factor, so the saving is the one to count
			// on.
			ModelFacts.TokenFactor factor = context.facts().tokenFactor(traffic.model(), cheaper);
			UnaryOperator<TokenCounts> recount = (factor == null || factor.same()) ? UnaryOperator.identity()
					: (tokens) -> tokens.scaled(factor.high());
			BigDecimal onCheaper = context.cost(rows, (k) -> k.with(cheaper, k.scope(), k.tier()), recount);
			if (current == null || onCheaper == null || onCheaper.compareTo(current) >= 0) {
				continue;
			}
			boolean measured = settings.routingShare() == null && totals.measuredPromptTokens() > 0;
			BigDecimal share = (settings.routingShare() != null)
					? BigDecimal.valueOf(settings.routingShare()).movePointLeft(2)
					: measured
							? BigDecimal.valueOf(totals.shortPromptTokens())
								.divide(BigDecimal.valueOf(totals.measuredPromptTokens()), 4, RoundingMode.HALF_EVEN)
							: BigDecimal.ONE;
			if (share.signum() == 0) {
				continue;
			}
			BigDecimal saving = current.subtract(onCheaper).multiply(share);
			Map<String, Object> evidence = new LinkedHashMap<>();
			evidence.put("requests", n);
			evidence.put("meanOutputTokens", TrafficShape.round(meanOutput));
			evidence.put("outputSpread", TrafficShape.round(spread));
			evidence.put("outputToInputRatio", TrafficShape.round(outputToInput));
			evidence.put("truncatedRequests", totals.truncatedRequests());
			evidence.put("cheaperModel", cheaper);
			evidence.put("tokenizerFactor", (factor == null) ? "not documented; taken as 1" : factor.label());
			evidence.put("routedShare", share.stripTrailingZeros().toPlainString());
			evidence
				.put("routedShareIs",
						settings.routingShare() != null ? "set (routing-share)"
								: measured ? "measured: prompt tokens of requests answered in at most "
										+ UsageTotals.SHORT_ANSWER_TOKENS + " tokens and a quarter of their prompt"
										: "assumed: usage exports do not tell single requests apart");
			evidence.put("shortRequests", totals.shortRequests());
			evidence.put("warning", WARNING);
			found.add(new Opportunity(OpportunityType.MODEL_ROUTING, traffic.model(), traffic.path(), current,
					current.subtract(saving).setScale(current.scale() + 2, RoundingMode.HALF_EVEN), saving,
					Confidence.LOW, evidence,
					"Try " + cheaper + " for " + traffic.path() + " ("
							+ share.movePointRight(2).stripTrailingZeros().toPlainString() + "% of its traffic"
							+ (measured ? ", the requests with short answers" : "") + "): " + WARNING + ".",
					true));
		}
		return found;
	}

}
