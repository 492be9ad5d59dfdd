package com.bedrockcostanalyzer.savings;

import java.util.Comparator;

import com.bedrockcostanalyzer.aggregate.MinuteKey;

/**
 * One model's traffic on one application path: what the detectors group usage, minutes,
 * prefixes and opportunities by. Ordered by model, then path.
 */
record TrafficKey(String model, String path) implements Comparable<TrafficKey> {

	private static final Comparator<TrafficKey> ORDER = Comparator.comparing(TrafficKey::model)
		.thenComparing(TrafficKey::path);

	static TrafficKey of(MinuteKey minute) {
		return new TrafficKey(minute.model(), minute.path());
	}

	static TrafficKey of(Opportunity opportunity) {
		return new TrafficKey(opportunity.model(), opportunity.path());
	}

	@Override
	public int compareTo(TrafficKey other) {
		return ORDER.compare(this, other);
	}

}
