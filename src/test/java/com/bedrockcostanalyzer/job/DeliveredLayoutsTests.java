package com.bedrockcostanalyzer.job;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.cli.ExitCodes;
import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.CorpusGenerator;
import com.bedrockcostanalyzer.testing.ExpectedTotals;
import com.bedrockcostanalyzer.testing.ReportAssertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same invocations as the logs reach people — a CloudWatch Logs export to S3, Firehose objects of subscription
 * envelopes — count exactly the generator's totals; a file no reader knows is named in the report.
 */
class DeliveredLayoutsTests {

	private static final LocalDate FROM = LocalDate.of(2026, 10, 1);

	private static final LocalDate TO = LocalDate.of(2026, 10, 3);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path work;

	@Test
	void countsACloudWatchLogsExportToS3AsTheDeliveredLogs() throws Exception {
		ExpectedTotals expected = corpus();
		List<String> records = records(this.work.resolve("logs"));
		// {prefix}/{exportTaskId}/{logStream}/00000N.gz, each line the event's time, a space, the record.
		Path stream = Files.createDirectories(this.work.resolve("export/exportedlogs/1f2e3d4c-task/aws/bedrock"));
		int file = 0;
		for (int from = 0; from < records.size(); from += 150) {
			StringBuilder lines = new StringBuilder();
			for (String record : records.subList(from, Math.min(records.size(), from + 150))) {
				lines.append(timestampOf(record)).append(' ').append(record).append('\n');
			}
			Files.write(stream.resolve(String.format("%06d.gz", file++)), gzip(lines.toString()));
		}

		Cli.Result result = analyze("export");

		assertThat(file).isGreaterThan(1);
		assertThat(result.exitCode()).as(result.err()).isZero();
		ReportAssertions.assertMatches(Cli.readReport(this.work.resolve("out")), expected);
	}

	@Test
	void countsFirehoseObjectsOfSubscriptionEnvelopesAndSkipsControlMessages() throws Exception {
		ExpectedTotals expected = corpus();
		List<String> records = records(this.work.resolve("logs"));
		Path firehose = Files.createDirectories(this.work.resolve("firehose/2026/10/02/10"));
		int object = 0;
		for (int from = 0; from < records.size(); from += 120) {
			List<String> part = records.subList(from, Math.min(records.size(), from + 120));
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			// Three envelopes an object, each its own gzip member as CloudWatch Logs compresses them, no separator;
			// a control message among them.
			int third = (part.size() + 2) / 3;
			bytes.write(gzip(envelope(part.subList(0, Math.min(part.size(), third)))));
			bytes.write(gzip("{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\","
					+ "\"logStream\":\"\",\"subscriptionFilters\":[],\"logEvents\":[{\"id\":\"\",\"timestamp\":"
					+ "1760000000000,\"message\":\"CWL CONTROL MESSAGE: Checking health of destination Firehose.\"}]}"));
			bytes.write(gzip(envelope(part.subList(Math.min(part.size(), third), Math.min(part.size(), 2 * third)))
					+ envelope(part.subList(Math.min(part.size(), 2 * third), part.size()))));
			Files.write(firehose.resolve("bedrock-logs-stream-1-2026-10-02-10-00-0" + object++ + "-a1b2c3d4"),
					bytes.toByteArray());
		}

		Cli.Result result = analyze("firehose");

		assertThat(object).isGreaterThan(1);
		assertThat(result.exitCode()).as(result.err()).isZero();
		ReportAssertions.assertMatches(Cli.readReport(this.work.resolve("out")), expected);
	}

	@Test
	void namesAFileNoReaderKnowsAndCountsEverythingElse() throws Exception {
		ExpectedTotals expected = corpus();
		Path logs = this.work.resolve("logs");
		Files.writeString(logs.resolve("README"), "These are our Bedrock logs, copied on 2 October.\n");
		Files.write(logs.resolve("AWSLogs/chart"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a,
				0, 0, 0, 0x0d });

		Cli.Result result = analyze("logs");

		assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.DONE_WITH_REJECTS);
		JsonNode report = Cli.readReport(this.work.resolve("out"));
		ReportAssertions.assertMatches(report, expected);
		assertThat(report.get("rejects").get("byReason").get("not a format the analyzer reads (text)").asLong())
			.isEqualTo(1);
		assertThat(report.get("rejects").get("byReason").get("not a format the analyzer reads (binary data)")
			.asLong()).isEqualTo(1);
		assertThat(report.get("rejects").toString()).contains("README").doesNotContain("copied on");
	}

	private ExpectedTotals corpus() throws IOException {
		return new CorpusGenerator(new CorpusGenerator.Options(47, FROM, TO, 6, false, false, false))
			.write(this.work.resolve("logs"));
	}

	private Cli.Result analyze(String folder) {
		return Cli.analyze(this.work, "--source", this.work.resolve(folder).toString(), "--from", FROM.toString(),
				"--to", TO.toString(), "--out", this.work.resolve("out").toString());
	}

	private static String envelope(List<String> records) {
		ObjectNode envelope = JSON.createObjectNode();
		envelope.put("messageType", "DATA_MESSAGE");
		envelope.put("owner", "123456789012");
		envelope.put("logGroup", "/aws/bedrock/modelinvocations");
		envelope.put("logStream", "aws/bedrock/modelinvocations");
		envelope.putArray("subscriptionFilters").add("to-firehose");
		ArrayNode events = envelope.putArray("logEvents");
		for (String record : records) {
			ObjectNode event = events.addObject();
			event.put("id", "3" + Math.abs(record.hashCode()));
			event.put("timestamp", Instant.parse(timestampOf(record)).toEpochMilli());
			event.put("message", record);
		}
		return JSON.writeValueAsString(envelope);
	}

	private static String timestampOf(String record) {
		String ts = record.substring(record.indexOf("\"timestamp\":\"") + 13);
		return ts.substring(0, ts.indexOf('"'));
	}

	/** Every record line of the generated corpus, read with the JDK's gunzip. */
	private static List<String> records(Path root) throws IOException {
		List<String> records = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((p) -> p.toString().endsWith(".json.gz")).sorted().toList()) {
				try (BufferedReader reader = new BufferedReader(new InputStreamReader(
						new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
					reader.lines().filter((l) -> !l.isBlank()).forEach(records::add);
				}
			}
		}
		return records;
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (OutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

}
