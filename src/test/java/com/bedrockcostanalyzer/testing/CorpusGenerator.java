package com.bedrockcostanalyzer.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a realistic, seeded corpus of Bedrock model-invocation logs in the S3 delivery
 * layout (and optionally a usage CSV export), and keeps the totals it wrote per (model,
 * path), counting only records whose timestamp falls in the window under test. Every
 * operation and body shape of the formats reference is used, in the shapes AWS writes.
 */
public final class CorpusGenerator {

	public static final String PROMPT_MARKER = "SECRET-PROMPT-TEXT";

	public static final String COMPLETION_MARKER = "SECRET-COMPLETION-TEXT";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter FILE_TS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");

	private static final List<String> ACCOUNTS = List.of("111111111111", "222222222222");

	private static final List<String> REGIONS = List.of("us-east-1", "us-west-2");

	/**
	 * What to generate. Records are written for one day either side of the window, to
	 * test its edges.
	 */
	public record Options(long seed, LocalDate windowFrom, LocalDate windowTo, int maxRecordsPerHour, boolean badLines,
			boolean truncatedFile, boolean csvExport) {
	}

	/**
	 * The shape of one kind of traffic: which API, which model id form, how the path is
	 * told.
	 */
	enum Profile {

		TRIAGE_CONVERSE, CHAT_CONVERSE_STREAM, ALICE_INVOKE, CODE_REVIEW_STREAM, NIGHTLY_FLEX, ETL_LLAMA,
		SEARCH_EMBEDDINGS, LEGACY_APP_PROFILE, SUMMARY_NOVA_MICRO

	}

	private final Options options;

	private final Random random;

	private final ExpectedTotals expected = new ExpectedTotals();

	/**
	 * What AWS would bill for the successful records (the window's and the days either
	 * side): tokens per (day, region, model, scope, tier), in the order input, output,
	 * cache read, cache write 5m, cache write 1h.
	 */
	public record BillKey(LocalDate day, String region, String model, String scope,
			String tier) implements Comparable<BillKey> {

		@Override
		public int compareTo(BillKey o) {
			return toString().compareTo(o.toString());
		}

	}

	private final Map<BillKey, long[]> billable = new TreeMap<>();

	private int fileCounter;

	private long requestIdSalt;

	public CorpusGenerator(Options options) {
		this.options = options;
		this.random = new Random(options.seed());
	}

	/**
	 * The same traffic under other request ids: a second corpus of the same seed is then
	 * other invocations, not copies of the first's (which would count once).
	 */
	public CorpusGenerator withRequestIdSalt(long salt) {
		this.requestIdSalt = salt;
		return this;
	}

	/** Filled in by {@link #write}. */
	public Map<BillKey, long[]> billable() {
		return this.billable;
	}

	public ExpectedTotals write(Path root) throws IOException {
		Files.createDirectories(root);
		// Bedrock's noise: the permission-check object, and an empty object.
		Files.write(root.resolve("amazon-bedrock-logs-permission-check"), new byte[0]);
		Map<Path, List<String>> folders = new TreeMap<>();
		LocalDateTime start = this.options.windowFrom().minusDays(1).atStartOfDay();
		LocalDateTime end = this.options.windowTo().plusDays(1).atStartOfDay();
		for (LocalDateTime hour = start; hour.isBefore(end); hour = hour.plusHours(1)) {
			int records = this.random.nextInt(this.options.maxRecordsPerHour() + 1);
			for (int i = 0; i < records; i++) {
				Instant ts = hour.plusSeconds(this.random.nextInt(3600)).toInstant(ZoneOffset.UTC);
				String account = ACCOUNTS.get(this.random.nextInt(ACCOUNTS.size()));
				String region = REGIONS.get(this.random.nextInt(REGIONS.size()));
				// Some records are delivered into the next hour's folder, as Bedrock
				// does.
				LocalDateTime folderHour = this.random.nextInt(20) == 0 ? hour.plusHours(1) : hour;
				Path folder = hourFolder(root, account, region, folderHour);
				folders.computeIfAbsent(folder, (f) -> new ArrayList<>()).add(record(ts, account, region));
			}
		}
		for (Map.Entry<Path, List<String>> entry : folders.entrySet()) {
			List<String> lines = entry.getValue();
			if (this.options.badLines() && inWindowFolder(root, entry.getKey()) && this.random.nextInt(8) == 0) {
				lines.addAll(badLines(entry.getKey(), root));
			}
			int split = lines.size() > 3 && this.random.nextBoolean() ? lines.size() / 2 : lines.size();
			writeGzip(entry.getKey(), lines.subList(0, split));
			if (split < lines.size()) {
				writeGzip(entry.getKey(), lines.subList(split, lines.size()));
			}
			if (this.random.nextInt(10) == 0) {
				Path data = Files.createDirectories(entry.getKey().resolve("data"));
				Files.writeString(data.resolve("abc_input.json"),
						"{\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT_MARKER + "\"}]}\n");
			}
		}
		if (this.options.truncatedFile()) {
			writeTruncated(root);
		}
		if (this.options.csvExport()) {
			writeCsv(root.resolve("usage-export.csv"));
		}
		return this.expected;
	}

	static Path hourFolder(Path root, String account, String region, LocalDateTime hour) {
		return root.resolve("AWSLogs")
			.resolve(account)
			.resolve("BedrockModelInvocationLogs")
			.resolve(region)
			.resolve(String.format("%04d", hour.getYear()))
			.resolve(String.format("%02d", hour.getMonthValue()))
			.resolve(String.format("%02d", hour.getDayOfMonth()))
			.resolve(String.format("%02d", hour.getHour()));
	}

	private boolean inWindowFolder(Path root, Path folder) {
		String[] parts = root.relativize(folder).toString().split("/");
		int n = parts.length;
		LocalDate day = LocalDate.of(Integer.parseInt(parts[n - 4]), Integer.parseInt(parts[n - 3]),
				Integer.parseInt(parts[n - 2]));
		return !day.isBefore(this.options.windowFrom()) && day.isBefore(this.options.windowTo());
	}

	private boolean counts(Instant ts) {
		LocalDate day = LocalDate.ofInstant(ts, ZoneOffset.UTC);
		return !day.isBefore(this.options.windowFrom()) && day.isBefore(this.options.windowTo());
	}

	private void writeGzip(Path folder, List<String> lines) throws IOException {
		Files.createDirectories(folder);
		String name = folder.getFileName() + "_" + String.format("%06d", this.fileCounter++);
		Path file = folder.resolve(FILE_TS.format(LocalDateTime.of(2026, 1, 1, 0, 0)) + "_"
				+ HexFormat.of().toHexDigits(name.hashCode()) + this.fileCounter + ".json.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
			for (String line : lines) {
				out.write(line.getBytes(StandardCharsets.UTF_8));
				out.write('\n');
			}
		}
	}

	/**
	 * A file whose second gzip member breaks off: the first member's records count, the
	 * rest is one reject.
	 */
	private void writeTruncated(Path root) throws IOException {
		LocalDateTime hour = this.options.windowFrom().atTime(12, 0);
		Path folder = hourFolder(root, ACCOUNTS.get(0), REGIONS.get(0), hour);
		Files.createDirectories(folder);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (OutputStream out = new GZIPOutputStream(bytes)) {
			for (int i = 0; i < 3; i++) {
				Instant ts = hour.plusMinutes(10 + i).toInstant(ZoneOffset.UTC);
				out.write(record(ts, ACCOUNTS.get(0), REGIONS.get(0)).getBytes(StandardCharsets.UTF_8));
				out.write('\n');
			}
		}
		ByteArrayOutputStream second = new ByteArrayOutputStream();
		try (OutputStream out = new GZIPOutputStream(second)) {
			for (int i = 0; i < 50; i++) {
				// Not counted by the generator: these records are lost with the broken
				// member.
				out.write(("{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"" + hour.toInstant(ZoneOffset.UTC)
						+ "\",\"padding\":\"" + "x".repeat(200) + i + "\"}\n")
					.getBytes(StandardCharsets.UTF_8));
			}
		}
		byte[] broken = second.toByteArray();
		bytes.write(broken, 0, 12);
		Files.write(folder.resolve("20260101T000000000Z_truncated.json.gz"), bytes.toByteArray());
		this.expected.addReject();
	}

	private List<String> badLines(Path folder, Path root) {
		String[] parts = root.relativize(folder).toString().split("/");
		int n = parts.length;
		String ts = parts[n - 4] + "-" + parts[n - 3] + "-" + parts[n - 2] + "T" + parts[n - 1] + ":30:00Z";
		List<String> lines = new ArrayList<>();
		lines.add("{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"" + ts
				+ "\",\"modelId\":\"amazon.nova-pro-v1:0\",");
		lines.add("{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"" + ts
				+ "\",\"region\":\"us-east-1\",\"operation\":\"Converse\",\"modelId\":\"amazon.nova-pro-v1:0\","
				+ "\"input\":{\"inputTokenCount\":\"12\"},\"output\":{\"outputTokenCount\":3}}");
		lines.add("{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"" + ts
				+ "\",\"region\":\"us-east-1\",\"operation\":\"Converse\",\"modelId\":\"amazon.nova-pro-v1:0\","
				+ "\"input\":{\"inputTokenCount\":-5},\"output\":{\"outputTokenCount\":3}}");
		lines.add("{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"yesterday\","
				+ "\"region\":\"us-east-1\",\"modelId\":\"amazon.nova-pro-v1:0\",\"input\":{\"inputTokenCount\":5}}");
		// A record of another schema shares the stream and is neither counted nor
		// rejected.
		lines.add("{\"schemaType\":\"SomeOtherLog\",\"timestamp\":\"" + ts + "\"}");
		for (int i = 0; i < 4; i++) {
			this.expected.addReject();
		}
		this.expected.addForeign();
		return lines;
	}

	private void writeCsv(Path file) throws IOException {
		StringBuilder csv = new StringBuilder("date,modelId,feature,region,invocations,inputTokens,outputTokens,"
				+ "cacheReadInputTokens,cacheWriteInputTokens,cost_center\n");
		String[][] rows = { { "us.amazon.nova-lite-v1:0", "doc-classifier" },
				{ "anthropic.claude-3-5-haiku-20241022-v1:0", "email-drafts" } };
		for (LocalDate day = this.options.windowFrom().minusDays(1); !day.isAfter(this.options.windowTo()); day = day
			.plusDays(1)) {
			for (String[] row : rows) {
				long requests = 50 + this.random.nextInt(500);
				long input = requests * (200 + this.random.nextInt(800));
				long output = requests * (20 + this.random.nextInt(200));
				long cacheRead = row[0].contains("claude") ? requests * 1000 : 0;
				long cacheWrite = row[0].contains("claude") ? 2048 : 0;
				csv.append(day)
					.append(',')
					.append(row[0])
					.append(',')
					.append(row[1])
					.append(",us-east-1,")
					.append(requests)
					.append(',')
					.append(input)
					.append(',')
					.append(output)
					.append(',')
					.append(cacheRead)
					.append(',')
					.append(cacheWrite)
					.append(",CC-42\n");
				long[] billed = this.billable.computeIfAbsent(new BillKey(day, "us-east-1", row[0].replace("us.", ""),
						row[0].startsWith("us.") ? "geo" : "regional", "standard"), (k) -> new long[5]);
				billed[0] += input;
				billed[1] += output;
				billed[2] += cacheRead;
				billed[3] += cacheWrite;
				if (!day.isBefore(this.options.windowFrom()) && day.isBefore(this.options.windowTo())) {
					ExpectedTotals.Counts c = this.expected.of(row[0].replace("us.", ""), row[1]);
					c.requests += requests;
					c.input += input;
					c.output += output;
					c.cacheRead += cacheRead;
					c.cacheWrite5m += cacheWrite;
				}
			}
		}
		Files.writeString(file, csv);
	}

	private long between(int min, int max) {
		return min + this.random.nextInt(max - min + 1);
	}

	private String record(Instant ts, String account, String region) {
		Profile profile = Profile.values()[this.random.nextInt(Profile.values().length)];
		boolean error = this.random.nextInt(40) == 0;
		ObjectNode r = JSON.createObjectNode();
		r.put("schemaType", "ModelInvocationLog");
		r.put("schemaVersion", "1.0");
		r.put("timestamp", ts.toString());
		r.put("accountId", account);
		r.put("region", region);
		r.put("requestId",
				new java.util.UUID(this.random.nextLong(), this.random.nextLong() ^ this.requestIdSalt).toString());
		long input = between(20, 4000);
		long output = between(1, 900);
		long cacheRead = 0;
		long write5m = 0;
		long write1h = 0;
		String model;
		String path;
		ObjectNode in = r.putObject("input");
		in.put("inputContentType", "application/json");
		ObjectNode out = r.putObject("output");
		out.put("outputContentType", "application/json");
		switch (profile) {
			case TRIAGE_CONVERSE -> {
				r.put("operation", "Converse");
				r.put("modelId", "us.anthropic.claude-haiku-4-5-20251001-v1:0");
				model = "anthropic.claude-haiku-4-5-20251001-v1:0";
				path = "ticket-triage";
				identity(r, "arn:aws:sts::" + account + ":assumed-role/SupportApiRole/i-0abc");
				r.putObject("requestMetadata").put("feature", path).put("team", "support");
				cacheRead = this.random.nextBoolean() ? between(2048, 9000) : 0;
				write1h = cacheRead == 0 ? between(2048, 4000) : 0;
				write5m = cacheRead == 0 ? between(0, 300) : 0;
				converseRequest(in, true);
				ObjectNode body = converseResponse(out, input, output, "end_turn");
				ObjectNode usage = (ObjectNode) body.get("usage");
				usage.put("cacheReadInputTokens", cacheRead).put("cacheWriteInputTokens", write5m + write1h);
				if (write5m + write1h > 0) {
					ArrayNode details = usage.putArray("cacheDetails");
					details.addObject().put("ttl", "1h").put("inputTokens", write1h);
					details.addObject().put("ttl", "5m").put("inputTokens", write5m);
				}
			}
			case CHAT_CONVERSE_STREAM -> {
				r.put("operation", "ConverseStream");
				r.put("modelId", "global.anthropic.claude-sonnet-4-5-20250929-v1:0");
				model = "anthropic.claude-sonnet-4-5-20250929-v1:0";
				path = "ChatBackendRole";
				identity(r,
						"arn:aws:sts::" + account + ":assumed-role/ChatBackendRole/session-" + this.random.nextInt(99));
				cacheRead = between(1000, 30000);
				write5m = this.random.nextInt(4) == 0 ? between(1024, 2048) : 0;
				converseRequest(in, false);
				ObjectNode body = converseResponse(out, input, output, "end_turn");
				((ObjectNode) body.get("usage")).put("cacheReadInputTokens", cacheRead)
					.put("cacheWriteInputTokens", write5m);
			}
			case ALICE_INVOKE -> {
				r.put("operation", "InvokeModel");
				r.put("modelId", "anthropic.claude-3-haiku-20240307-v1:0");
				model = "anthropic.claude-3-haiku-20240307-v1:0";
				path = "user/alice";
				identity(r, "arn:aws:iam::" + account + ":user/alice");
				anthropicRequest(in, false);
				ObjectNode body = out.putObject("outputBodyJson");
				body.put("id", "msg_bdrk_01").put("type", "message").put("role", "assistant");
				body.putArray("content").addObject().put("type", "text").put("text", COMPLETION_MARKER);
				body.put("stop_reason", "end_turn");
				body.putObject("usage").put("input_tokens", input).put("output_tokens", output);
			}
			case CODE_REVIEW_STREAM -> {
				r.put("operation", "InvokeModelWithResponseStream");
				r.put("modelId", "arn:aws:bedrock:" + region + ":" + account
						+ ":inference-profile/global.anthropic.claude-opus-4-6-v1");
				model = "anthropic.claude-opus-4-6-v1";
				path = "CodeReviewLambda";
				identity(r, "arn:aws:sts::" + account + ":assumed-role/CodeReviewLambda/review");
				cacheRead = between(20000, 120000);
				write1h = between(0, 3000);
				write5m = between(0, 500);
				anthropicRequest(in, true);
				ArrayNode events = out.putArray("outputBodyJson");
				ObjectNode start = events.addObject().put("type", "message_start").putObject("message");
				start.put("id", "msg_bdrk_02").put("model", "claude-opus-4-6");
				ObjectNode usage = start.putObject("usage");
				usage.put("input_tokens", input)
					.put("cache_read_input_tokens", cacheRead)
					.put("cache_creation_input_tokens", write5m + write1h)
					.put("output_tokens", 1);
				usage.putObject("cache_creation")
					.put("ephemeral_5m_input_tokens", write5m)
					.put("ephemeral_1h_input_tokens", write1h);
				events.addObject()
					.put("type", "content_block_delta")
					.put("index", 0)
					.putObject("delta")
					.put("type", "text_delta")
					.put("text", COMPLETION_MARKER);
				ObjectNode delta = events.addObject().put("type", "message_delta");
				delta.putObject("delta").put("stop_reason", "end_turn");
				delta.putObject("usage").put("output_tokens", output);
				events.addObject()
					.put("type", "message_stop")
					.putObject("amazon-bedrock-invocationMetrics")
					.put("inputTokenCount", input)
					.put("outputTokenCount", output)
					.put("cacheReadInputTokenCount", cacheRead)
					.put("cacheWriteInputTokenCount", write5m + write1h);
			}
			case NIGHTLY_FLEX -> {
				r.put("operation", "Converse");
				r.put("modelId", "amazon.nova-pro-v1:0");
				model = "amazon.nova-pro-v1:0";
				path = "nightly-summaries";
				identity(r, "arn:aws:sts::" + account + ":assumed-role/BatchSummaryRole/job");
				r.putObject("requestMetadata").put("path", path);
				converseRequest(in, false);
				((ObjectNode) in.get("inputBodyJson")).putObject("serviceTier").put("type", "flex");
				ObjectNode body = converseResponse(out, input, output, "end_turn");
				body.putObject("serviceTier").put("type", "flex");
			}
			case ETL_LLAMA -> {
				r.put("operation", "InvokeModel");
				r.put("modelId", "meta.llama3-3-70b-instruct-v1:0");
				model = "meta.llama3-3-70b-instruct-v1:0";
				path = "EtlRole";
				identity(r, "arn:aws:sts::" + account + ":assumed-role/EtlRole/glue");
				in.putObject("inputBodyJson")
					.put("prompt", "<|begin_of_text|><|start_header_id|>system<|end_header_id|>" + PROMPT_MARKER)
					.put("max_gen_len", 512);
				out.putObject("outputBodyJson")
					.put("generation", COMPLETION_MARKER)
					.put("prompt_token_count", input)
					.put("generation_token_count", output)
					.put("stop_reason", output > 800 ? "length" : "stop");
			}
			case SEARCH_EMBEDDINGS -> {
				r.put("operation", "InvokeModel");
				r.put("modelId", "amazon.titan-embed-text-v2:0");
				model = "amazon.titan-embed-text-v2:0";
				path = "SearchIndexer";
				identity(r, "arn:aws:sts::" + account + ":assumed-role/SearchIndexer/worker");
				in.putObject("inputBodyJson").put("inputText", PROMPT_MARKER);
				output = 0;
			}
			case LEGACY_APP_PROFILE -> {
				r.put("operation", "Converse");
				r.put("modelId",
						"arn:aws:bedrock:" + region + ":" + account + ":application-inference-profile/a1b2c3d4e5f6");
				model = "application-inference-profile/a1b2c3d4e5f6";
				path = "legacy-bot";
				identity(r, "arn:aws:sts::" + account + ":assumed-role/LegacyBotRole/x");
				r.putObject("requestMetadata").put("app", path);
				converseRequest(in, false);
				converseResponse(out, input, output, "end_turn");
			}
			case SUMMARY_NOVA_MICRO -> {
				r.put("operation", "Converse");
				r.put("modelId", "us.amazon.nova-micro-v1:0");
				model = "amazon.nova-micro-v1:0";
				path = "digest-writer";
				identity(r, "arn:aws:sts::" + account + ":assumed-role/DigestRole/x");
				r.putObject("requestMetadata").put("application", path);
				converseRequest(in, false);
				converseResponse(out, input, output, output > 850 ? "max_tokens" : "end_turn");
			}
			default -> throw new IllegalStateException();
		}
		if (error) {
			r.put("errorCode", "ThrottlingException");
			r.remove("output");
		}
		else {
			in.put("inputTokenCount", input);
			if (cacheRead > 0) {
				in.put("cacheReadInputTokenCount", cacheRead);
			}
			if (write5m + write1h > 0) {
				in.put("cacheWriteInputTokenCount", write5m + write1h);
			}
			if (profile != Profile.SEARCH_EMBEDDINGS) {
				out.put("outputTokenCount", output);
			}
		}
		if (!error) {
			String id = r.get("modelId").asString();
			String scope = id.startsWith("us.") ? "geo" : id.contains("global.") ? "global" : "regional";
			long[] tokens = this.billable.computeIfAbsent(new BillKey(LocalDate.ofInstant(ts, ZoneOffset.UTC), region,
					model, scope, profile == Profile.NIGHTLY_FLEX ? "flex" : "standard"), (k) -> new long[5]);
			tokens[0] += input;
			tokens[1] += output;
			tokens[2] += cacheRead;
			tokens[3] += write5m;
			tokens[4] += write1h;
		}
		if (counts(ts)) {
			for (ExpectedTotals.Counts c : List.of(this.expected.of(model, path),
					this.expected.ofDay(LocalDate.ofInstant(ts, ZoneOffset.UTC)))) {
				if (error) {
					c.errors++;
				}
				else {
					c.requests++;
					c.input += input;
					c.output += output;
					c.cacheRead += cacheRead;
					c.cacheWrite5m += write5m;
					c.cacheWrite1h += write1h;
				}
			}
		}
		return JSON.writeValueAsString(r);
	}

	private static void identity(ObjectNode r, String arn) {
		r.putObject("identity").put("arn", arn);
	}

	private static void converseRequest(ObjectNode in, boolean cachePoint1h) {
		ObjectNode body = in.putObject("inputBodyJson");
		ArrayNode system = body.putArray("system");
		system.addObject().put("text", "You are a helpful assistant. " + PROMPT_MARKER);
		if (cachePoint1h) {
			system.addObject().putObject("cachePoint").put("type", "default").put("ttl", "1h");
		}
		body.putArray("messages")
			.addObject()
			.put("role", "user")
			.putArray("content")
			.addObject()
			.put("text", "Question: " + PROMPT_MARKER);
		body.putObject("inferenceConfig").put("maxTokens", 1024);
	}

	private static ObjectNode converseResponse(ObjectNode out, long input, long output, String stopReason) {
		ObjectNode body = out.putObject("outputBodyJson");
		body.putObject("output")
			.putObject("message")
			.put("role", "assistant")
			.putArray("content")
			.addObject()
			.put("text", COMPLETION_MARKER);
		body.put("stopReason", stopReason);
		body.putObject("metrics").put("latencyMs", 812);
		body.putObject("usage")
			.put("inputTokens", input)
			.put("outputTokens", output)
			.put("totalTokens", input + output);
		return body;
	}

	private static void anthropicRequest(ObjectNode in, boolean cached) {
		ObjectNode body = in.putObject("inputBodyJson");
		body.put("anthropic_version", "bedrock-2023-05-31").put("max_tokens", 1024);
		if (cached) {
			ObjectNode system = body.putArray("system")
				.addObject()
				.put("type", "text")
				.put("text", "Review this diff. " + PROMPT_MARKER);
			system.putObject("cache_control").put("type", "ephemeral").put("ttl", "1h");
		}
		else {
			body.put("system", "Be brief. " + PROMPT_MARKER);
		}
		body.putArray("messages").addObject().put("role", "user").put("content", PROMPT_MARKER);
	}

}
