package com.bedrockcostanalyzer.reliability;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.bedrockcostanalyzer.source.InvocationLogParser;
import com.bedrockcostanalyzer.source.ParsedLine;
import com.bedrockcostanalyzer.usage.ModelIdNormalizer;
import com.bedrockcostanalyzer.usage.PathResolver;
import com.bedrockcostanalyzer.usage.Regions;
import com.bedrockcostanalyzer.usage.TokenCounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutates real-shaped records at random and checks what must hold for every one of them:
 * no exception, exactly one outcome, counts in range, and no text of the input in a
 * reject reason. A fixed number of rounds in CI; run longer with
 * {@code -Dbca.fuzz.rounds=1000000}.
 */
class ParserFuzzTests {

	private static final String MARKER = "FUZZ-SECRET-PROMPT";

	private static final List<String> SEEDS = List
		.of("{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"2026-10-02T10:54:44Z\",\"accountId\":\"123456789012\",\"identity\":{\"arn\":\"arn:aws:sts::123456789012:assumed-role/App/s\"},\"region\":\"us-east-1\",\"requestId\":\"a\",\"operation\":\"Converse\",\"modelId\":\"us.anthropic.claude-haiku-4-5-20251001-v1:0\",\"input\":{\"inputBodyJson\":{\"system\":[{\"text\":\""
				+ MARKER
				+ "\"},{\"cachePoint\":{\"type\":\"default\"}}],\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\""
				+ MARKER
				+ "\"}]}]},\"inputTokenCount\":23,\"cacheReadInputTokenCount\":5000,\"cacheWriteInputTokenCount\":100},\"output\":{\"outputBodyJson\":{\"output\":{\"message\":{\"content\":[{\"text\":\""
				+ MARKER
				+ "\"}]}},\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":23,\"outputTokens\":319,\"cacheDetails\":[{\"ttl\":\"1h\",\"inputTokens\":60}]}},\"outputTokenCount\":319},\"requestMetadata\":{\"feature\":\"x\"}}",
				"{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"2026-10-02T08:57:15Z\",\"region\":\"us-west-2\",\"operation\":\"InvokeModelWithResponseStream\",\"modelId\":\"arn:aws:bedrock:us-east-1:1:inference-profile/global.anthropic.claude-opus-4-6-v1\",\"input\":{\"inputBodyJson\":{\"system\":\""
						+ MARKER
						+ "\",\"messages\":[]},\"inputTokenCount\":1,\"cacheReadInputTokenCount\":129709,\"cacheWriteInputTokenCount\":411},\"output\":{\"outputBodyJson\":[{\"type\":\"message_start\",\"message\":{\"usage\":{\"cache_creation\":{\"ephemeral_1h_input_tokens\":400}}}},{\"type\":\"content_block_delta\",\"delta\":{\"text\":\""
						+ MARKER + "\"}}],\"outputTokenCount\":326}}");

	@Test
	void everyMutatedRecordGivesOneSafeOutcome() {
		int rounds = Integer.getInteger("bca.fuzz.rounds", 30_000);
		Random random = new Random(Long.getLong("bca.fuzz.seed", 42L));
		InvocationLogParser parser = new InvocationLogParser(new ModelIdNormalizer(Map.of()),
				new PathResolver(List.of("path", "feature")));
		int records = 0;
		int rejects = 0;
		for (int round = 0; round < rounds; round++) {
			byte[] line = mutate(SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8), random);
			ParsedLine parsed = parser.parse(line, 0, line.length);
			int outcomes = (parsed.record() != null ? 1 : 0) + (parsed.foreign() ? 1 : 0)
					+ (parsed.rejectReason() != null ? 1 : 0);
			assertThat(outcomes).as("exactly one outcome").isEqualTo(1);
			if (parsed.record() != null) {
				records++;
				TokenCounts t = parsed.record().tokens();
				for (long count : new long[] { t.input(), t.output(), t.cacheRead(), t.cacheWrite5m(),
						t.cacheWrite1h() }) {
					assertThat(count).isBetween(0L, 100_000_000L);
				}
				assertThat(Regions.isRegionCode(parsed.record().region())).isTrue();
				assertThat(parsed.record().day()).isAfter(LocalDate.of(1, 1, 1));
				assertThat(parsed.record().path()).doesNotContain(MARKER).hasSizeLessThanOrEqualTo(200);
				assertThat(parsed.record().model().model()).hasSizeLessThanOrEqualTo(200);
			}
			if (parsed.rejectReason() != null) {
				rejects++;
				assertThat(parsed.rejectReason()).doesNotContain(MARKER).doesNotContain("FUZZ").hasSizeLessThan(200);
			}
		}
		// The mutations are mild enough that both outcomes stay common: the test is not
		// only throwing junk away.
		assertThat(records).isGreaterThan(rounds / 20);
		assertThat(rejects).isGreaterThan(rounds / 20);
	}

	private static byte[] mutate(byte[] seed, Random random) {
		List<Byte> bytes = new ArrayList<>(seed.length);
		for (byte b : seed) {
			bytes.add(b);
		}
		int mutations = 1 + random.nextInt(3);
		for (int m = 0; m < mutations && !bytes.isEmpty(); m++) {
			int at = random.nextInt(bytes.size());
			switch (random.nextInt(7)) {
				case 0 -> bytes.remove(at);
				case 1 -> bytes.add(at, (byte) random.nextInt(256));
				case 2 -> bytes.set(at, (byte) "{}[]\":,-0123456789".charAt(random.nextInt(18)));
				case 3 -> {
					while (bytes.size() > at) {
						bytes.remove(bytes.size() - 1);
					}
				}
				case 4 -> {
					for (byte b : "\"1e400\"".getBytes(StandardCharsets.UTF_8)) {
						bytes.add(at, b);
					}
				}
				case 5 -> bytes.set(at, (byte) ('0' + random.nextInt(10)));
				default -> {
					int len = Math.min(bytes.size() - at, random.nextInt(40));
					List<Byte> copy = new ArrayList<>(bytes.subList(at, at + len));
					bytes.addAll(at, copy);
				}
			}
		}
		byte[] out = new byte[bytes.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = bytes.get(i);
		}
		return out;
	}

}
