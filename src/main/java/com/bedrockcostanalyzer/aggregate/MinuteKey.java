package com.bedrockcostanalyzer.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.UsageRecord;

/** A minute of traffic of one model and path. */
public record MinuteKey(Instant minute, String region, String model, Scope scope, Tier tier, String path) {

	static MinuteKey of(UsageRecord record) {
		return new MinuteKey(record.detail().timestamp().truncatedTo(ChronoUnit.MINUTES), record.region(),
				record.model().model(), record.model().scope(), record.tier(), record.path());
	}

	public LocalDate day() {
		return LocalDate.ofInstant(this.minute, ZoneOffset.UTC);
	}

}
