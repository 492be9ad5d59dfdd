package com.bedrockcostanalyzer.savings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.bedrockcostanalyzer.aggregate.UsageStore.MinuteRow;

/**
 * PROVISIONED_THROUGHPUT and RESERVED from one pass over the standard-tier minutes: the
 * groups come per model, Region and scope, which is what RESERVED prices;
 * PROVISIONED_THROUGHPUT takes a model's scopes in a Region together.
 */
final class CapacityDetectors implements Detector {

	private final ProvisionedThroughputDetector provisioned = new ProvisionedThroughputDetector();

	private final ReservedTierDetector reserved = new ReservedTierDetector();

	@Override
	public List<Opportunity> detect(SavingsContext context) {
		long windowMinutes = context.window().days().size() * 1440L;
		BigDecimal hours = BigDecimal.valueOf(windowMinutes).divide(BigDecimal.valueOf(60));
		BigDecimal monthFactor = SavingsAnalysis.monthFactor(context.window());
		List<Opportunity> found = new ArrayList<>();
		List<MinuteRow> modelRegion = new ArrayList<>();
		String[] current = { null };
		context.profile().standardMinutes((rows) -> {
			this.reserved.detect(context, rows, windowMinutes, hours, found);
			String key = rows.get(0).key().model() + "\n" + rows.get(0).key().region();
			if (current[0] != null && !current[0].equals(key)) {
				this.provisioned.detect(context, new ArrayList<>(modelRegion), windowMinutes, monthFactor, found);
				modelRegion.clear();
			}
			current[0] = key;
			modelRegion.addAll(rows);
		});
		if (!modelRegion.isEmpty()) {
			this.provisioned.detect(context, modelRegion, windowMinutes, monthFactor, found);
		}
		return found;
	}

}
