package com.bedrockcostanalyzer.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * How many lines of one unit were rejected for one reason, with the first few locations
 * as samples.
 */
public final class RejectTally {

	static final int MAX_SAMPLES = 5;

	private long count;

	private final List<String> sampleLocations = new ArrayList<>();

	void add(String location) {
		this.count++;
		if (this.sampleLocations.size() < MAX_SAMPLES) {
			this.sampleLocations.add(location);
		}
	}

	void add(RejectTally other) {
		this.count += other.count;
		for (String location : other.sampleLocations) {
			if (this.sampleLocations.size() < MAX_SAMPLES) {
				this.sampleLocations.add(location);
			}
		}
	}

	public long count() {
		return this.count;
	}

	public List<String> sampleLocations() {
		return this.sampleLocations;
	}

}
