package com.bedrockcostanalyzer.savings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.bedrockcostanalyzer.aggregate.UsageKey;
import com.bedrockcostanalyzer.aggregate.UsageStore.MinuteRow;
import com.bedrockcostanalyzer.pricing.ProvisionedBook;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;

/**
 * PROVISIONED_THROUGHPUT: the per-minute token profile of a model in a Region (peak, p95, mean) against the capacity
 * and hourly price of a model unit. Enough units for the p95 minute are bought, the minutes above spill to on-demand;
 * proposed only when that is cheaper than what is paid now. Where the unit's capacity is unknown, the row says what
 * to supply and estimates nothing.
 */
final class ProvisionedThroughputDetector implements Detector {

	/** Below this monthly on-demand spend a model is not worth a capacity question. */
	static final BigDecimal MIN_MONTHLY_SPEND = BigDecimal.valueOf(500);

	@Override
	public List<Opportunity> detect(SavingsContext context) {
		long windowMinutes = context.window().days().size() * 1440L;
		BigDecimal monthFactor = SavingsAnalysis.monthFactor(context.window());
		List<Opportunity> found = new ArrayList<>();
		context.profile().standardMinutes(false, (rows) -> detect(context, rows, windowMinutes, monthFactor, found));
		return found;
	}

	void detect(SavingsContext context, List<MinuteRow> rows, long windowMinutes, BigDecimal monthFactor,
			List<Opportunity> found) {
		String model = rows.get(0).key().model();
		String region = rows.get(0).key().region();
		Map<Instant, long[]> perMinute = new TreeMap<>();
		long inputTotal = 0;
		long outputTotal = 0;
		for (MinuteRow row : rows) {
			long[] tpm = perMinute.computeIfAbsent(row.key().minute(), (m) -> new long[2]);
			tpm[0] += row.totals().promptTokens();
			tpm[1] += row.totals().outputTokens();
			inputTotal += row.totals().promptTokens();
			outputTotal += row.totals().outputTokens();
		}
		UsageKey priceKey = new UsageKey(context.window().from(), region, model, Scope.REGIONAL, Tier.STANDARD,
				"");
		BigDecimal current = context.cost(priceKey, new TokenCounts(inputTotal, outputTotal, 0, 0, 0));
		if (current == null || current.multiply(monthFactor).compareTo(MIN_MONTHLY_SPEND) < 0) {
			return;
		}
		long[] inputs = new long[(int) Math.min(windowMinutes, Integer.MAX_VALUE)];
		long[] outputs = new long[inputs.length];
		int i = 0;
		for (long[] tpm : perMinute.values()) {
			inputs[i] = tpm[0];
			outputs[i] = tpm[1];
			i++;
		}
		Map<String, Object> evidence = new LinkedHashMap<>();
		evidence.put("region", region);
		evidence.put("peakInputTpm", max(inputs));
		evidence.put("p95InputTpm", percentile(inputs, 0.95));
		evidence.put("meanInputTpm", inputTotal / Math.max(1, windowMinutes));
		evidence.put("peakOutputTpm", max(outputs));
		evidence.put("p95OutputTpm", percentile(outputs, 0.95));
		evidence.put("meanOutputTpm", outputTotal / Math.max(1, windowMinutes));
		evidence.put("activeMinutes", perMinute.size());
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
		long p95In = percentile(inputs, 0.95);
		long p95Out = percentile(outputs, 0.95);
		long units = Math.max(1, Math.max(ceilDiv(p95In, offer.inputTpmPerUnit()),
				ceilDiv(p95Out, offer.outputTpmPerUnit())));
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
		BigDecimal overflow = context.cost(priceKey, new TokenCounts(overflowIn, overflowOut, 0, 0, 0));
		if (overflow == null) {
			return;
		}
		BigDecimal projected = capacity.add(overflow);
		BigDecimal fullUse = context.cost(priceKey,
				new TokenCounts(units * offer.inputTpmPerUnit() * windowMinutes,
						units * offer.outputTpmPerUnit() * windowMinutes, 0, 0, 0));
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

	private static long max(long[] values) {
		return Arrays.stream(values).max().orElse(0);
	}

	/** The value at the percentile over every minute of the window, quiet minutes counted as zero. */
	static long percentile(long[] values, double p) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
