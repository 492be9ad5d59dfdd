package com.bedrockcostanalyzer.aggregate;

import java.time.LocalDate;

import com.bedrockcostanalyzer.usage.Attribution;
import com.bedrockcostanalyzer.usage.Context;
import com.bedrockcostanalyzer.usage.LongContextRule;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.UsageRecord;

/**
 * What usage is aggregated by: every field a price can depend on, plus the application
 * path and the attribution (the chosen tags of the application inference profile the
 * calls went through, see {@link Attribution}).
 */
public record UsageKey(LocalDate day, String region, String model, Scope scope, Tier tier, Context context, String path,
		String attribution) {

	public UsageKey(LocalDate day, String region, String model, Scope scope, Tier tier, Context context, String path) {
		this(day, region, model, scope, tier, context, path, Attribution.NONE);
	}

	public static UsageKey of(UsageRecord record, LongContextRule longContext) {
		return new UsageKey(record.day(), record.region(), record.model().model(), record.model().scope(),
				record.tier(), longContext.of(record), record.path(), record.model().attribution());
	}

	/**
	 * The same usage with another model, scope or tier: how the detectors price an
	 * alternative.
	 */
	public UsageKey with(String model, Scope scope, Tier tier) {
		return new UsageKey(this.day, this.region, model, scope, tier, this.context, this.path, this.attribution);
	}

	/**
	 * The same usage without its attribution: the per-minute and per-prefix tables, which
	 * serve the detectors, keep traffic apart by path only.
	 */
	public UsageKey withoutAttribution() {
		return this.attribution.isEmpty() ? this
				: new UsageKey(this.day, this.region, this.model, this.scope, this.tier, this.context, this.path);
	}

}
