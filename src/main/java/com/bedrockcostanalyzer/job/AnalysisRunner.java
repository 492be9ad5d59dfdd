package com.bedrockcostanalyzer.job;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts an analysis as a Spring Batch job execution. Every run is a new job instance:
 * what is already counted is the ledger's business, not the job repository's, so
 * re-running a finished window regenerates its report and counts only what is new. An
 * execution left STARTED by a killed process is marked as such first.
 */
@Component
public class AnalysisRunner {

	private static final Logger log = LoggerFactory.getLogger(AnalysisRunner.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job analyzeJob;

	private final Job reportJob;

	private final RunLock runLock;

	public AnalysisRunner(JobOperator jobOperator, JobRepository jobRepository, Job analyzeJob, Job reportJob,
			RunLock runLock) {
		this.runLock = runLock;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.analyzeJob = analyzeJob;
		this.reportJob = reportJob;
	}

	/**
	 * @param reportOnly write the reports from the stored aggregates without counting
	 * anything
	 * @throws RunLock.HeldElsewhereException when another run is using the database
	 */
	public AnalysisOutcome run(AnalysisRequest request, boolean reportOnly) throws Exception {
		try (RunLock.Held held = this.runLock.acquire()) {
			return runAlone(request, reportOnly);
		}
	}

	private AnalysisOutcome runAlone(AnalysisRequest request, boolean reportOnly) throws Exception {
		recoverAbandonedExecutions();
		JobExecution execution = this.jobOperator.start(reportOnly ? this.reportJob : this.analyzeJob,
				request.toJobParameters(System.currentTimeMillis()));
		var context = execution.getExecutionContext();
		long rejects = context.containsKey(ReportTasklet.REJECTS_KEY) ? context.getLong(ReportTasklet.REJECTS_KEY) : 0;
		BigDecimal spend = context.containsKey(ReportTasklet.SPEND_KEY)
				? new BigDecimal(context.getString(ReportTasklet.SPEND_KEY)) : null;
		String failure = execution.getAllFailureExceptions()
			.stream()
			.map(AnalysisRunner::describe)
			.distinct()
			.collect(Collectors.joining("; "));
		String savings = context.containsKey(ReportTasklet.SAVINGS_KEY) ? context.getString(ReportTasklet.SAVINGS_KEY)
				: null;
		String flags = context.containsKey(ReportTasklet.FLAGS_KEY) ? context.getString(ReportTasklet.FLAGS_KEY) : "";
		return new AnalysisOutcome(execution.getStatus(), rejects, spend, savings, failure.isEmpty() ? null : failure,
				context.containsKey(ReportTasklet.TOP_SAVING_KEY) ? context.getString(ReportTasklet.TOP_SAVING_KEY)
						: null,
				flags.isEmpty() ? List.of() : List.of(flags.split("\n")),
				context.containsKey(ReportTasklet.BILL_KEY) ? context.getString(ReportTasklet.BILL_KEY) : null,
				context.containsKey(ReportTasklet.COVERAGE_KEY) ? context.getString(ReportTasklet.COVERAGE_KEY) : null,
				context.containsKey(ReportTasklet.DUPLICATES_KEY) ? context.getString(ReportTasklet.DUPLICATES_KEY)
						: null);
	}

	private void recoverAbandonedExecutions() {
		// This run holds the run lock, so a STARTED execution found here belongs to a
		// process that died (kill -9, power
		// loss) and lost the lock with its connection. Its uncommitted chunks were rolled
		// back; the ledger has the rest.
		for (String job : new String[] { AnalyzeJobConfiguration.JOB_NAME, AnalyzeJobConfiguration.REPORT_JOB_NAME }) {
			for (JobExecution running : this.jobRepository.findRunningJobExecutions(job)) {
				log.info("marking execution {} of a process that stopped without finishing as failed", running.getId());
				this.jobOperator.recover(running);
			}
		}
	}

	private static String describe(Throwable failure) {
		Throwable root = failure;
		StringBuilder message = new StringBuilder(String.valueOf(failure.getMessage()));
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
			if (root.getMessage() != null && !message.toString().contains(root.getMessage())) {
				message.append(": ").append(root.getMessage());
			}
		}
		return message.toString();
	}

}
