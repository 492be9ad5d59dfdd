package com.bedrockcostanalyzer.source.s3;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

import com.bedrockcostanalyzer.source.BulkInputStream;

/**
 * An S3 object's bytes that survive a dropped connection: when a read fails, the rest of
 * the object is fetched again from the same byte with a ranged GET pinned to the ETag, so
 * the reader above sees one unbroken stream and nothing is read (or counted) twice.
 * Throttling and errors on the GET itself are retried by the SDK.
 */
final class ResumingObjectStream extends BulkInputStream {

	private static final Logger log = LoggerFactory.getLogger(ResumingObjectStream.class);

	static final int MAX_RESUMES = 5;

	private final S3Client s3;

	private final String bucket;

	private final String key;

	private final String etag;

	private final long size;

	private InputStream current;

	private long position;

	private int resumes;

	ResumingObjectStream(S3Client s3, String bucket, String key, String etag, long size) {
		this.s3 = s3;
		this.bucket = bucket;
		this.key = key;
		this.etag = etag;
		this.size = size;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		while (true) {
			if (this.position >= this.size) {
				return -1;
			}
			try {
				if (this.current == null) {
					this.current = open();
				}
				int n = this.current.read(b, off, len);
				if (n < 0) {
					// The connection ended early without an error: treat it like a reset.
					throw new IOException("stream ended at byte " + this.position + " of " + this.size);
				}
				this.position += n;
				return n;
			}
			catch (IOException | SdkException ex) {
				closeQuietly();
				if (++this.resumes > MAX_RESUMES) {
					throw new IOException("s3://" + this.bucket + "/" + this.key + " broke off " + this.resumes
							+ " times; last at byte " + this.position, ex);
				}
				log.warn("s3://{}/{} broke off at byte {} ({}); resuming", this.bucket, this.key, this.position,
						ex.getClass().getSimpleName());
				sleep(this.resumes);
			}
		}
	}

	private InputStream open() {
		GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(this.bucket).key(this.key);
		if (this.etag != null) {
			request.ifMatch(this.etag);
		}
		if (this.position > 0) {
			request.range("bytes=" + this.position + "-");
		}
		return this.s3.getObject(request.build());
	}

	private static void sleep(int attempt) throws IOException {
		try {
			Thread.sleep(Math.min(100L << attempt, 5000L));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	private void closeQuietly() {
		if (this.current != null) {
			try {
				this.current.close();
			}
			catch (IOException | RuntimeException ex) {
				// a broken connection may fail to close; it is abandoned either way
			}
			this.current = null;
		}
	}

	@Override
	public void close() {
		closeQuietly();
	}

}
