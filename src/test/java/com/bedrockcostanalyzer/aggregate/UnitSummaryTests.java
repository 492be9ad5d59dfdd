package com.bedrockcostanalyzer.aggregate;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.bedrockcostanalyzer.source.InputUnit;
import com.bedrockcostanalyzer.source.UnitFormat;
import com.bedrockcostanalyzer.usage.LongContextRule;
import com.bedrockcostanalyzer.usage.NormalizedModel;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;
import com.bedrockcostanalyzer.usage.UsageRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit's summary checks its sums: what would wrap is rejected where it was read, and
 * nothing is half added.
 */
class UnitSummaryTests {

	private static final LocalDate DAY = LocalDate.of(2026, 10, 2);

	@Test
	void aRecordWhoseCountsWouldCarryASumPast64BitsIsRejectedAndTheSumKept() {
		UnitSummary summary = new UnitSummary(new InputUnit("s", "k", "k", 1, "v", UnitFormat.CSV, null),
				DayRanges.of(DAY, DAY.plusDays(1)), null, LongContextRule.NONE);
		long huge = 5_000_000_000_000_000_000L;

		summary.accept(record(huge), "line 1");
		summary.accept(record(huge), "line 2");
		summary.accept(record(7), "line 3");
		summary.commit();

		assertThat(summary.recordsCounted()).isEqualTo(2);
		UsageTotals totals = summary.series().values().iterator().next().totals;
		assertThat(totals.tokens().input()).isEqualTo(huge + 7);
		assertThat(totals.requests()).isEqualTo(2);
		assertThat(summary.rejects()).containsOnlyKeys("token counts too large to add up (a sum would pass 64 bits)");
		assertThat(summary.rejects().values().iterator().next().sampleLocations()).containsExactly("line 2");
	}

	private static UsageRecord record(long input) {
		return new UsageRecord(DAY, "us-east-1", new NormalizedModel("amazon.nova-pro-v1:0", Scope.REGIONAL, false),
				Tier.STANDARD, "p", 1, 0, 0, 0, new TokenCounts(input, 0, 0, 0, 0));
	}

}
