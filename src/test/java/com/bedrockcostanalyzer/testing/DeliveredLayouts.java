package com.bedrockcostanalyzer.testing;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generated corpus's records rewritten as pipelines deliver them: a CloudWatch Logs
 * export, Firehose objects.
 */
public final class DeliveredLayouts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DeliveredLayouts() {
	}

	/** Every record line of a generated corpus, read with the JDK's gunzip. */
	public static List<String> records(Path corpus) throws IOException {
		List<String> records = new ArrayList<>();
		try (Stream<Path> files = Files.walk(corpus)) {
			for (Path file : files.filter((p) -> p.toString().endsWith(".json.gz")).sorted().toList()) {
				try (BufferedReader reader = new BufferedReader(new InputStreamReader(
						new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
					reader.lines().filter((l) -> !l.isBlank()).forEach(records::add);
				}
			}
		}
		return records;
	}

	/**
	 * A CloudWatch Logs export to S3 of one log stream: {@code stream/00000N.gz}, each
	 * line the event's time, a space, the record. Returns how many files.
	 */
	public static int writeExport(List<String> records, Path stream) throws IOException {
		Files.createDirectories(stream);
		int file = 0;
		for (int from = 0; from < records.size(); from += 150) {
			StringBuilder lines = new StringBuilder();
			for (String record : records.subList(from, Math.min(records.size(), from + 150))) {
				lines.append(timestampOf(record)).append(' ').append(record).append('\n');
			}
			Files.write(stream.resolve(String.format("%06d.gz", file++)), gzip(lines.toString()));
		}
		return file;
	}

	/**
	 * Firehose objects of a CloudWatch Logs subscription: three envelopes an object, each
	 * its own gzip member as CloudWatch Logs compresses them, no separator, a control
	 * message among them. Returns how many objects.
	 */
	public static int writeFirehose(List<String> records, Path folder) throws IOException {
		Files.createDirectories(folder);
		int object = 0;
		for (int from = 0; from < records.size(); from += 120) {
			List<String> part = records.subList(from, Math.min(records.size(), from + 120));
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			int third = (part.size() + 2) / 3;
			bytes.write(gzip(envelope(part.subList(0, Math.min(part.size(), third)))));
			bytes.write(gzip("{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\","
					+ "\"logStream\":\"\",\"subscriptionFilters\":[],\"logEvents\":[{\"id\":\"\",\"timestamp\":"
					+ "1760000000000,\"message\":\"CWL CONTROL MESSAGE: Checking health of destination Firehose.\"}]}"));
			bytes.write(gzip(envelope(part.subList(Math.min(part.size(), third), Math.min(part.size(), 2 * third)))
					+ envelope(part.subList(Math.min(part.size(), 2 * third), part.size()))));
			Files.write(folder.resolve(String.format("bedrock-logs-stream-1-%02d-a1b2c3d4", object++)),
					bytes.toByteArray());
		}
		return object;
	}

	/**
	 * A CloudWatch Logs Insights export in JSON: an array of rows, the record in
	 * {@code @message}.
	 */
	public static void writeInsightsJson(List<String> records, Path file) throws IOException {
		ArrayNode rows = JSON.createArrayNode();
		for (String record : records) {
			rows.addObject().put("@timestamp", timestampOf(record).replace('T', ' ')).put("@message", record);
		}
		Files.createDirectories(file.getParent());
		Files.writeString(file, JSON.writeValueAsString(rows));
	}

	/**
	 * A CloudWatch Logs Insights export in CSV: {@code @timestamp,@message}, the record
	 * quoted.
	 */
	public static void writeInsightsCsv(List<String> records, Path file) throws IOException {
		StringBuilder csv = new StringBuilder("@timestamp,@message\n");
		for (String record : records) {
			csv.append(timestampOf(record).replace('T', ' '))
				.append(",\"")
				.append(record.replace("\"", "\"\""))
				.append("\"\n");
		}
		Files.createDirectories(file.getParent());
		Files.writeString(file, csv);
	}

	/**
	 * Records pretty-printed, one after the other, as a person saves what a console
	 * showed.
	 */
	public static void writePretty(List<String> records, Path file) throws IOException {
		StringBuilder pretty = new StringBuilder();
		for (String record : records) {
			pretty.append(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(record))).append('\n');
		}
		Files.createDirectories(file.getParent());
		Files.writeString(file, pretty);
	}

	public static String timestampOf(String record) {
		String ts = record.substring(record.indexOf("\"timestamp\":\"") + 13);
		return ts.substring(0, ts.indexOf('"'));
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

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (OutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

}
