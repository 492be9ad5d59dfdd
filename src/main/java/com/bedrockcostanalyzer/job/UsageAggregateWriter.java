package com.bedrockcostanalyzer.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

	private static final Logger log = LoggerFactory.getLogger(UsageAggregateWriter.class);

	private static final long PROGRESS_INTERVAL_NANOS = 10_000_000_000L;

	private final UsageStore store;

	private final InputLedger ledger;

	private long units;

	private long records;

	private long lastLog = System.nanoTime();

	UsageAggregateWriter(UsageStore store, InputLedger ledger) {
		this.store = store;
		this.ledger = ledger;
	}

	@Override
	public void write(Chunk<? extends UnitSummary> chunk) {
		Map<String, List<UnitSummary>> bySource = new LinkedHashMap<>();
		for (UnitSummary summary : chunk) {
			bySource.computeIfAbsent(summary.unit().source(), (s) -> new ArrayList<>()).add(summary);
		}
		for (Map.Entry<String, List<UnitSummary>> source : bySource.entrySet()) {
			long sourceId = this.store.sourceId(source.getKey());
			this.store.add(sourceId, source.getValue());
			for (UnitSummary summary : source.getValue()) {
				this.ledger.record(sourceId, summary);
				this.units++;
				this.records += summary.recordsCounted();
			}
		}
		long now = System.nanoTime();
		if (now - this.lastLog >= PROGRESS_INTERVAL_NANOS) {
			log.info("counted {} files, {} records so far", this.units, this.records);
			this.lastLog = now;
		}
	}

}
