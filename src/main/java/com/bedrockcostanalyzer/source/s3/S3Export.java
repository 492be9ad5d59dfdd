package com.bedrockcostanalyzer.source.s3;

import java.nio.file.Path;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import com.bedrockcostanalyzer.source.AwsClientFactory;

/**
 * Writes a report file under an {@code s3://bucket/prefix/}, the way FinOps tools ingest
 * exports: a partition folder per billing period, the object replaced at each run.
 */
public final class S3Export {

	private final AwsClientFactory aws;

	public S3Export(AwsClientFactory aws) {
		this.aws = aws;
	}

	/**
	 * @param prefix {@code s3://bucket/prefix/}
	 * @param key the object's key below the prefix
	 * @return where it was written
	 * @throws IllegalStateException with a message fit to print when S3 refused it
	 */
	public String put(String prefix, String key, Path file) {
		S3Location location = S3Location.parse(prefix.endsWith("/") ? prefix : prefix + "/");
		String objectKey = location.prefix() + key;
		try (S3Client s3 = this.aws.s3()) {
			s3.putObject((p) -> p.bucket(location.bucket()).key(objectKey).contentType("text/csv"),
					RequestBody.fromFile(file));
		}
		catch (SdkException ex) {
			throw new IllegalStateException(
					"S3 refused s3://" + location.bucket() + "/" + objectKey + ": " + ex.getMessage());
		}
		return "s3://" + location.bucket() + "/" + objectKey;
	}

}
