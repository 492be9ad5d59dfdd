package com.bedrockcostanalyzer.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.bedrockcostanalyzer.aggregate.InputLedger;
import com.bedrockcostanalyzer.aggregate.UsageStore;
import com.bedrockcostanalyzer.source.InputSources;
import com.bedrockcostanalyzer.source.InputUnit;

/**
 * Splits the run's input units into partitions of about equal bytes, in listing order:
 * runs of S3 hour folders per account and Region, of local files, of CloudWatch hour
 * slices. Each partition's units are kept in the job database under an id its execution
 * context holds, so a worker in another process reads exactly those, and the listing is
 * made once. A partition re-run after a failure skips, through the ledger, the units it
 * already counted.
 */
class UnitPartitioner implements Partitioner {

	static final String PARTITION_KEY = "bca.partition";

	private final AnalysisRequest request;

	private final InputSources sources;

	private final UsageStore store;

	private final InputLedger ledger;

	private final Progress progress;

	private final PartitionUnits partitionUnits;

	private final int partitions;

	UnitPartitioner(AnalysisRequest request, InputSources sources, UsageStore store, InputLedger ledger,
			Progress progress, PartitionUnits partitionUnits, int partitions) {
		this.request = request;
		this.sources = sources;
		this.store = store;
		this.ledger = ledger;
		this.progress = progress;
		this.partitionUnits = partitionUnits;
		this.partitions = partitions;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		List<InputUnit> all = new ArrayList<>();
		for (String source : this.request.sources()) {
			// Registered here, once, so that the partitions only ever look the source up.
			long sourceId = this.store.sourceId(this.sources.canonicalName(source));
			// What earlier runs could not read is tried again below, if it is still there
			// to be listed.
			this.ledger.forgetTries(sourceId, this.request.window());
			try {
				all.addAll(this.sources.list(source, this.request.window()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot list " + source, ex);
			}
		}
		this.progress.start(all.size(), all.stream().mapToLong(InputUnit::size).sum());
		int count = Math.max(1, Math.min(this.partitions, all.size()));
		List<List<InputUnit>> groups = balanced(all, count);
		this.partitionUnits.clear();
		Map<String, ExecutionContext> result = new HashMap<>();
		for (int i = 0; i < groups.size(); i++) {
			String id = UUID.randomUUID().toString();
			this.partitionUnits.save(id, groups.get(i));
			ExecutionContext context = new ExecutionContext();
			context.putString(PARTITION_KEY, id);
			result.put(String.format("partition%03d", i), context);
		}
		return result;
	}

	/**
	 * Cuts the listing into {@code count} runs of about equal bytes, keeping its order:
	 * the listing goes folder by folder through time, so each partition, and each of its
	 * chunks, covers a short span of days. That keeps the aggregate rows a chunk reads
	 * and adds to within those days (AdditiveTable, DayBlockTable), where a shuffled
	 * partition would touch the whole window in every chunk.
	 */
	static List<List<InputUnit>> balanced(List<InputUnit> units, int count) {
		long total = units.stream().mapToLong(InputUnit::size).sum();
		List<List<InputUnit>> groups = new ArrayList<>();
		List<InputUnit> current = new ArrayList<>();
		long done = 0;
		for (InputUnit unit : units) {
			// Cut before the unit whose middle passes this partition's share of the
			// bytes, so each boundary falls
			// as near its share as the units allow; the last partition takes what is
			// left.
			if (groups.size() < count - 1 && !current.isEmpty()
					&& (2 * done + unit.size()) * count > 2 * total * (groups.size() + 1)) {
				groups.add(current);
				current = new ArrayList<>();
			}
			current.add(unit);
			done += unit.size();
		}
		if (!current.isEmpty() || groups.isEmpty()) {
			groups.add(current);
		}
		return groups;
	}

}
