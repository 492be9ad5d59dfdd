package com.bedrockcostanalyzer.source;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the AWS SDK v2 clients: the default credential and region chain, the standard
 * {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_S3} /
 * {@code AWS_ENDPOINT_URL_CLOUDWATCH_LOGS} / {@code AWS_ENDPOINT_URL_BEDROCK} /
 * {@code AWS_ENDPOINT_URL_SNS} overrides (or their {@code aws.endpointUrl…} system
 * properties), path-style S3 addressing whenever an endpoint is overridden, and retries
 * with backoff on throttling.
 */
public final class AwsClientFactory {

	static final int MAX_ATTEMPTS = 8;

	private final Function<String, String> environment;

	private final List<ExecutionInterceptor> interceptors;

	public AwsClientFactory() {
		this(System::getenv, List.of());
	}

	/**
	 * For tests: another environment, and interceptors that inject faults into the real
	 * HTTP exchange.
	 */
	public AwsClientFactory(Function<String, String> environment, List<ExecutionInterceptor> interceptors) {
		this.environment = environment;
		this.interceptors = List.copyOf(interceptors);
	}

	public S3Client s3() {
		var builder = S3Client.builder()
			.overrideConfiguration(overrides())
			.region(region())
			.crossRegionAccessEnabled(true);
		URI endpoint = endpoint("aws.endpointUrlS3", "AWS_ENDPOINT_URL_S3");
		if (endpoint != null) {
			// MinIO, S3Proxy and LocalStack do not serve virtual-hosted bucket names.
			builder.endpointOverride(endpoint).forcePathStyle(true).crossRegionAccessEnabled(false);
		}
		return builder.build();
	}

	public CloudWatchLogsClient cloudWatchLogs() {
		var builder = CloudWatchLogsClient.builder().overrideConfiguration(overrides()).region(region());
		URI endpoint = endpoint("aws.endpointUrlCloudWatchLogs", "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS");
		if (endpoint != null) {
			builder.endpointOverride(endpoint);
		}
		return builder.build();
	}

	/**
	 * The Bedrock control plane of one Region, where application inference profiles are
	 * described.
	 */
	public BedrockClient bedrock(String region) {
		var builder = BedrockClient.builder().overrideConfiguration(overrides()).region(Region.of(region));
		URI endpoint = endpoint("aws.endpointUrlBedrock", "AWS_ENDPOINT_URL_BEDROCK");
		if (endpoint != null) {
			builder.endpointOverride(endpoint);
		}
		return builder.build();
	}

	/** Amazon SNS in the topic's Region, where the digest is published. */
	public SnsClient sns(String region) {
		var builder = SnsClient.builder().overrideConfiguration(overrides()).region(Region.of(region));
		URI endpoint = endpoint("aws.endpointUrlSns", "AWS_ENDPOINT_URL_SNS");
		if (endpoint != null) {
			builder.endpointOverride(endpoint);
		}
		return builder.build();
	}

	private ClientOverrideConfiguration overrides() {
		var builder = ClientOverrideConfiguration.builder()
			.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build());
		this.interceptors.forEach(builder::addExecutionInterceptor);
		return builder.build();
	}

	private Region region() {
		try {
			return new DefaultAwsRegionProviderChain().getRegion();
		}
		catch (RuntimeException ex) {
			// No region configured: S3 finds the bucket's own region; CloudWatch Logs
			// needs AWS_REGION.
			return Region.US_EAST_1;
		}
	}

	private URI endpoint(String specificProperty, String specificVariable) {
		for (String value : new String[] { System.getProperty(specificProperty),
				this.environment.apply(specificVariable), System.getProperty("aws.endpointUrl"),
				this.environment.apply("AWS_ENDPOINT_URL") }) {
			if (value != null && !value.isBlank()) {
				return URI.create(value.trim());
			}
		}
		return null;
	}

}
