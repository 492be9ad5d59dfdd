package com.bedrockcostanalyzer.aggregate;

import java.time.LocalDate;

import com.bedrockcostanalyzer.usage.Context;
import com.bedrockcostanalyzer.usage.LongContextRule;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.UsageRecord;

/** What usage is aggregated by: every field a price can depend on, plus the application path. */
public record UsageKey(LocalDate day, String region, String model, Scope scope, Tier tier, Context context,
		String path) {

	public static UsageKey of(UsageRecord record, LongContextRule longContext) {
		return new UsageKey(record.day(), record.region(), record.model().model(), record.model().scope(),
				record.tier(), longContext.of(record), record.path());
	}

	/** The same usage with another model, scope or tier: how the detectors price an alternative. */
	public UsageKey with(String model, Scope scope, Tier tier) {
		return new UsageKey(this.day, this.region, model, scope, tier, this.context, this.path);
	}

}
