package com.bedrockcostanalyzer.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.gaul.s3proxy.junit.S3ProxyExtension;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Points the analyzer's AWS clients at local stand-ins (S3Proxy, moto_server) the way a
 * user points them at MinIO: through the SDK's endpoint and credential system properties.
 */
public final class LocalAws implements AutoCloseable {

	public static final String ACCESS_KEY = "access";

	public static final String SECRET_KEY = "secret";

	private static final String[] PROPERTIES = { "aws.endpointUrlS3", "aws.endpointUrlCloudWatchLogs",
			"aws.endpointUrlBedrock", "aws.endpointUrlSns", "aws.accessKeyId", "aws.secretAccessKey", "aws.region" };

	private LocalAws() {
	}

	/**
	 * An S3 stand-in in this JVM (S3Proxy, in memory) taking this class's credentials.
	 */
	public static S3ProxyExtension s3Proxy() {
		return S3ProxyExtension.builder()
			.withBlobStoreProvider("transient")
			.withCredentials(ACCESS_KEY, SECRET_KEY)
			.build();
	}

	public static LocalAws s3(URI endpoint) {
		System.setProperty("aws.endpointUrlS3", endpoint.toString());
		return credentials();
	}

	public static LocalAws cloudWatchLogs(URI endpoint) {
		System.setProperty("aws.endpointUrlCloudWatchLogs", endpoint.toString());
		return credentials();
	}

	public static LocalAws bedrock(URI endpoint) {
		System.setProperty("aws.endpointUrlBedrock", endpoint.toString());
		return credentials();
	}

	public static LocalAws sns(URI endpoint) {
		System.setProperty("aws.endpointUrlSns", endpoint.toString());
		return credentials();
	}

	private static LocalAws credentials() {
		System.setProperty("aws.accessKeyId", ACCESS_KEY);
		System.setProperty("aws.secretAccessKey", SECRET_KEY);
		System.setProperty("aws.region", "us-east-1");
		return new LocalAws();
	}

	@Override
	public void close() {
		for (String property : PROPERTIES) {
			System.clearProperty(property);
		}
	}

	public static S3Client s3Client(URI endpoint) {
		return S3Client.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.build();
	}

	/**
	 * Uploads a local tree under a key prefix, as Bedrock's delivery would have written
	 * it.
	 */
	public static int upload(S3Client s3, String bucket, String prefix, Path root) throws IOException {
		int count = 0;
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path file : walk.filter(Files::isRegularFile).toList()) {
				String key = prefix + root.relativize(file).toString().replace('\\', '/');
				s3.putObject((b) -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
				count++;
			}
		}
		return count;
	}

}
