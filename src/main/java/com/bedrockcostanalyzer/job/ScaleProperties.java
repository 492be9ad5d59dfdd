package com.bedrockcostanalyzer.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the counting step spreads: over threads of this process ({@code standalone}), or as
 * a {@code manager} that sends partitions over a broker to {@code worker} processes
 * sharing the job database.
 *
 * @param workers partitions read at once: threads here, or (manager) the worker threads
 * expected in all; 0 = cores
 * @param role {@code standalone}, {@code manager} or {@code worker}
 * @param queue the broker queue partitions are sent on
 * @param workerThreads partitions one worker process reads at once; 0 = its cores
 * @param partitionTimeoutMinutes how long a manager waits for its partitions before
 * failing the run (a re-run counts what is left)
 */
@ConfigurationProperties("bca.scale")
public record ScaleProperties(@DefaultValue("0") int workers, @DefaultValue("standalone") String role,
		@DefaultValue("bca.partitions") String queue, @DefaultValue("0") int workerThreads,
		@DefaultValue("720") long partitionTimeoutMinutes) {

	public static final String STANDALONE = "standalone";

	public static final String MANAGER = "manager";

	public static final String WORKER = "worker";

	private static final int CORES = Runtime.getRuntime().availableProcessors();

	public ScaleProperties {
		if (!role.equals(STANDALONE) && !role.equals(MANAGER) && !role.equals(WORKER)) {
			throw new IllegalArgumentException("bca.scale.role is standalone, manager or worker, not '" + role + "'");
		}
	}

	/**
	 * The default threads of a run that reads S3 or CloudWatch Logs: an object's first
	 * byte takes tens of milliseconds to arrive, more than reading the object then takes,
	 * so one thread per core would leave the cores waiting.
	 */
	public static int networkWorkers() {
		return 4 * CORES;
	}

	/**
	 * Partitions this process reads at once: its threads as a standalone run or a worker,
	 * none as a manager.
	 */
	int readingThreads() {
		return switch (this.role) {
			case MANAGER -> 0;
			case WORKER -> effectiveWorkerThreads();
			default -> effectiveWorkers();
		};
	}

	int effectiveWorkers() {
		return this.workers > 0 ? this.workers : CORES;
	}

	int effectiveWorkerThreads() {
		return this.workerThreads > 0 ? this.workerThreads : CORES;
	}

	/**
	 * Partitions per run: several per worker, so a slow one does not hold the run up and
	 * a failed one re-reads little.
	 */
	int partitions() {
		return 4 * effectiveWorkers();
	}

}
