package com.bedrockcostanalyzer.savings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.pricing.ModelFacts;
import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.InvocationRecords;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing proposals a FinOps lead would forward: the routable share measured per request,
 * no default step down to an older generation, and ranks weighted by confidence.
 */
class RoutingThatHoldsUpTests {

	private static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

	@TempDir
	Path work;

	@Test
	void routesTheClassifierByItsMeasuredShareAndNotTheChat() throws Exception {
		List<String> lines = new ArrayList<>();
		// classifier: 90 tickets of 20,000 tokens labelled in 5 tokens, and 10 prompts of
		// 60 tokens answered in 20 (a third of the prompt: not a short answer). Routable
		// share = 1,800,000 / 1,800,600 prompt tokens.
		for (int i = 0; i < 90; i++) {
			lines.add(record(i, "classifier", "Converse", 20_000, 5));
		}
		for (int i = 0; i < 10; i++) {
			lines.add(record(100 + i, "classifier", "Converse", 60, 20));
		}
		// chat: long, varied answers.
		for (int i = 0; i < 50; i++) {
			lines.add(record(200 + i, "chat", "Converse", 3_000, 200 + 20 * i));
		}
		Path logs = this.work.resolve("logs");
		Files.createDirectories(logs);
		Files.write(logs.resolve("day.json"), lines);

		Cli.Result result = Cli.analyze(this.work, "--source", logs.toString(), "--from", "2026-10-07", "--to",
				"2026-10-08", "--out", this.work.resolve("out").toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		List<JsonNode> routing = new ArrayList<>();
		for (JsonNode o : Cli.readReport(this.work.resolve("out")).get("opportunities")) {
			if (o.get("type").asString().equals("MODEL_ROUTING")) {
				routing.add(o);
			}
		}
		assertThat(routing).hasSize(1);
		JsonNode classifier = routing.get(0);
		assertThat(classifier.get("path").asString()).isEqualTo("classifier");
		assertThat(classifier.get("evidence").get("routedShare").asString()).isEqualTo("0.9997");
		assertThat(classifier.get("evidence").get("shortRequests").asLong()).isEqualTo(90);
		// US geo, per 1M: Sonnet 4.5 3.3 / 16.5, Haiku 4.5 1.1 / 5.5. 1,800,600 prompt
		// and
		// 650 output tokens: 5.952705 now, 1.984235 on Haiku; the difference 3.96847
		// times 0.9997, for one day of a 30.4375-day month.
		BigDecimal expected = new BigDecimal("3.96847").multiply(new BigDecimal("0.9997"))
			.multiply(new BigDecimal("30.4375"));
		assertThat(classifier.get("savings").decimalValue().setScale(4, RoundingMode.HALF_EVEN))
			.isEqualByComparingTo(expected.setScale(4, RoundingMode.HALF_EVEN));
		assertThat(classifier.get("action").asString())
			.contains("99.97% of its traffic, the requests with short answers");
	}

	@Test
	void neverStepsDownAGenerationUnlessTheUserLadderSays() {
		Map<String, String> ladder = ModelFacts.load(null).routingLadder(LocalDate.of(2026, 6, 1));

		assertThat(ladder).doesNotContainKey("anthropic.claude-3-5-haiku-20241022-v1:0")
			.doesNotContainKey("anthropic.claude-opus-4-1-20250805-v1:0")
			.containsEntry("anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-haiku-4-5-20251001-v1:0")
			.containsEntry("anthropic.claude-opus-4-5-20251101-v1:0", "anthropic.claude-sonnet-4-5-20250929-v1:0");
	}

	@Test
	void neverRoutesToAModelPastItsEndOfLife() {
		// Claude Sonnet 4 reached end of life on 2026-10-14: Opus 4.1's sibling becomes
		// its successor, Sonnet 4.6.
		Map<String, String> ladder = ModelFacts.load(null).routingLadder(LocalDate.of(2026, 12, 3));

		assertThat(ladder).containsEntry("anthropic.claude-opus-4-1-20250805-v1:0", "anthropic.claude-sonnet-4-6")
			.containsEntry("anthropic.claude-opus-4-5-20251101-v1:0", "anthropic.claude-sonnet-4-5-20250929-v1:0");
		assertThat(ladder.values()).doesNotContain("anthropic.claude-sonnet-4-20250514-v1:0",
				"anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-5-haiku-20241022-v1:0");
	}

	@Test
	void ranksALowEstimateBelowAMediumOneOfSimilarSize() {
		Opportunity low = opportunity(Confidence.LOW, "100");
		Opportunity medium = opportunity(Confidence.MEDIUM, "80");
		Opportunity high = opportunity(Confidence.HIGH, "45");

		List<Opportunity> ranked = new ArrayList<>(List.of(low, high, medium));
		ranked.sort((a, b) -> SavingsAnalysis.weighted(b).compareTo(SavingsAnalysis.weighted(a)));

		// 80 x 0.75 = 60 before 100 x 0.5 = 50 before 45 x 1.
		assertThat(ranked).containsExactly(medium, low, high);
	}

	private static Opportunity opportunity(Confidence confidence, String savings) {
		return new Opportunity(OpportunityType.BATCH, "m", confidence.name(), new BigDecimal("200"),
				new BigDecimal("200").subtract(new BigDecimal(savings)), new BigDecimal(savings), confidence, Map.of(),
				"", true);
	}

	/**
	 * The i-th call of 2026-10-07 from 10:00 UTC, one a second, with no system prompt.
	 */
	private static String record(int i, String path, String operation, long input, long output) {
		return InvocationRecords.record(InvocationRecords.at(LocalDate.of(2026, 10, 7), 10 * 3600 + i), operation,
				SONNET, "arn:aws:sts::111122223333:assumed-role/AppRole/s", path, null, input, output, 0, 0);
	}

}
