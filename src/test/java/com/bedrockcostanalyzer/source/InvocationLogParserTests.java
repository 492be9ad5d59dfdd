package com.bedrockcostanalyzer.source;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.bedrockcostanalyzer.usage.ModelIdNormalizer;
import com.bedrockcostanalyzer.usage.NormalizedModel;
import com.bedrockcostanalyzer.usage.PathResolver;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;
import com.bedrockcostanalyzer.usage.UsageRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** Records in the shapes of the formats reference (section 1), most of them verbatim. */
class InvocationLogParserTests {

	private final InvocationLogParser parser = new InvocationLogParser(new ModelIdNormalizer(Map.of()),
			new PathResolver(List.of("path", "feature", "application", "application_name", "app")));

	/** aws-samples kr-tech-blog: Converse, usage nested under output in that dump. */
	static final String CONVERSE = """
			{"timestamp":"2025-12-03T10:54:44Z","accountId":"123456789012",
			 "identity":{"arn":"arn:aws:iam::123456789012:user/dev"},"region":"us-east-1",
			 "requestId":"r-1","operation":"Converse","modelId":"anthropic.claude-3-haiku-20240307-v1:0",
			 "input":{"inputContentType":"application/json","inputBodyJson":{"messages":[{"role":"user","content":[{"text":"Generate a SQL query ..."}]}]},"inputTokenCount":23},
			 "output":{"outputContentType":"application/json","outputBodyJson":{"output":{"message":{"role":"assistant","content":[{"text":"SELECT 1"}]},"stopReason":"end_turn","metrics":{"latencyMs":2866},"usage":{"inputTokens":23,"outputTokens":319,"totalTokens":342}}},"outputTokenCount":319},
			 "requestMetadata":{"environment":"development","application_name":"DeveloperToolsApp","cost_center":"ENG-789","user_id":"dev-501","team":"engineering"},
			 "schemaType":"ModelInvocationLog","schemaVersion":"1.0"}""";

	/**
	 * An observed record: offloaded input, cache counts on top of a 1-token uncached
	 * input, global profile ARN.
	 */
	static final String OFFLOADED_STREAM = """
			{"schemaType":"ModelInvocationLog","schemaVersion":"1.0","timestamp":"2026-04-14T08:57:15Z","accountId":"022346938362",
			 "region":"us-east-1","requestId":"081f659f","operation":"InvokeModelWithResponseStream",
			 "modelId":"arn:aws:bedrock:us-east-1:022346938362:inference-profile/global.anthropic.claude-opus-4-6-v1",
			 "input":{"inputContentType":"application/json","inputBodyS3Path":"s3://b/data/x_input.json.gz","inputTokenCount":1,
			          "cacheReadInputTokenCount":129709,"cacheWriteInputTokenCount":411},
			 "output":{"outputContentType":"application/json","outputBodyJson":[ "...streaming chunks..." ],"outputTokenCount":326},
			 "identity":{"arn":"arn:aws:iam::022346938362:user/endpoint-priv-ec2-cli"},"inferenceRegion":"ap-southeast-4"}""";

	@Test
	void readsTheConverseRecordOfTheReference() {
		UsageRecord record = parse(CONVERSE);

		assertThat(record).usingRecursiveComparison()
			.ignoringFields("detail")
			.isEqualTo(new UsageRecord(LocalDate.of(2025, 12, 3), "us-east-1",
					new NormalizedModel("anthropic.claude-3-haiku-20240307-v1:0", Scope.REGIONAL, true), Tier.STANDARD,
					"DeveloperToolsApp", 1, 0, 0, 0, new TokenCounts(23, 319, 0, 0, 0)));
	}

	@Test
	void fingerprintsTheSystemPromptAndToolsButNotTheMessages() {
		String first = converseWith("You are a support agent. Policy: ...", "Where is my order?");
		String second = converseWith("You are a support agent. Policy: ...", "Cancel my subscription, please.");
		String other = converseWith("You are a pirate.", "Where is my order?");

		long a = parse(first).detail().prefixFingerprint();
		assertThat(a).isNotZero().isEqualTo(parse(second).detail().prefixFingerprint());
		assertThat(parse(other).detail().prefixFingerprint()).isNotEqualTo(a);
		// The prefix is a part of the request's own tokens, estimated from its share of
		// the body.
		assertThat(parse(first).detail().prefixTokens()).isBetween(1L, 999L);
		assertThat(parse(first).detail().cacheMarked()).isFalse();
		assertThat(parse(first.replace("\"}]}]}", "\"},{\"cachePoint\":{\"type\":\"default\"}}]}]}")).detail()
			.cacheMarked()).isTrue();
	}

	@Test
	void tellsPeopleFromServiceRoles() {
		assertThat(PathResolver.isPerson("arn:aws:iam::1:user/alice")).isTrue();
		assertThat(PathResolver.isPerson("arn:aws:sts::1:assumed-role/AWSReservedSSO_Dev_abc/alice@example.com"))
			.isTrue();
		assertThat(PathResolver.isPerson("arn:aws:sts::1:assumed-role/EtlRole/glue-job")).isFalse();
		assertThat(parse(CONVERSE).detail().humanCaller()).isTrue();
		assertThat(parse(CONVERSE).detail().timestamp()).isEqualTo(java.time.Instant.parse("2025-12-03T10:54:44Z"));
	}

	private static String converseWith(String system, String question) {
		return "{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"2026-10-01T00:00:00Z\",\"region\":\"us-east-1\","
				+ "\"operation\":\"Converse\",\"modelId\":\"amazon.nova-pro-v1:0\",\"input\":{\"inputBodyJson\":"
				+ "{\"system\":[{\"text\":\"" + system
				+ "\"}],\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"" + question
				+ "\"}]}]},\"inputTokenCount\":1000},\"output\":{\"outputTokenCount\":10}}";
	}

	@Test
	void sizesTheLongPrefixAndBodyFromTheLineItself() {
		// Long texts, so that the parser walks a shortened copy; sizes are bytes of the
		// line, worked out here.
		String system = "Policy \\\"v2\\\": " + "refunds within 30 days. ".repeat(80);
		String question = "Where is my order? ".repeat(150);
		String systemJson = "[{\"text\":\"" + system + "\"}]";
		String body = "{\"system\":" + systemJson + ",\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\""
				+ question + "\"}]}]}";
		UsageRecord record = parse(converseWith(system, question));

		assertThat(record.detail().prefixTokens()).isEqualTo(systemJson.length() * 1000L / body.length());
		// A system prompt given as one string (InvokeModel, Anthropic body), short
		// (parsed in place) and long (cut).
		for (String text : List.of("Be brief.", system)) {
			String prompt = "\"" + text + "\"";
			String invokeBody = "{\"system\":" + prompt + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + question
					+ "\"}]}";
			// Ten million prompt tokens, so that one byte more or less in the prefix
			// shows in the estimate.
			String line = converseWith(system, question).replace(body, invokeBody)
				.replace("\"inputTokenCount\":1000", "\"inputTokenCount\":10000000");
			assertThat(parse(line).detail().prefixTokens()).as(text)
				.isEqualTo(prompt.length() * 10_000_000L / invokeBody.length());
		}
		assertThat(record.detail().prefixFingerprint())
			.isEqualTo(parse(converseWith(system, "Cancel it. ".repeat(40))).detail().prefixFingerprint())
			.isNotEqualTo(parse(converseWith(system.replace("30", "31"), question)).detail().prefixFingerprint());
	}

	@Test
	void neverSubtractsCacheTokensFromInput() {
		UsageRecord record = parse(OFFLOADED_STREAM);

		assertThat(record.tokens()).isEqualTo(new TokenCounts(1, 326, 129709, 411, 0));
		assertThat(record.model()).isEqualTo(new NormalizedModel("anthropic.claude-opus-4-6-v1", Scope.GLOBAL, true));
		assertThat(record.path()).isEqualTo("user/endpoint-priv-ec2-cli");
		assertThat(record.region()).as("the source Region bills, not the inference Region").isEqualTo("us-east-1");
		assertThat(record.streamingRequests()).isEqualTo(1);
	}

	@Test
	void takesTheOneHourCacheWriteSplitFromAnAnthropicBody() {
		String line = record("InvokeModel", "us.anthropic.claude-sonnet-4-5-20250929-v1:0", 100, 50, 2000, 1500,
				"""
						{"id":"msg_bdrk_1","type":"message","content":[{"type":"text","text":"hi"}],"stop_reason":"max_tokens",
						 "usage":{"input_tokens":100,"cache_creation_input_tokens":1500,"cache_read_input_tokens":2000,
						 "cache_creation":{"ephemeral_5m_input_tokens":300,"ephemeral_1h_input_tokens":1200},"output_tokens":50}}""");

		UsageRecord record = parse(line);

		assertThat(record.tokens()).isEqualTo(new TokenCounts(100, 50, 2000, 300, 1200));
		assertThat(record.truncatedRequests()).isEqualTo(1);
		assertThat(record.model().scope()).isEqualTo(Scope.GEO);
	}

	@Test
	void takesTheOneHourSplitFromTheMessageStartEventOfAStream() {
		String line = record("InvokeModelWithResponseStream", "anthropic.claude-haiku-4-5-20251001-v1:0", 10, 20, 0,
				900,
				"""
						[{"type":"message_start","message":{"id":"m","usage":{"input_tokens":10,"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":900},"output_tokens":1}}},
						 {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"x"}},
						 {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":20}},
						 {"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":10,"outputTokenCount":20}}]""");

		assertThat(parse(line).tokens()).isEqualTo(new TokenCounts(10, 20, 0, 0, 900));
	}

	@Test
	void readsEveryStreamEventButTheAnswerDeltasOfAStreamLoggedCompactly() {
		// The answer's text says max_tokens; only a delta with a stop reason of its own
		// (not an answer delta) does.
		String events = String.join(",",
				"{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":10,"
						+ "\"cache_creation\":{\"ephemeral_1h_input_tokens\":900}}}}",
				ShortenedLineTests.delta(0, "text_delta", "text", "\\\"stop_reason\\\":\\\"max_tokens\\\""),
				ShortenedLineTests.delta(0, "text_delta", "text", "x".repeat(300)),
				ShortenedLineTests.delta(1, "input_json_delta", "partial_json", "{\\\"q\\\":1}"),
				"{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":20}}");
		UsageRecord record = parseStream(events);
		assertThat(record.tokens()).isEqualTo(new TokenCounts(10, 20, 0, 0, 900));
		assertThat(record.truncatedRequests()).isZero();
		assertThat(record.streamingRequests()).isEqualTo(1);

		assertThat(parseStream(events.replace("\"end_turn\"", "\"max_tokens\"")).truncatedRequests()).isEqualTo(1);
		// A delta one field away from the shape is read like any event.
		String withStop = ShortenedLineTests.delta(2, "text_delta", "text", "y")
			.replace("\"}}", "\",\"stop_reason\":\"max_tokens\"}}");
		assertThat(parseStream(events + "," + withStop).truncatedRequests()).isEqualTo(1);
	}

	/**
	 * A streamed Claude record logging 10 input, 20 output and 900 cache-write tokens,
	 * with these events.
	 */
	private UsageRecord parseStream(String events) {
		return parse(record("InvokeModelWithResponseStream", "anthropic.claude-haiku-4-5-20251001-v1:0", 10, 20, 0, 900,
				"[" + events + "]"));
	}

	@Test
	void takesTheOneHourSplitFromConverseCacheDetails() {
		String line = record("Converse", "global.anthropic.claude-haiku-4-5-20251001-v1:0", 10, 20, 0, 1000, """
				{"output":{"message":{"role":"assistant","content":[{"text":"x"}]}},"stopReason":"end_turn",
				 "usage":{"inputTokens":10,"outputTokens":20,"cacheWriteInputTokens":1000,
				 "cacheDetails":[{"ttl":"1h","inputTokens":600},{"ttl":"5m","inputTokens":400}]}}""");

		assertThat(parse(line).tokens()).isEqualTo(new TokenCounts(10, 20, 0, 400, 600));
	}

	@Test
	void putsAllCacheWritesOnTheFiveMinuteRateWhenTheBodyHasNoSplit() {
		String line = record("Converse", "anthropic.claude-3-7-sonnet-20250219-v1:0", 10, 20, 5, 700, "null");

		assertThat(parse(line).tokens()).isEqualTo(new TokenCounts(10, 20, 5, 700, 0));
	}

	@Test
	void readsTheServiceTierOfAFlexRequest() {
		String line = record("Converse", "amazon.nova-pro-v1:0", 10, 20, 0, 0,
				"{\"stopReason\":\"end_turn\",\"serviceTier\":{\"type\":\"flex\"}}");

		assertThat(parse(line).tier()).isEqualTo(Tier.FLEX);
	}

	@Test
	void countsAnErrorRecordAsAnErrorWithNoTokens() {
		String line = """
				{"schemaType":"ModelInvocationLog","timestamp":"2026-10-01T00:00:00Z","region":"us-east-1",
				 "operation":"Converse","modelId":"amazon.nova-pro-v1:0","errorCode":"ThrottlingException",
				 "input":{"inputTokenCount":50}}""";

		UsageRecord record = parse(line);

		assertThat(record.requests()).isZero();
		assertThat(record.errors()).isEqualTo(1);
		assertThat(record.tokens()).isEqualTo(TokenCounts.ZERO);
	}

	@Test
	void readsLlamaAndTitanBodiesWithoutTheirText() {
		String llama = record("InvokeModel", "meta.llama3-3-70b-instruct-v1:0", 30, 40, 0, 0,
				"{\"generation\":\"text\",\"prompt_token_count\":30,\"generation_token_count\":40,\"stop_reason\":\"length\"}");
		assertThat(parse(llama).truncatedRequests()).isEqualTo(1);
		String titan = """
				{"schemaType":"ModelInvocationLog","timestamp":"2026-10-01T00:00:00Z","region":"us-east-1",
				 "operation":"InvokeModel","modelId":"amazon.titan-embed-text-v2:0","input":{"inputTokenCount":12,
				 "inputBodyJson":{"inputText":"hello"}},"output":{"outputBodyJson":{"embedding":[0.1,0.2]}}}""";
		assertThat(parse(titan).tokens()).isEqualTo(new TokenCounts(12, 0, 0, 0, 0));
	}

	@Test
	void skipsARecordOfAnotherSchema() {
		assertThat(this.parser
			.parse(bytes("{\"schemaType\":\"ModelInvocationLogV2Preview\"}"), 0,
					bytes("{\"schemaType\":\"ModelInvocationLogV2Preview\"}").length)
			.foreign()).isTrue();
	}

	@Test
	void rejectsTokenCountsThatAreNotWholeNonNegativeNumbers() {
		assertThat(reject(withInput("\"12\""))).isEqualTo("input.inputTokenCount is not a whole number");
		assertThat(reject(withInput("12.5"))).isEqualTo("input.inputTokenCount is not a whole number");
		assertThat(reject(withInput("-3"))).isEqualTo("input.inputTokenCount is negative");
		assertThat(reject(withInput("99999999999999999999999")))
			.isEqualTo("input.inputTokenCount is implausibly large");
		assertThat(reject(withInput("100000001"))).isEqualTo("input.inputTokenCount is implausibly large");
	}

	@Test
	void rejectsRecordsMissingWhatPricingNeeds() {
		assertThat(reject("{\"schemaType\":\"ModelInvocationLog\",\"region\":\"us-east-1\"}"))
			.isEqualTo("missing timestamp");
		assertThat(reject("{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"03/12/2025 10:54\"}"))
			.isEqualTo("timestamp is not an RFC 3339 date-time");
		assertThat(reject(
				"{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"2026-10-01T00:00:00Z\",\"region\":\"us-east-1\"}"))
			.isEqualTo("missing modelId");
		assertThat(reject(
				"{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"2026-10-01T00:00:00Z\",\"region\":\"<script>\",\"modelId\":\"m\"}"))
			.isEqualTo("region is not an AWS Region code");
		assertThat(reject(
				"{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"2026-10-01T00:00:00Z\",\"region\":\"us-east-1\",\"modelId\":\"m\",\"input\":{}}"))
			.isEqualTo("missing input.inputTokenCount");
	}

	@Test
	void rejectsBrokenJsonWithoutQuotingIt() {
		String reason = reject("{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"SECRET prompt text");
		assertThat(reason).startsWith("malformed JSON").doesNotContain("SECRET");
		assertThat(reject("[1,2]")).isEqualTo("not a JSON object");
		assertThat(reject(CONVERSE.replace("\n", "") + " {}")).isEqualTo("unexpected content after the record");
		assertThat(reject("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"))
			.isEqualTo("JSON exceeds the parser's limits (nesting, string or number length)");
	}

	@Test
	void rejectsBytesThatAreNotUtf8() {
		byte[] broken = CONVERSE.replace("\n", "").getBytes(StandardCharsets.ISO_8859_1);
		int at = new String(broken, StandardCharsets.ISO_8859_1).indexOf("SQL");
		broken[at] = (byte) 0xC3;
		broken[at + 1] = (byte) 0x28;
		assertThat(this.parser.parse(broken, 0, broken.length).rejectReason()).startsWith("malformed JSON");
	}

	private static String withInput(String count) {
		return "{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"2026-10-01T00:00:00Z\",\"region\":\"us-east-1\","
				+ "\"modelId\":\"amazon.nova-pro-v1:0\",\"input\":{\"inputTokenCount\":" + count + "}}";
	}

	private static String record(String operation, String modelId, long input, long output, long cacheRead,
			long cacheWrite, String outputBody) {
		return "{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"2026-10-01T12:00:00Z\","
				+ "\"region\":\"us-west-2\",\"operation\":\"" + operation + "\",\"modelId\":\"" + modelId + "\","
				+ "\"input\":{\"inputTokenCount\":" + input + ",\"cacheReadInputTokenCount\":" + cacheRead
				+ ",\"cacheWriteInputTokenCount\":" + cacheWrite + "},\"output\":{\"outputBodyJson\":" + outputBody
				+ ",\"outputTokenCount\":" + output + "}}";
	}

	private UsageRecord parse(String line) {
		byte[] bytes = bytes(line.replace("\n", ""));
		ParsedLine parsed = this.parser.parse(bytes, 0, bytes.length);
		assertThat(parsed.rejectReason()).isNull();
		return parsed.record();
	}

	@Test
	void rejectsARecordThatStatesAFieldItCountsTwice() {
		String head = "{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"2026-10-01T00:00:00Z\","
				+ "\"region\":\"us-east-1\",";
		// A JSON reader lets the last of two equal keys win: 7000 tokens would be counted
		// where the record also says 5.
		assertThat(reject(head + "\"modelId\":\"amazon.nova-pro-v1:0\",\"input\":{\"inputTokenCount\":5,"
				+ "\"inputTokenCount\":7000},\"output\":{\"outputTokenCount\":1}}"))
			.isEqualTo("input.inputTokenCount is stated twice in the record (ambiguous)");
		assertThat(reject(head + "\"modelId\":\"amazon.nova-pro-v1:0\",\"modelId\":\"amazon.nova-micro-v1:0\","
				+ "\"input\":{\"inputTokenCount\":5},\"output\":{\"outputTokenCount\":1}}"))
			.isEqualTo("modelId is stated twice in the record (ambiguous)");
		assertThat(reject(head + "\"modelId\":\"amazon.nova-pro-v1:0\",\"input\":{\"inputTokenCount\":5},"
				+ "\"output\":{\"outputTokenCount\":1},\"output\":{\"outputTokenCount\":9}}"))
			.isEqualTo("output.outputTokenCount is stated twice in the record (ambiguous)");
	}

	private String reject(String line) {
		byte[] bytes = bytes(line.replace("\n", ""));
		ParsedLine parsed = this.parser.parse(bytes, 0, bytes.length);
		assertThat(parsed.record()).isNull();
		return parsed.rejectReason();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void readsBedrockTimestampsWithoutAFormatterExactlyAsTheJdkDoes() {
		java.util.Random random = new java.util.Random(11);
		String characters = "0123456789-T:.Zz+ x";
		for (int i = 0; i < 20_000; i++) {
			Instant at = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
					random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
			String text = at.toString();
			if (text.length() <= 30 && !text.startsWith("+") && !text.startsWith("-")) {
				assertThat(InvocationLogParser.parseCanonicalInstant(text)).as(text).isEqualTo(at);
			}
			// Damaged copies: read as the JDK reads them, or left to it.
			StringBuilder damaged = new StringBuilder(text);
			damaged.setCharAt(random.nextInt(damaged.length()), characters.charAt(random.nextInt(characters.length())));
			Instant fast = InvocationLogParser.parseCanonicalInstant(damaged.toString());
			if (fast != null) {
				assertThat(fast).as(damaged.toString()).isEqualTo(Instant.parse(damaged));
			}
		}
		assertThat(InvocationLogParser.parseCanonicalInstant("2024-02-29T00:00:00Z")).isNotNull();
		for (String refused : List.of("2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z",
				"2026-01-01T00:60:00Z", "2026-01-01T00:00:60Z", "2026-01-01T00:00:00.Z",
				"2026-01-01T00:00:00.1234567890Z", "2026-01-01 00:00:00Z", "2026-01-01T00:00:00+00:00")) {
			assertThat(InvocationLogParser.parseCanonicalInstant(refused)).as(refused).isNull();
		}
		assertThat(InvocationLogParser.parseInstant("2026-01-01T02:00:00+02:00"))
			.isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(InvocationLogParser.parseInstant("2026-02-29T00:00:00Z")).isNull();
		org.assertj.core.api.Assertions.assertThatExceptionOfType(DateTimeParseException.class)
			.isThrownBy(() -> Instant.parse("2026-02-29T00:00:00Z"));
	}

}
