package com.bedrockcostanalyzer.source.cloudwatch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.source.InputUnit;
import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.CorpusGenerator;
import com.bedrockcostanalyzer.testing.DeliveredLayouts;
import com.bedrockcostanalyzer.testing.ExpectedTotals;
import com.bedrockcostanalyzer.testing.LocalAws;
import com.bedrockcostanalyzer.testing.MotoServer;
import com.bedrockcostanalyzer.testing.ReportAssertions;
import com.bedrockcostanalyzer.usage.Window;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** The real SDK v2 client against moto_server on a loopback port. */
class CloudWatchSourceTests {

	private static final String GROUP = "/aws/bedrock/modelinvocations";

	private static MotoServer moto;

	@TempDir
	Path work;

	@BeforeAll
	static void startMoto() throws Exception {
		if (!MotoServer.installed()) {
			System.err.println("!!! moto_server is not on the PATH: CloudWatch Logs tests are SKIPPED !!!");
		}
		Assumptions.assumeTrue(MotoServer.installed(), "moto_server is not installed");
		moto = MotoServer.start();
	}

	@AfterAll
	static void stopMoto() {
		if (moto != null) {
			moto.close();
		}
	}

	@Test
	void countsALogGroupExactlyAsTheSameRecordsInFiles() throws Exception {
		// CloudWatch Logs refuses events older than 14 days, so the corpus is of the last
		// few days.
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate from = today.minusDays(4);
		LocalDate to = today.minusDays(1);
		ExpectedTotals expected = new CorpusGenerator(new CorpusGenerator.Options(31, from, to, 8, false, false, false))
			.write(this.work.resolve("logs"));
		String group = GROUP + "-" + System.nanoTime();
		int events = putEvents(group, this.work.resolve("logs"));

		Cli.Result fromLogs;
		try (LocalAws aws = LocalAws.cloudWatchLogs(moto.endpoint())) {
			fromLogs = Cli.analyze(this.work.resolve("cw"), "--source", "cloudwatch:" + group, "--from",
					from.toString(), "--to", to.toString(), "--out", this.work.resolve("cw-out").toString());
		}
		Cli.Result fromFiles = Cli.analyze(this.work.resolve("files"), "--source", this.work.resolve("logs").toString(),
				"--from", from.toString(), "--to", to.toString(), "--out", this.work.resolve("files-out").toString());

		assertThat(events).isPositive();
		assertThat(fromLogs.exitCode()).as(fromLogs.err()).isZero();
		var report = Cli.readReport(this.work.resolve("cw-out"));
		ReportAssertions.assertMatches(report, expected);
		assertThat(report.get("totals")).isEqualTo(Cli.readReport(this.work.resolve("files-out")).get("totals"));
		assertThat(fromFiles.exitCode()).isZero();
	}

	@Test
	void countsInvocationsDeliveredToFilesAndToALogGroupOnce() throws Exception {
		Delivered twice = deliveredTwice(37, 8);
		// Every invocation of the window is in both places: the copies of one of them are
		// all left out.
		long invocations = twice.expected().total().requests + twice.expected().total().errors;

		Cli.Result both = analyze(this.work.resolve("both"), twice, "both-out", twice.logs().toString(),
				"cloudwatch:" + twice.group());

		assertThat(both.exitCode()).as(both.err()).isZero();
		var report = Cli.readReport(this.work.resolve("both-out"));
		ReportAssertions.assertMatches(report, twice.expected());
		assertThat(invocations).isPositive();
		assertThat(report.get("duplicates").get("dropped").asLong()).isEqualTo(invocations);
		String files = twice.logs().toRealPath().toString();
		assertThat(report.get("duplicates").get("from")).isNotEmpty().allSatisfy((copies) -> {
			// A copy in a file was counted from the group, or one in the group from a
			// file: never file and file.
			assertThat(copies.get("location").asString().startsWith(files))
				.isNotEqualTo(copies.get("countedFrom").asString().startsWith(files));
			assertThat(copies.get("dropped").asLong()).isPositive();
		});
		assertThat(both.out()).contains("Counted once: " + invocations + " copies");
	}

	@Test
	void neverCountsAgainInALaterRunWhatAnotherSourceCounted() throws Exception {
		Delivered twice = deliveredTwice(41, 6);
		long invocations = twice.expected().total().requests + twice.expected().total().errors;

		Cli.Result files = analyze(this.work, twice, "files-out", twice.logs().toString());
		Cli.Result group = analyze(this.work, twice, "group-out", "cloudwatch:" + twice.group());
		Cli.Result again = analyze(this.work, twice, "both-out", twice.logs().toString(),
				"cloudwatch:" + twice.group());

		assertThat(files.exitCode()).as(files.err()).isZero();
		assertThat(group.exitCode()).as(group.err()).isZero();
		var groupReport = Cli.readReport(this.work.resolve("group-out"));
		assertThat(groupReport.get("totals").get("requests").asLong()).isZero();
		assertThat(groupReport.get("totals").get("inputTokens").asLong()).isZero();
		assertThat(groupReport.get("duplicates").get("dropped").asLong()).isEqualTo(invocations);
		assertThat(groupReport.get("duplicates").get("from").get(0).get("countedFromSource").asString())
			.isEqualTo(twice.logs().toRealPath().toString());
		// Both sources together: the files' counts once, as if the group had never been
		// given.
		ReportAssertions.assertMatches(Cli.readReport(this.work.resolve("both-out")), twice.expected());
		assertThat(again.exitCode()).as(again.err()).isZero();
	}

	/**
	 * The same invocations in a local folder and in a log group, over the last few days
	 * (CloudWatch's limit).
	 */
	private record Delivered(LocalDate from, LocalDate to, Path logs, String group, ExpectedTotals expected) {
	}

	private Delivered deliveredTwice(long seed, int recordsPerHour) throws IOException {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate from = today.minusDays(3);
		LocalDate to = today.minusDays(1);
		Path logs = this.work.resolve("logs");
		ExpectedTotals expected = new CorpusGenerator(
				new CorpusGenerator.Options(seed, from, to, recordsPerHour, false, false, false))
			.write(logs);
		String group = GROUP + "-" + System.nanoTime();
		putEvents(group, logs);
		return new Delivered(from, to, logs, group, expected);
	}

	/**
	 * {@code analyze} of the sources over the window, the job database under {@code db},
	 * against moto_server.
	 */
	private Cli.Result analyze(Path db, Delivered delivered, String out, String... sources) {
		List<String> args = new ArrayList<>();
		for (String source : sources) {
			args.addAll(List.of("--source", source));
		}
		args.addAll(List.of("--from", delivered.from().toString(), "--to", delivered.to().toString(), "--out",
				this.work.resolve(out).toString()));
		try (LocalAws aws = LocalAws.cloudWatchLogs(moto.endpoint())) {
			return Cli.analyze(db, args.toArray(String[]::new));
		}
	}

	@Test
	void slicesTheWindowByHourAndLeavesUnsettledHoursForTheNextRun() {
		Clock clock = Clock.fixed(Instant.parse("2026-10-02T10:20:00Z"), ZoneOffset.UTC);
		CloudWatchSource source = new CloudWatchSource(() -> {
			throw new AssertionError("listing needs no client");
		}, clock);

		List<InputUnit> units = source.list("cloudwatch:" + GROUP,
				new Window(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3)));

		// 23h of the day before, then 00h..09h; 10h ends at 11:00, after 10:05 (now less
		// 15 minutes).
		assertThat(units).extracting(InputUnit::key)
			.startsWith("2026-10-01T23h", "2026-10-02T00h")
			.endsWith("2026-10-02T09h")
			.hasSize(11);
	}

	private static int putEvents(String group, Path root) throws IOException {
		List<InputLogEvent> events = new ArrayList<>();
		for (String line : DeliveredLayouts.records(root)) {
			long millis = Instant.parse(DeliveredLayouts.timestampOf(line)).toEpochMilli();
			events.add(InputLogEvent.builder().timestamp(millis).message(line).build());
		}
		events.sort(Comparator.comparing(InputLogEvent::timestamp));
		try (CloudWatchLogsClient logs = CloudWatchLogsClient.builder()
			.endpointOverride(moto.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY)))
			.build()) {
			logs.createLogGroup((b) -> b.logGroupName(group));
			logs.createLogStream((b) -> b.logGroupName(group).logStreamName("aws/bedrock/modelinvocations"));
			for (int i = 0; i < events.size(); i += 500) {
				List<InputLogEvent> batch = events.subList(i, Math.min(events.size(), i + 500));
				logs.putLogEvents(
						(b) -> b.logGroupName(group).logStreamName("aws/bedrock/modelinvocations").logEvents(batch));
			}
		}
		return events.size();
	}

}
