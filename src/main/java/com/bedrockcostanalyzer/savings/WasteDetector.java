package com.bedrockcostanalyzer.savings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.bedrockcostanalyzer.aggregate.UsageTotals;

/**
 * WASTE: spend on responses cut off at {@code max_tokens} (paid for, and usually asked
 * again), and failed or throttled requests (not billed, but a sign of retries and lost
 * work).
 */
final class WasteDetector implements Detector {

	static final double ERROR_SHARE = 0.05;

	@Override
	public List<Opportunity> detect(SavingsContext context) {
		List<Opportunity> found = new ArrayList<>();
		for (SavingsContext.Traffic traffic : context.traffic()) {
			UsageTotals totals = traffic.totals((r) -> true);
			long calls = totals.requests() + totals.errors();
			if (calls == 0) {
				continue;
			}
			Map<String, Object> evidence = new LinkedHashMap<>();
			evidence.put("requests", totals.requests());
			evidence.put("truncatedRequests", totals.truncatedRequests());
			evidence.put("failedRequests", totals.errors());
			evidence.put("failedShare", TrafficShape.round((double) totals.errors() / calls));
			if (totals.truncatedRequests() > 0) {
				BigDecimal cost = context.actualCost(traffic.rows());
				if (cost != null && totals.requests() > 0) {
					// An upper bound: truncated requests are assumed to cost what an
					// average request does.
					BigDecimal wasted = cost.multiply(BigDecimal.valueOf(totals.truncatedRequests()))
						.divide(BigDecimal.valueOf(totals.requests()), 10, RoundingMode.HALF_EVEN);
					found.add(new Opportunity(OpportunityType.WASTE, traffic.model(), traffic.path(), wasted,
							BigDecimal.ZERO, wasted, Confidence.LOW, evidence,
							"Responses of " + traffic.path() + " stop at max_tokens: raise the limit or ask for "
									+ "shorter answers, so they are not paid for and then asked again (an upper bound).",
							true));
					continue;
				}
			}
			if ((double) totals.errors() / calls >= ERROR_SHARE) {
				found.add(new Opportunity(OpportunityType.WASTE, traffic.model(), traffic.path(),
						context.actualCost(traffic.rows()), null, null, Confidence.MEDIUM, evidence,
						"Many calls of " + traffic.path() + " fail (throttled or rejected; not billed): raise the "
								+ "quota or add backoff, so the work is not lost or retried blindly.",
						true));
			}
		}
		return found;
	}

}
