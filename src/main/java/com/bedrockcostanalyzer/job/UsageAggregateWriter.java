package com.bedrockcostanalyzer.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.bedrockcostanalyzer.aggregate.CountedRequests;
import com.bedrockcostanalyzer.aggregate.InputLedger;
import com.bedrockcostanalyzer.aggregate.UnitSummary;
import com.bedrockcostanalyzer.aggregate.UsageStore;

/**
 * Adds a chunk's summaries to the aggregates and marks their units' days as counted, in
 * the chunk's one transaction: a crash before the commit leaves the units to be read
 * again, a crash after it leaves nothing to redo. The invocations' ids go in with them: a
 * copy of one counted before is left out (its unit read again without it).
 */
class UsageAggregateWriter implements ItemWriter<UnitSummary> {

	private final UsageStore store;

	private final InputLedger ledger;

	private final CountedRequests requests;

	private final UnaryOperator<UnitSummary> readAgain;

	private final Progress progress;

	private final long run;

	UsageAggregateWriter(UsageStore store, InputLedger ledger, CountedRequests requests,
			UnaryOperator<UnitSummary> readAgain, Progress progress, long run) {
		this.run = run;
		this.store = store;
		this.ledger = ledger;
		this.requests = requests;
		this.readAgain = readAgain;
		this.progress = progress;
	}

	@Override
	public void write(Chunk<? extends UnitSummary> chunk) {
		Map<String, List<UnitSummary>> bySource = new LinkedHashMap<>();
		for (UnitSummary summary : chunk) {
			bySource.computeIfAbsent(summary.unit().source(), (s) -> new ArrayList<>()).add(summary);
		}
		Map<String, UsageStore.Sums> sums = new LinkedHashMap<>();
		bySource.forEach((source, summaries) -> sums.put(source, UsageStore.sum(summaries)));
		boolean ids = CountedRequests.anyIn(chunk.getItems());
		if (ids) {
			// Ids are checked against all sources', so their writers take turns; CSV
			// exports and batch outputs,
			// which have none, never wait for this lock.
			this.requests.lock();
		}
		// Partitions write at the same time, here or in other processes: one writer per
		// source at a time, so two never
		// insert the same new aggregate row. Reading and summing, the costly parts, stay
		// parallel.
		this.store.lockSources(bySource.keySet().stream().map(this.store::sourceId).toList());
		Map<String, Map<String, Long>> unitIds = new HashMap<>();
		for (Map.Entry<String, List<UnitSummary>> source : bySource.entrySet()) {
			unitIds.put(source.getKey(), this.ledger.unitIds(this.store.sourceId(source.getKey()), source.getValue()));
		}
		ToLongFunction<UnitSummary> unitIdOf = (s) -> unitIds.get(s.unit().source()).get(s.unit().key());
		if (ids) {
			dropCopies(bySource, unitIdOf, sums);
		}
		for (Map.Entry<String, List<UnitSummary>> source : bySource.entrySet()) {
			long sourceId = this.store.sourceId(source.getKey());
			Map<String, Long> units = unitIds.get(source.getKey());
			this.store.add(sourceId, sums.get(source.getKey()));
			this.ledger.recordAll(source.getValue(), units);
			for (UnitSummary summary : source.getValue()) {
				this.progress.counted(1, summary.unit().size(), summary.recordsCounted());
			}
		}
		if (ids) {
			this.requests.record(all(bySource), unitIdOf);
		}
	}

	/**
	 * Replaces the summaries holding copies of invocations counted before by summaries
	 * without them.
	 */
	private void dropCopies(Map<String, List<UnitSummary>> bySource, ToLongFunction<UnitSummary> unitIdOf,
			Map<String, UsageStore.Sums> sums) {
		List<UnitSummary> kept = this.requests.withoutCopies(this.run, all(bySource), unitIdOf, this.readAgain);
		int next = 0;
		for (Map.Entry<String, List<UnitSummary>> source : bySource.entrySet()) {
			List<UnitSummary> summaries = source.getValue();
			boolean changed = false;
			for (int i = 0; i < summaries.size(); i++) {
				UnitSummary sound = kept.get(next++);
				changed |= sound != summaries.get(i);
				summaries.set(i, sound);
			}
			if (changed) {
				sums.put(source.getKey(), UsageStore.sum(summaries));
			}
		}
	}

	private static List<UnitSummary> all(Map<String, List<UnitSummary>> bySource) {
		List<UnitSummary> all = new ArrayList<>();
		bySource.values().forEach(all::addAll);
		return all;
	}

}
