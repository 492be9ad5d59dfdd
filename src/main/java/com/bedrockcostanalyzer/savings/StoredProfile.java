package com.bedrockcostanalyzer.savings;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import com.bedrockcostanalyzer.aggregate.UsageStore;
import com.bedrockcostanalyzer.aggregate.UsageStore.MinuteRow;
import com.bedrockcostanalyzer.aggregate.UsageStore.PrefixRow;
import com.bedrockcostanalyzer.source.Window;

/** The profile read from the job database piece by piece, as the detectors ask for it. */
public record StoredProfile(UsageStore store, Collection<Long> sourceIds, Window window) implements ProfileSource {

	@Override
	public List<MinuteRow> minutes(String model, String path) {
		return this.store.loadMinutes(this.sourceIds, this.window, model, path);
	}

	@Override
	public List<PrefixRow> prefixes(String model, String path) {
		return this.store.loadPrefixes(this.sourceIds, this.window, model, path);
	}

	@Override
	public void standardMinutes(boolean byScope, Consumer<List<MinuteRow>> group) {
		this.store.streamStandardMinutes(this.sourceIds, this.window, byScope, group);
	}

}
