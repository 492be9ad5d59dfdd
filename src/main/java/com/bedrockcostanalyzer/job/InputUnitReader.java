package com.bedrockcostanalyzer.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.bedrockcostanalyzer.aggregate.UsageStore;
import com.bedrockcostanalyzer.source.InputSources;
import com.bedrockcostanalyzer.source.InputUnit;

/**
 * Yields the run's input units, not records. It keeps no position of its own: on a restart the listing is made again
 * and the ledger tells which units are already counted.
 */
class InputUnitReader implements ItemStreamReader<InputUnit> {

	private final AnalysisRequest request;

	private final InputSources sources;

	private final UsageStore store;

	private final Progress progress;

	private Iterator<InputUnit> units;

	InputUnitReader(AnalysisRequest request, InputSources sources, UsageStore store, Progress progress) {
		this.request = request;
		this.sources = sources;
		this.store = store;
		this.progress = progress;
	}

	@Override
	public void open(ExecutionContext executionContext) throws ItemStreamException {
		List<InputUnit> all = new ArrayList<>();
		for (String source : this.request.sources()) {
			// Registered here, on one thread, so the parallel readers only ever look the source up.
			this.store.sourceId(this.sources.canonicalName(source));
			try {
				all.addAll(this.sources.list(source, this.request.window()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot list " + source, ex);
			}
		}
		this.progress.start(all.size(), all.stream().mapToLong(InputUnit::size).sum());
		this.units = all.iterator();
	}

	@Override
	public synchronized InputUnit read() {
		return this.units.hasNext() ? this.units.next() : null;
	}

}
