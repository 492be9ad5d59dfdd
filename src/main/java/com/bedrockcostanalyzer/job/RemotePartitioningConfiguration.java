package com.bedrockcostanalyzer.job;

import java.time.Duration;

import jakarta.jms.ConnectionFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;

/**
 * Counting spread over processes with Spring Batch's remote partitioning. The manager
 * splits the run into the same partitions as a standalone run, records them in the shared
 * job database and sends each one's step-execution id over a JMS queue; worker processes
 * take them off the queue and run the partition step, and the manager polls the database
 * until every partition has finished. A worker's JMS session is transacted and commits
 * only when its partition has ended, so a partition whose worker is killed goes back on
 * the queue to another worker, which counts what the ledger does not already have. The
 * message is plain text ({@code stepName:stepExecutionId}), so any JMS broker carries it
 * without Java serialization.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${bca.scale.role:standalone}' != '" + ScaleProperties.STANDALONE + "'")
@EnableIntegration
class RemotePartitioningConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RemotePartitioningConfiguration.class);

	@Bean
	@ConditionalOnProperty(name = "bca.scale.role", havingValue = ScaleProperties.MANAGER)
	DirectChannel partitionRequests() {
		return new DirectChannel();
	}

	@Bean
	@ConditionalOnProperty(name = "bca.scale.role", havingValue = ScaleProperties.MANAGER)
	Step countUsage(JobRepository jobRepository, UnitPartitioner unitPartitioner, ScaleProperties scale,
			Progress progress, DirectChannel partitionRequests, BeanFactory beanFactory) {
		return new RemotePartitioningManagerStepBuilder("countUsage", jobRepository)
			.partitioner("countPartition", unitPartitioner)
			.gridSize(scale.partitions())
			.outputChannel(partitionRequests)
			.pollInterval(Duration.ofSeconds(1).toMillis())
			.timeout(Duration.ofMinutes(scale.partitionTimeoutMinutes()).toMillis())
			.beanFactory(beanFactory)
			.listener(progress)
			.build();
	}

	@Bean
	@ConditionalOnProperty(name = "bca.scale.role", havingValue = ScaleProperties.MANAGER)
	IntegrationFlow partitionsToBroker(DirectChannel partitionRequests, ConnectionFactory connectionFactory,
			ScaleProperties scale) {
		return IntegrationFlow.from(partitionRequests)
			.transform(StepExecutionRequest.class, (r) -> r.getStepName() + ":" + r.getStepExecutionId())
			.handle(Jms.outboundAdapter(connectionFactory).destination(scale.queue()))
			.get();
	}

	@Bean
	@ConditionalOnProperty(name = "bca.scale.role", havingValue = ScaleProperties.WORKER)
	StepExecutionRequestHandler partitionRunner(JobRepository jobRepository, BeanFactory beanFactory) {
		BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
		steps.setBeanFactory(beanFactory);
		StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
		handler.setJobRepository(jobRepository);
		handler.setStepLocator(steps);
		return handler;
	}

	@Bean
	@ConditionalOnProperty(name = "bca.scale.role", havingValue = ScaleProperties.WORKER)
	IntegrationFlow partitionsFromBroker(ConnectionFactory connectionFactory, ScaleProperties scale,
			StepExecutionRequestHandler partitionRunner) {
		int threads = scale.effectiveWorkerThreads();
		return IntegrationFlow.from(Jms.messageDrivenChannelAdapter(Jms.container(connectionFactory, scale.queue())
			.sessionTransacted(true)
			.concurrentConsumers(threads)
			.maxConcurrentConsumers(threads))).handle(String.class, (text, headers) -> {
				int colon = text.lastIndexOf(':');
				long id = Long.parseLong(text.substring(colon + 1));
				log.info("taking step execution {}", id);
				var execution = partitionRunner.handle(new StepExecutionRequest(text.substring(0, colon), id));
				log.info("partition {} (step execution {}): {}, {} chunks committed", execution.getStepName(), id,
						execution.getStatus(), execution.getCommitCount());
				return null;
			}).get();
	}

}
