package com.bedrockcostanalyzer.savings;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import com.bedrockcostanalyzer.aggregate.UsageStore.CacheRow;
import com.bedrockcostanalyzer.aggregate.UsageStore.MinuteRow;
import com.bedrockcostanalyzer.aggregate.UsageStore.PrefixRow;
import com.bedrockcostanalyzer.aggregate.UsageStore;
import com.bedrockcostanalyzer.usage.Window;

/** The profile read from the job database piece by piece, as the detectors ask for it. */
public record StoredProfile(UsageStore store, Collection<Long> sourceIds, Window window) implements ProfileSource {

	@Override
	public void minutesByTraffic(Consumer<List<MinuteRow>> group) {
		this.store.streamMinutesByTraffic(this.sourceIds, this.window, group);
	}

	@Override
	public void prefixesByTraffic(Consumer<List<PrefixRow>> group) {
		this.store.streamPrefixesByTraffic(this.sourceIds, this.window, group);
	}

	@Override
	public void cachingByTraffic(Consumer<List<CacheRow>> group) {
		this.store.streamCachingByTraffic(this.sourceIds, this.window, group);
	}

	@Override
	public void standardMinutes(Consumer<List<MinuteRow>> group) {
		this.store.streamStandardMinutes(this.sourceIds, this.window, group);
	}

}
