package com.bedrockcostanalyzer.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A month (October 2026) of one application's Bedrock traffic at the scale of a mid-size
 * team's bill, about $3,900 at list prices, shaped so that each of three savings shows in
 * it as it would in a real estate:
 * <ul>
 * <li>{@code support-assistant} — support agents (SSO sessions) chat with Claude Sonnet
 * 4.5 (global profile) through ConverseStream; every request repeats the same long system
 * prompt and tool list (about nine tenths of its 55–75K input tokens) without a cache
 * point: prompt caching;
 * <li>{@code ticket-triage} — agents classify tickets with the same model: 25–45K tokens
 * of ticket thread in, a label of 8–40 tokens out, steadily: routing to Claude Haiku 4.5;
 * <li>{@code nightly-digest} — a service role summarises the day's tickets at 01:00–01:40
 * UTC, 200 Converse calls a night through the US geo profile, nothing streamed: batch
 * inference.
 * </ul>
 * Written in Bedrock's S3 delivery layout under account 333333333333, us-east-1, with
 * what it holds kept in the totals and the bill, as {@link CorpusGenerator} does.
 */
final class SampleApplication {

	static final String ACCOUNT = "333333333333";

	static final String REGION = "us-east-1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SONNET = "anthropic.claude-sonnet-4-5-20250929-v1:0";

	// About 2,400 bytes of system prompt and tools against some 150 bytes of the rest of
	// the request body: the
	// analyzer estimates the prefix at that share of the request's input tokens.
	private static final String SUPPORT_SYSTEM = ("You are the support assistant of Example Corp. "
			+ CorpusGenerator.PROMPT_MARKER + " Follow the support policy, cite the knowledge base, never promise "
			+ "refunds. ")
		.repeat(12);

	private final Random random = new Random(20261031L);

	private final ExpectedTotals expected;

	private final Map<CorpusGenerator.BillKey, long[]> billable;

	private final Map<Path, List<TimedLine>> folders = new TreeMap<>();

	private record TimedLine(Instant at, String line) {
	}

	SampleApplication(ExpectedTotals expected, Map<CorpusGenerator.BillKey, long[]> billable) {
		this.expected = expected;
		this.billable = billable;
	}

	void write(Path root) throws IOException {
		for (LocalDate day = LocalDate.of(2026, 10, 1); day.getMonthValue() == 10; day = day.plusDays(1)) {
			for (int i = 0; i < 323; i++) {
				support(day.atTime(8, 0).plusSeconds(this.random.nextInt(12 * 3600)));
			}
			for (int i = 0; i < 323; i++) {
				triage(day.atTime(7, 0).plusSeconds(this.random.nextInt(12 * 3600)));
			}
			for (int i = 0; i < 200; i++) {
				digest(day.atTime(1, 0).plusSeconds(this.random.nextInt(40 * 60)));
			}
		}
		int file = 0;
		for (Map.Entry<Path, List<TimedLine>> folder : this.folders.entrySet()) {
			List<TimedLine> lines = new ArrayList<>(folder.getValue());
			lines.sort((a, b) -> a.at().compareTo(b.at()));
			Path directory = Files.createDirectories(root.resolve(folder.getKey().toString()));
			LocalDateTime first = LocalDateTime.ofInstant(lines.get(0).at(), ZoneOffset.UTC);
			Path target = directory.resolve(
					String.format("%04d%02d%02dT%02d%02d00000Z_%08x.json.gz", first.getYear(), first.getMonthValue(),
							first.getDayOfMonth(), first.getHour(), first.getMinute(), 0x5a3c0000 + file++));
			try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
				for (TimedLine line : lines) {
					out.write(line.line().getBytes(StandardCharsets.UTF_8));
					out.write('\n');
				}
			}
		}
	}

	private void support(LocalDateTime at) {
		ObjectNode r = record(at, "ConverseStream", "global." + SONNET, agent(), "support-assistant");
		ObjectNode body = converseBody(r, SUPPORT_SYSTEM);
		ArrayNode tools = body.putObject("toolConfig").putArray("tools");
		for (String tool : List.of("search_knowledge_base", "get_order", "open_ticket")) {
			tools.addObject()
				.putObject("toolSpec")
				.put("name", tool)
				.put("description", "Looks up what the support policy allows for " + tool)
				.putObject("inputSchema")
				.putObject("json")
				.put("type", "object");
		}
		userMessage(body, CorpusGenerator.PROMPT_MARKER);
		finish(r, at, "support-assistant", "global", between(55_000, 75_000), between(200, 800));
	}

	private void triage(LocalDateTime at) {
		ObjectNode r = record(at, "Converse", "global." + SONNET, agent(), "ticket-triage");
		userMessage(converseBody(r, "Label the ticket."),
				("Ticket thread: " + CorpusGenerator.PROMPT_MARKER + " ").repeat(40));
		finish(r, at, "ticket-triage", "global", between(25_000, 45_000), between(8, 40));
	}

	private void digest(LocalDateTime at) {
		ObjectNode r = record(at, "Converse", "us." + SONNET,
				"arn:aws:sts::" + ACCOUNT + ":assumed-role/DigestBatchRole/nightly", "nightly-digest");
		userMessage(converseBody(r, "Summarise."),
				("Tickets of the day: " + CorpusGenerator.PROMPT_MARKER + " ").repeat(40));
		finish(r, at, "nightly-digest", "geo", between(20_000, 40_000), between(1_000, 3_000));
	}

	/** A support agent's SSO session, one of forty. */
	private String agent() {
		return "arn:aws:sts::" + ACCOUNT + ":assumed-role/AWSReservedSSO_SupportAgents_5f0e/agent-"
				+ (1 + this.random.nextInt(40));
	}

	/** The record's Converse request body, with its system prompt. */
	private static ObjectNode converseBody(ObjectNode r, String system) {
		ObjectNode body = ((ObjectNode) r.get("input")).putObject("inputBodyJson");
		body.putArray("system").addObject().put("text", system);
		return body;
	}

	private static void userMessage(ObjectNode body, String text) {
		body.putArray("messages").addObject().put("role", "user").putArray("content").addObject().put("text", text);
	}

	private ObjectNode record(LocalDateTime at, String operation, String modelId, String caller, String path) {
		ObjectNode r = JSON.createObjectNode();
		r.put("schemaType", "ModelInvocationLog");
		r.put("schemaVersion", "1.0");
		r.put("timestamp", at.toInstant(ZoneOffset.UTC).toString());
		r.put("accountId", ACCOUNT);
		r.put("region", REGION);
		r.put("requestId", new UUID(this.random.nextLong(), this.random.nextLong()).toString());
		r.put("operation", operation);
		r.put("modelId", modelId);
		r.putObject("identity").put("arn", caller);
		r.putObject("requestMetadata").put("feature", path);
		r.putObject("input").put("inputContentType", "application/json");
		return r;
	}

	private void finish(ObjectNode r, LocalDateTime at, String path, String scope, long input, long output) {
		((ObjectNode) r.get("input")).put("inputTokenCount", input);
		ObjectNode out = r.putObject("output");
		out.put("outputContentType", "application/json");
		ObjectNode body = out.putObject("outputBodyJson");
		body.putObject("output")
			.putObject("message")
			.put("role", "assistant")
			.putArray("content")
			.addObject()
			.put("text", CorpusGenerator.COMPLETION_MARKER);
		body.put("stopReason", "end_turn");
		body.putObject("usage")
			.put("inputTokens", input)
			.put("outputTokens", output)
			.put("totalTokens", input + output);
		out.put("outputTokenCount", output);
		LocalDate day = at.toLocalDate();
		long[] tokens = this.billable
			.computeIfAbsent(new CorpusGenerator.BillKey(day, REGION, SONNET, scope, "standard"), (k) -> new long[5]);
		tokens[0] += input;
		tokens[1] += output;
		for (ExpectedTotals.Counts c : List.of(this.expected.of(SONNET, path), this.expected.ofDay(day))) {
			c.requests++;
			c.input += input;
			c.output += output;
		}
		Path folder = CorpusGenerator.hourFolder(Path.of(""), ACCOUNT, REGION, at);
		this.folders.computeIfAbsent(folder, (f) -> new ArrayList<>())
			.add(new TimedLine(at.toInstant(ZoneOffset.UTC), JSON.writeValueAsString(r)));
	}

	private long between(int min, int max) {
		return min + this.random.nextInt(max - min + 1);
	}

}
