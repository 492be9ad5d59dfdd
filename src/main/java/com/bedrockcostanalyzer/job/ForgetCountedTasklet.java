package com.bedrockcostanalyzer.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.bedrockcostanalyzer.aggregate.CountedRequests;
import com.bedrockcostanalyzer.aggregate.InputLedger;
import com.bedrockcostanalyzer.aggregate.UsageStore;
import com.bedrockcostanalyzer.source.InputSources;

/**
 * {@code --reprocess}: before counting, forget what the run's sources added for its
 * window, in one transaction, so the counting step reads every file of the window again.
 * Without the flag it does nothing.
 */
class ForgetCountedTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ForgetCountedTasklet.class);

	private final AnalysisRequest request;

	private final InputSources sources;

	private final UsageStore store;

	private final InputLedger ledger;

	private final CountedRequests requests;

	ForgetCountedTasklet(AnalysisRequest request, InputSources sources, UsageStore store, InputLedger ledger,
			CountedRequests requests) {
		this.request = request;
		this.sources = sources;
		this.store = store;
		this.ledger = ledger;
		this.requests = requests;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		if (!this.request.reprocess()) {
			return RepeatStatus.FINISHED;
		}
		for (String source : this.request.sources()) {
			long id = this.store.sourceId(this.sources.canonicalName(source));
			int rows = this.store.forget(id, this.request.window());
			this.requests.forget(id, this.request.window());
			int reads = this.ledger.forget(id, this.request.window());
			log.info("--reprocess: forgot {} aggregate rows and {} file readings of {} for {}", rows, reads, source,
					this.request.window());
		}
		return RepeatStatus.FINISHED;
	}

}
