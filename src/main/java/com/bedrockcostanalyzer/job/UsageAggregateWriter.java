package com.bedrockcostanalyzer.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.bedrockcostanalyzer.aggregate.InputLedger;
import com.bedrockcostanalyzer.aggregate.UnitSummary;
import com.bedrockcostanalyzer.aggregate.UsageStore;

/**
 * Adds a chunk's summaries to the aggregates and marks their units' days as counted, in the chunk's one transaction:
 * a crash before the commit leaves the units to be read again, a crash after it leaves nothing to redo.
 */
class UsageAggregateWriter implements ItemWriter<UnitSummary> {

	private final UsageStore store;

	private final InputLedger ledger;

	private final Progress progress;

	UsageAggregateWriter(UsageStore store, InputLedger ledger, Progress progress) {
		this.store = store;
		this.ledger = ledger;
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
		// Partitions write at the same time, here or in other processes: one writer per source at a time, so two never
		// insert the same new aggregate row. Reading and summing, the costly parts, stay parallel.
		this.store.lockSources(bySource.keySet().stream().map(this.store::sourceId).toList());
		for (Map.Entry<String, List<UnitSummary>> source : bySource.entrySet()) {
			long sourceId = this.store.sourceId(source.getKey());
			this.store.add(sourceId, sums.get(source.getKey()));
			this.ledger.recordAll(sourceId, source.getValue());
			for (UnitSummary summary : source.getValue()) {
				this.progress.counted(1, summary.unit().size(), summary.recordsCounted());
			}
		}
	}

}
