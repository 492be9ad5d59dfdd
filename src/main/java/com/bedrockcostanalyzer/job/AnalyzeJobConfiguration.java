package com.bedrockcostanalyzer.job;

import java.util.Map;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import com.bedrockcostanalyzer.aggregate.CountedRequests;
import com.bedrockcostanalyzer.aggregate.InputLedger;
import com.bedrockcostanalyzer.aggregate.UnitSummary;
import com.bedrockcostanalyzer.aggregate.UsageStore;
import com.bedrockcostanalyzer.alerts.BudgetProperties;
import com.bedrockcostanalyzer.alerts.Notices;
import com.bedrockcostanalyzer.alerts.NotifyProperties;
import com.bedrockcostanalyzer.ledger.SavingsLedger;
import com.bedrockcostanalyzer.lifecycle.LifecycleNotices;
import com.bedrockcostanalyzer.profiles.ApplicationProfiles;
import com.bedrockcostanalyzer.report.FocusProperties;
import com.bedrockcostanalyzer.source.InputSources;
import com.bedrockcostanalyzer.source.InputUnit;
import com.bedrockcostanalyzer.source.InvocationLogParser;
import com.bedrockcostanalyzer.source.JsonDocumentReader;
import com.bedrockcostanalyzer.source.NdjsonReader;
import com.bedrockcostanalyzer.source.SubscriptionEnvelopeReader;
import com.bedrockcostanalyzer.source.UsageCsvReader;
import com.bedrockcostanalyzer.savings.SavingsProperties;
import com.bedrockcostanalyzer.usage.CallerPseudonyms;
import com.bedrockcostanalyzer.usage.ModelIdNormalizer;
import com.bedrockcostanalyzer.usage.PathResolver;
import com.bedrockcostanalyzer.usage.UsageProperties;

/**
 * The analysis job: {@code forgetCounted} clears the window when asked to recount
 * ({@code --reprocess}), {@code countUsage} folds input units into the aggregates in
 * partitions (one item per file, never per record), then {@code writeReport} prices the
 * aggregates and writes the reports.
 */
@Configuration(proxyBeanMethods = false)
public class AnalyzeJobConfiguration {

	public static final String JOB_NAME = "analyzeJob";

	public static final String REPORT_JOB_NAME = "reportJob";

	/**
	 * Files per chunk: one transaction adds what they all counted, summed per key, and
	 * marks them done. Larger chunks spread the commit and the job-repository update over
	 * more files, and rewrite each day's stored minute blocks fewer times (the writer
	 * reads, adds to and writes back a whole day's block per series, holding the source's
	 * lock); memory holds one chunk's summaries per partition being read.
	 * docs/performance.md has the measures.
	 */
	static final int UNITS_PER_CHUNK = 128;

	/**
	 * Bedrock offloads bodies past some tens of KB to S3, so a longer log line is damage,
	 * not a record.
	 */
	static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

	@Bean
	Job analyzeJob(JobRepository jobRepository, Step forgetCounted, Step countUsage, Step writeReport) {
		return new JobBuilder(JOB_NAME, jobRepository).start(forgetCounted).next(countUsage).next(writeReport).build();
	}

	/**
	 * The report step alone: reports written again from the stored aggregates, no log
	 * read.
	 */
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
			InputSources sources, UsageStore store, InputLedger ledger, CountedRequests requests) {
		return new ForgetCountedTasklet(request(stepExecution), sources, store, ledger, requests);
	}

	/**
	 * Counting, spread: the units are split into partitions of about equal bytes, and the
	 * partitions are read on a pool of {@code bca.scale.workers} threads (by default one
	 * per core), each a step execution of its own. In a manager process the same
	 * partitions go to worker processes instead (see RemotePartitioningConfiguration).
	 */
	@Bean
	@ConditionalOnExpression("'${bca.scale.role:standalone}' != '" + ScaleProperties.MANAGER + "'")
	Step countUsage(JobRepository jobRepository, Step countPartition, UnitPartitioner unitPartitioner,
			ScaleProperties scale, Progress progress) {
		SimpleAsyncTaskExecutor workers = new SimpleAsyncTaskExecutor("read-");
		workers.setConcurrencyLimit(scale.effectiveWorkers());
		return new StepBuilder("countUsage", jobRepository).partitioner("countPartition", unitPartitioner)
			.step(countPartition)
			.gridSize(scale.partitions())
			.taskExecutor(workers)
			.listener(progress)
			.build();
	}

	/**
	 * One partition: its units are read one after the other, and each chunk's summaries
	 * are added to the aggregates together with the ledger entries in one transaction.
	 * Memory is bounded by the summaries of one chunk per partition in flight, whatever
	 * the number of files or records.
	 */
	@Bean
	Step countPartition(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PartitionUnitReader partitionUnitReader, UnitSummaryProcessor unitSummaryProcessor,
			UsageAggregateWriter usageAggregateWriter) {
		return new StepBuilder("countPartition", jobRepository).<InputUnit, UnitSummary>chunk(UNITS_PER_CHUNK)
			.transactionManager(transactionManager)
			.reader(partitionUnitReader)
			.processor(unitSummaryProcessor)
			.writer(usageAggregateWriter)
			.build();
	}

	@Bean
	@StepScope
	UnitPartitioner unitPartitioner(@Value("#{stepExecution}") StepExecution stepExecution, InputSources sources,
			UsageStore store, InputLedger ledger, Progress progress, PartitionUnits partitionUnits,
			ScaleProperties scale) {
		return new UnitPartitioner(request(stepExecution), sources, store, ledger, progress, partitionUnits,
				scale.partitions());
	}

	@Bean
	@StepScope
	PartitionUnitReader partitionUnitReader(@Value("#{stepExecution}") StepExecution stepExecution,
			PartitionUnits partitionUnits) {
		return new PartitionUnitReader(
				partitionUnits.load(stepExecution.getExecutionContext().getString(UnitPartitioner.PARTITION_KEY)));
	}

	@Bean
	Step writeReport(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReportTasklet reportTasklet) {
		return new StepBuilder("writeReport", jobRepository).tasklet(reportTasklet, transactionManager).build();
	}

	@Bean
	@StepScope
	UnitSummaryProcessor unitSummaryProcessor(@Value("#{stepExecution}") StepExecution stepExecution,
			InputSources sources, UsageStore store, InputLedger ledger, UsageProperties usage,
			CallerPseudonyms pseudonyms, ApplicationProfiles profiles, Progress progress) {
		AnalysisRequest request = request(stepExecution);
		ModelIdNormalizer models = usage
			.modelIdNormalizer(profiles.resolver(request.sources().stream().anyMatch(sources::overNetwork)));
		InvocationLogParser parser = new InvocationLogParser(models, usage.pathResolver(pseudonyms));
		return new UnitSummaryProcessor(request, sources, store, ledger, new NdjsonReader(parser, MAX_LINE_BYTES),
				new SubscriptionEnvelopeReader(parser), new JsonDocumentReader(parser),
				new UsageCsvReader(models, request.defaultRegion(), parser), usage, progress);
	}

	@Bean
	@StepScope
	UsageAggregateWriter usageAggregateWriter(@Value("#{stepExecution}") StepExecution stepExecution, UsageStore store,
			InputLedger ledger, CountedRequests requests, UnitSummaryProcessor unitSummaryProcessor,
			Progress progress) {
		return new UsageAggregateWriter(store, ledger, requests, unitSummaryProcessor::read, progress,
				stepExecution.getJobExecutionId());
	}

	@Bean
	@StepScope
	ReportTasklet reportTasklet(@Value("#{stepExecution}") StepExecution stepExecution, InputSources sources,
			UsageStore store, InputLedger ledger, CountedRequests requests, ObjectProvider<BuildProperties> build,
			SavingsProperties savings, UsageProperties usage, CallerPseudonyms pseudonyms, LifecycleNotices lifecycle,
			BudgetProperties budgets, NotifyProperties notify, Notices notices, SavingsLedger savingsLedger,
			FocusProperties focus) {
		BuildProperties properties = build.getIfAvailable();
		PathResolver paths = usage.pathResolver(pseudonyms);
		return new ReportTasklet(request(stepExecution), sources, store, ledger, requests,
				properties != null ? properties.getVersion() : "dev", savings,
				new ReportTasklet.BillAttribution((arn) -> paths.resolve(Map.of(), arn),
						usage.inferenceProfiles().attributionTags()),
				lifecycle, new ReportTasklet.FollowUp(budgets, notify, notices, savingsLedger, focus));
	}

	private static AnalysisRequest request(StepExecution stepExecution) {
		return AnalysisRequest.of(stepExecution.getJobExecution().getJobParameters());
	}

}
