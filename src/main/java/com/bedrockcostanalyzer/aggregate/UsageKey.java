package com.bedrockcostanalyzer.aggregate;

import java.time.LocalDate;

import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.UsageRecord;

/** What usage is aggregated by: every field a price can depend on, plus the application path. */
public record UsageKey(LocalDate day, String region, String model, Scope scope, Tier tier, String path) {

	public static UsageKey of(UsageRecord record) {
		return new UsageKey(record.day(), record.region(), record.model().model(), record.model().scope(),
				record.tier(), record.path());
	}

}
