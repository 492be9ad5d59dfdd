package com.bedrockcostanalyzer.job;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import com.bedrockcostanalyzer.aggregate.InputLedger;
import com.bedrockcostanalyzer.aggregate.UnitSummary;
import com.bedrockcostanalyzer.aggregate.UsageStore;
import com.bedrockcostanalyzer.source.InputSources;
import com.bedrockcostanalyzer.source.InputUnit;
import com.bedrockcostanalyzer.source.InvocationLogParser;
import com.bedrockcostanalyzer.source.NdjsonReader;
import com.bedrockcostanalyzer.source.UsageCsvReader;
import com.bedrockcostanalyzer.savings.SavingsProperties;
import com.bedrockcostanalyzer.usage.UsageProperties;

/**
 * The analysis job: {@code forgetCounted} clears the window when asked to recount ({@code --reprocess}),
 * {@code countUsage} folds input units into the aggregates (one item per file, never per record), then
 * {@code writeReport} prices the aggregates and writes the reports.
 */
@Configuration(proxyBeanMethods = false)
public class AnalyzeJobConfiguration {

	public static final String JOB_NAME = "analyzeJob";

	public static final String REPORT_JOB_NAME = "reportJob";

	/** Files read at once. */
	static final int READ_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

	/**
	 * Files per chunk: one transaction adds what they all counted, summed per key, and marks them done. Larger chunks
	 * spread the commit and the job-repository update over more files; memory holds one chunk's summaries.
	 */
	static final int UNITS_PER_CHUNK = 8 * READ_THREADS;

	/** Bedrock offloads bodies past some tens of KB to S3, so a longer log line is damage, not a record. */
	static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

	@Bean
	Job analyzeJob(JobRepository jobRepository, Step forgetCounted, Step countUsage, Step writeReport) {
		return new JobBuilder(JOB_NAME, jobRepository).start(forgetCounted).next(countUsage).next(writeReport).build();
	}

	/** The report step alone: reports written again from the stored aggregates, no log read. */
	@Bean
	Job reportJob(JobRepository jobRepository, Step writeReport) {
		return new JobBuilder(REPORT_JOB_NAME, jobRepository).start(writeReport).build();
	}

	@Bean
	Step forgetCounted(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ForgetCountedTasklet forgetCountedTasklet) {
		return new StepBuilder("forgetCounted", jobRepository).tasklet(forgetCountedTasklet, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	ForgetCountedTasklet forgetCountedTasklet(@Value("#{stepExecution}") StepExecution stepExecution,
			InputSources sources, UsageStore store, InputLedger ledger) {
		return new ForgetCountedTasklet(request(stepExecution), sources, store, ledger);
	}

	@Bean
	Step countUsage(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			InputUnitReader inputUnitReader, UnitSummaryProcessor unitSummaryProcessor,
			UsageAggregateWriter usageAggregateWriter, Progress progress) {
		// Spring Batch 6 runs the processor (here: reading a whole file) on the executor and keeps reading the list
		// and writing to the database on the step's thread, so files are read in parallel and merged one chunk at a
		// time. Memory is bounded by the summaries of one chunk, whatever the number of files or records.
		SimpleAsyncTaskExecutor readers = new SimpleAsyncTaskExecutor("read-");
		readers.setConcurrencyLimit(READ_THREADS);
		return new StepBuilder("countUsage", jobRepository).<InputUnit, UnitSummary>chunk(UNITS_PER_CHUNK)
			.transactionManager(transactionManager)
			.reader(inputUnitReader)
			.processor(unitSummaryProcessor)
			.writer(usageAggregateWriter)
			.taskExecutor(readers)
			.listener(progress)
			.build();
	}

	@Bean
	Step writeReport(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReportTasklet reportTasklet) {
		return new StepBuilder("writeReport", jobRepository).tasklet(reportTasklet, transactionManager).build();
	}

	@Bean
	@StepScope
	InputUnitReader inputUnitReader(@Value("#{stepExecution}") StepExecution stepExecution, InputSources sources,
			UsageStore store, Progress progress) {
		return new InputUnitReader(request(stepExecution), sources, store, progress);
	}

	@Bean
	@StepScope
	UnitSummaryProcessor unitSummaryProcessor(@Value("#{stepExecution}") StepExecution stepExecution,
			InputSources sources, UsageStore store, InputLedger ledger, UsageProperties usage, Progress progress) {
		AnalysisRequest request = request(stepExecution);
		InvocationLogParser parser = new InvocationLogParser(usage.modelIdNormalizer(), usage.pathResolver());
		return new UnitSummaryProcessor(request, sources, store, ledger,
				new NdjsonReader(parser, MAX_LINE_BYTES),
				new UsageCsvReader(usage.modelIdNormalizer(), request.defaultRegion()), usage, progress);
	}

	@Bean
	@StepScope
	UsageAggregateWriter usageAggregateWriter(UsageStore store, InputLedger ledger, Progress progress) {
		return new UsageAggregateWriter(store, ledger, progress);
	}

	@Bean
	@StepScope
	ReportTasklet reportTasklet(@Value("#{stepExecution}") StepExecution stepExecution, InputSources sources,
			UsageStore store, InputLedger ledger, ObjectProvider<BuildProperties> build, SavingsProperties savings) {
		BuildProperties properties = build.getIfAvailable();
		return new ReportTasklet(request(stepExecution), sources, store, ledger,
				properties != null ? properties.getVersion() : "dev", savings);
	}

	private static AnalysisRequest request(StepExecution stepExecution) {
		return AnalysisRequest.of(stepExecution.getJobExecution().getJobParameters());
	}

}
