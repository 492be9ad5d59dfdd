package com.bedrockcostanalyzer.source.s3;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.source.AwsClientFactory;
import com.bedrockcostanalyzer.source.InputUnit;
import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.CorpusGenerator;
import com.bedrockcostanalyzer.testing.DeliveredLayouts;
import com.bedrockcostanalyzer.testing.ExpectedTotals;
import com.bedrockcostanalyzer.testing.LocalAws;
import com.bedrockcostanalyzer.testing.ReportAssertions;
import com.bedrockcostanalyzer.usage.Window;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

import static org.assertj.core.api.Assertions.assertThat;

/** The real SDK v2 client over HTTP against S3Proxy running in this JVM. */
class S3SourceTests {

	private static final String BUCKET = "bedrock-logs";

	private static final LocalDate FROM = LocalDate.of(2026, 10, 1);

	private static final LocalDate TO = LocalDate.of(2026, 10, 4);

	@RegisterExtension
	static final S3ProxyExtension S3_PROXY = LocalAws.s3Proxy();

	@TempDir
	Path work;

	private S3Client s3;

	@BeforeEach
	void createBucket() {
		this.s3 = LocalAws.s3Client(S3_PROXY.getUri());
		this.s3.createBucket((b) -> b.bucket(BUCKET));
	}

	@Test
	void analyzesAnS3PrefixExactlyAsTheSameFilesOnDisk() throws Exception {
		ExpectedTotals expected = new CorpusGenerator(new CorpusGenerator.Options(21, FROM, TO, 10, true, true, true))
			.write(this.work.resolve("logs"));
		LocalAws.upload(this.s3, BUCKET, "org/", this.work.resolve("logs"));
		// Another service's logs beside Bedrock's are never listed.
		this.s3.putObject(
				(b) -> b.bucket(BUCKET).key("org/AWSLogs/111111111111/CloudTrail/us-east-1/2026/10/02/x.json.gz"),
				RequestBody.fromString("not a bedrock log"));

		Cli.Result fromS3;
		try (LocalAws aws = LocalAws.s3(S3_PROXY.getUri())) {
			fromS3 = Cli.analyze(this.work.resolve("s3run"), "--source", "s3://" + BUCKET + "/org", "--from",
					FROM.toString(), "--to", TO.toString(), "--out", this.work.resolve("s3").toString());
		}
		Cli.Result fromDisk = Cli.analyze(this.work.resolve("diskrun"), "--source",
				this.work.resolve("logs").toString(), "--from", FROM.toString(), "--to", TO.toString(), "--out",
				this.work.resolve("disk").toString());

		assertThat(fromS3.exitCode()).as(fromS3.err()).isEqualTo(3);
		assertThat(fromDisk.exitCode()).as(fromDisk.err()).isEqualTo(3);
		var s3Report = Cli.readReport(this.work.resolve("s3"));
		ReportAssertions.assertMatches(s3Report, expected);
		assertThat(s3Report.get("totals")).isEqualTo(Cli.readReport(this.work.resolve("disk")).get("totals"));
		assertThat(s3Report.get("rejects").get("count").asLong()).isEqualTo(expected.rejects());
		assertThat(s3Report.get("rejects").get("samples").get(0).get("location").asString())
			.startsWith("s3://" + BUCKET + "/org/AWSLogs/");
		// Reading S3 waits on the network: by default that run reads four partitions a
		// core at once, not one, and
		// cuts four partitions for each of its threads (no more than there are units).
		int cores = Runtime.getRuntime().availableProcessors();
		long units = counted(this.work.resolve("diskrun"), "SUM(READ_COUNT)", "countUsage");
		assertThat(counted(this.work.resolve("s3run"), "COUNT(*)", "countPartition:%"))
			.isEqualTo(Math.min(units, 4 * 4 * cores));
		assertThat(counted(this.work.resolve("diskrun"), "COUNT(*)", "countPartition:%"))
			.isEqualTo(Math.min(units, 4 * cores));
	}

	/** A figure of the run's step executions in its job database. */
	private static long counted(Path run, String figure, String step) throws SQLException {
		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + run.resolve("db").resolve("bca"), "sa", "");
				Statement query = db.createStatement();
				ResultSet rows = query.executeQuery(
						"SELECT " + figure + " FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE '" + step + "'")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	@Test
	void readsACloudWatchLogsExportAndFirehoseObjectsUnderAPrefix() throws Exception {
		ExpectedTotals expected = new CorpusGenerator(new CorpusGenerator.Options(53, FROM, TO, 6, false, false, false))
			.write(this.work.resolve("logs"));
		List<String> records = DeliveredLayouts.records(this.work.resolve("logs"));
		DeliveredLayouts.writeExport(records, this.work.resolve("export/7c1d-task/aws/bedrock/modelinvocations"));
		DeliveredLayouts.writeFirehose(records, this.work.resolve("firehose/2026/10/02/10"));
		LocalAws.upload(this.s3, BUCKET, "exports/", this.work.resolve("export"));
		LocalAws.upload(this.s3, BUCKET, "firehose/", this.work.resolve("firehose"));

		Cli.Result export;
		Cli.Result firehose;
		try (LocalAws aws = LocalAws.s3(S3_PROXY.getUri())) {
			export = Cli.analyze(this.work.resolve("export-run"), "--source", "s3://" + BUCKET + "/exports", "--from",
					FROM.toString(), "--to", TO.toString(), "--out", this.work.resolve("export-out").toString());
			firehose = Cli.analyze(this.work.resolve("firehose-run"), "--source", "s3://" + BUCKET + "/firehose",
					"--from", FROM.toString(), "--to", TO.toString(), "--out",
					this.work.resolve("firehose-out").toString());
		}

		assertThat(export.exitCode()).as(export.err()).isZero();
		assertThat(firehose.exitCode()).as(firehose.err()).isZero();
		ReportAssertions.assertMatches(Cli.readReport(this.work.resolve("export-out")), expected);
		ReportAssertions.assertMatches(Cli.readReport(this.work.resolve("firehose-out")), expected);
	}

	@Test
	void listsOnlyTheHourFoldersTheWindowNeedsInEveryAccountAndRegion() {
		for (String account : List.of("111111111111", "222222222222")) {
			for (String region : List.of("us-east-1", "eu-west-1")) {
				String root = "p/AWSLogs/" + account + "/BedrockModelInvocationLogs/" + region + "/";
				for (String hour : List.of("2026/10/01/22", "2026/10/01/23", "2026/10/02/00", "2026/10/02/23",
						"2026/10/03/00", "2026/10/03/01", "2026/10/05/12")) {
					put(root + hour + "/20261001T000000000Z_ab12.json.gz", "{}");
				}
				put(root + "2026/10/02/05/data/x_input.json.gz", "{}");
			}
		}
		put("p/amazon-bedrock-logs-permission-check", "");

		List<InputUnit> units = source().list("s3://" + BUCKET + "/p/",
				new Window(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3)));

		assertThat(units).hasSize(2 * 2 * 4).allSatisfy((unit) -> {
			assertThat(unit.key()).containsAnyOf("/2026/10/01/23/", "/2026/10/02/00/", "/2026/10/02/23/",
					"/2026/10/03/00/");
			assertThat(unit.version()).startsWith("etag:");
			assertThat(unit.location()).startsWith("s3://" + BUCKET + "/p/AWSLogs/");
		});
	}

	@Test
	void neverPagesThroughTheOffloadedBodiesOfADayTooBigForOneAnswer() throws Exception {
		String root = "p/AWSLogs/111111111111/BedrockModelInvocationLogs/us-east-1/";
		List<String> logs = new ArrayList<>();
		for (String hour : List.of("2026/10/02/00", "2026/10/02/01", "2026/10/02/02", "2026/10/03/07")) {
			logs.add(root + hour + "/20261002T000000000Z_ab12.json.gz");
		}
		logs.forEach((key) -> put(key, "{}"));
		// 1,100 offloaded bodies make 2 October more than one answer's worth of keys; 3
		// October is small.
		List<String> sidecars = new ArrayList<>();
		for (int i = 0; i < 1_100; i++) {
			sidecars.add(root + "2026/10/02/0" + (i % 2 + 1) + "/data/" + i + "_input.json.gz");
		}
		sidecars.add(root + "2026/10/03/07/data/x_output.json.gz");
		sidecars.parallelStream().forEach((key) -> put(key, "{}"));
		ListingRecorder recorder = new ListingRecorder(0);

		List<InputUnit> units;
		try (LocalAws aws = LocalAws.s3(S3_PROXY.getUri())) {
			units = recordingSource(recorder).list("s3://" + BUCKET + "/p/",
					new Window(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 4)));
		}

		assertThat(units).extracting(InputUnit::key).containsExactlyElementsOf(logs);
		// Each day was asked for whole once; the big day's answer stopped at 1,000 keys,
		// and its hours were then
		// listed folder by folder, none of them a data/ folder.
		assertThat(recorder.prefixes).doesNotContain(root + "2026/10/02/01/data/", root + "2026/10/02/02/data/")
			.contains(root + "2026/10/02/01/", root + "2026/10/02/02/");
		assertThat(recorder.sidecarKeysAnswered.get()).isLessThanOrEqualTo(1_000 + 1);
	}

	@Test
	void listsTheDayFoldersConcurrently() {
		String root = "p/AWSLogs/111111111111/BedrockModelInvocationLogs/us-east-1/";
		put(root + "2026/10/02/05/20261002T050000000Z_ab12.json.gz", "{}");
		put(root + "2026/10/03/05/20261003T050000000Z_ab12.json.gz", "{}");
		// Each listing of a day waits until another is in flight: one after the other,
		// the first would wait in vain.
		ListingRecorder recorder = new ListingRecorder(2);

		List<InputUnit> units;
		try (LocalAws aws = LocalAws.s3(S3_PROXY.getUri())) {
			units = recordingSource(recorder).list("s3://" + BUCKET + "/p/",
					new Window(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 4)));
		}

		assertThat(units).hasSize(2);
		assertThat(recorder.waitedInVain).isFalse();
	}

	@Test
	void resumesAnObjectWhoseConnectionBreaksAndRetriesThrottling() throws IOException {
		byte[] content = new byte[300_000];
		new java.util.Random(1).nextBytes(content);
		this.s3.putObject((b) -> b.bucket(BUCKET).key("k/object.json.gz"), RequestBody.fromBytes(content));
		AtomicInteger gets = new AtomicInteger();
		FaultInjector faults = new FaultInjector(gets);
		S3Source source = new S3Source(
				() -> new AwsClientFactory(Map.of("AWS_ENDPOINT_URL_S3", S3_PROXY.getUri().toString())::get,
						List.of(faults))
					.s3());
		String etag = this.s3.headObject((b) -> b.bucket(BUCKET).key("k/object.json.gz")).eTag();

		byte[] read;
		try (LocalAws aws = LocalAws.s3(S3_PROXY.getUri());
				InputStream in = source.open(new InputUnit("s3://" + BUCKET + "/k/", "k/object.json.gz",
						"s3://" + BUCKET + "/k/object.json.gz", content.length, "etag:" + etag, null, null))) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			in.transferTo(out);
			read = out.toByteArray();
		}

		assertThat(read).isEqualTo(content);
		// 1: answered 500 and 2: 503 SlowDown, both retried by the SDK; 3: cut after 64
		// KiB; 4: the ranged GET that
		// resumes from there.
		assertThat(gets.get()).isEqualTo(4);
		assertThat(faults.rangesAsked).containsExactly("bytes=" + FaultInjector.CUT_AFTER + "-");
	}

	private S3Source source() {
		return new S3Source(() -> this.s3);
	}

	private static S3Source recordingSource(ListingRecorder recorder) {
		return new S3Source(() -> new AwsClientFactory(Map.of("AWS_ENDPOINT_URL_S3", S3_PROXY.getUri().toString())::get,
				List.of(recorder))
			.s3());
	}

	private void put(String key, String content) {
		this.s3.putObject((b) -> b.bucket(BUCKET).key(key), RequestBody.fromString(content));
	}

	/**
	 * Notes the prefix of every LIST sent and counts the offloaded-body keys in the
	 * answers. With {@code meet} above zero, each listing of a dated folder waits (up to
	 * ten seconds) until {@code meet} of them are in flight.
	 */
	static final class ListingRecorder implements ExecutionInterceptor {

		final List<String> prefixes = new CopyOnWriteArrayList<>();

		final AtomicInteger sidecarKeysAnswered = new AtomicInteger();

		private final CountDownLatch meeting;

		volatile boolean waitedInVain;

		ListingRecorder(int meet) {
			this.meeting = new CountDownLatch(meet);
		}

		@Override
		public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
			if (context.request() instanceof ListObjectsV2Request request) {
				this.prefixes.add(request.prefix());
				if (this.meeting.getCount() > 0 && request.prefix().contains("/2026/10/")) {
					this.meeting.countDown();
					try {
						this.waitedInVain |= !this.meeting.await(10, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
			}
		}

		@Override
		public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
			if (context.response() instanceof ListObjectsV2Response response) {
				this.sidecarKeysAnswered.addAndGet(
						(int) response.contents().stream().filter((object) -> object.key().contains("/data/")).count());
			}
		}

	}

	/**
	 * Faults in the real HTTP exchange: the first GET is answered 500, the second 503
	 * SlowDown, the third one's body breaks off with a connection reset after
	 * {@link #CUT_AFTER} bytes.
	 */
	static final class FaultInjector implements ExecutionInterceptor {

		static final int CUT_AFTER = 64 * 1024;

		final AtomicInteger gets;

		final List<String> rangesAsked = new CopyOnWriteArrayList<>();

		FaultInjector(AtomicInteger gets) {
			this.gets = gets;
		}

		@Override
		public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
			if (context.request() instanceof GetObjectRequest request) {
				int n = this.gets.incrementAndGet();
				if (request.range() != null) {
					this.rangesAsked.add(request.range());
				}
				if (n == 1) {
					return context.httpResponse().toBuilder().statusCode(500).statusText("Internal Error").build();
				}
				if (n == 2) {
					return context.httpResponse().toBuilder().statusCode(503).statusText("Slow Down").build();
				}
			}
			return context.httpResponse();
		}

		@Override
		public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
				ExecutionAttributes attributes) {
			Optional<InputStream> body = context.responseBody();
			if (context.request() instanceof GetObjectRequest && this.gets.get() == 1) {
				return Optional.of(new java.io.ByteArrayInputStream(
						"<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>"
							.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			}
			if (context.request() instanceof GetObjectRequest && this.gets.get() == 2) {
				return Optional.of(new java.io.ByteArrayInputStream(
						"<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>"
							.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			}
			if (context.request() instanceof GetObjectRequest && this.gets.get() == 3 && body.isPresent()) {
				return Optional.of(new FilterInputStream(body.get()) {
					private int sent;

					@Override
					public int read(byte[] b, int off, int len) throws IOException {
						if (this.sent >= CUT_AFTER) {
							throw new java.net.SocketException("Connection reset");
						}
						int n = super.read(b, off, Math.min(len, CUT_AFTER - this.sent));
						this.sent += Math.max(n, 0);
						return n;
					}
				});
			}
			return body;
		}

	}

}
