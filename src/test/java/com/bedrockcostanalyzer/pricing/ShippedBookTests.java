package com.bedrockcostanalyzer.pricing;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped book on the models and Regions in use at the end of 2026: one day of 1M
 * input + 1M output tokens in ten requests (below every long-context threshold) on each,
 * priced end to end. Expected dollars are the published list prices per 1M tokens, added
 * by hand.
 */
class ShippedBookTests {

	private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

	@TempDir
	Path work;

	@Test
	void pricesTheModelsAndRegionsInUseAtListPrice() throws Exception {
		// model id as logged, Region, and input + output list price of 1M tokens each
		String[][] day = {
				// Claude Haiku 4.5: global 1/5, geo 1.10/5.50 (the geo profile of every
				// geography)
				{ "global.anthropic.claude-haiku-4-5-20251001-v1:0", "us-east-1", "6.00" },
				{ "us.anthropic.claude-haiku-4-5-20251001-v1:0", "us-east-1", "6.60" },
				{ "apac.anthropic.claude-haiku-4-5-20251001-v1:0", "ap-south-1", "6.60" },
				{ "jp.anthropic.claude-haiku-4-5-20251001-v1:0", "ap-northeast-1", "6.60" },
				// Opus 4.5 and 4.7 global 5/25; Sonnet 4.5 geo 3.30/16.50; Sonnet 4.6
				// global 3/15
				{ "global.anthropic.claude-opus-4-5-20251101-v1:0", "us-west-2", "30.00" },
				{ "global.anthropic.claude-opus-4-7", "us-east-1", "30.00" },
				{ "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "us-east-2", "19.80" },
				{ "eu.anthropic.claude-sonnet-4-5-20250929-v1:0", "eu-central-1", "19.80" },
				{ "global.anthropic.claude-sonnet-4-6", "us-east-1", "18.00" },
				// Claude 3 Haiku 0.25/1.25
				{ "anthropic.claude-3-haiku-20240307-v1:0", "ap-northeast-1", "1.50" },
				// Llama 4 Maverick 0.24/0.97, Scout 0.17/0.66; gpt-oss-120b 0.15/0.60,
				// -20b 0.07/0.30
				{ "meta.llama4-maverick-17b-instruct-v1:0", "us-east-1", "1.21" },
				{ "meta.llama4-scout-17b-instruct-v1:0", "us-west-2", "0.83" },
				{ "openai.gpt-oss-120b-1:0", "us-west-2", "0.75" }, { "openai.gpt-oss-20b-1:0", "us-east-1", "0.37" },
				// DeepSeek R1 1.35/5.40, V3.1 0.58/1.68; Qwen3 32B 0.15/0.60
				{ "deepseek.r1-v1:0", "us-east-1", "6.75" }, { "deepseek.v3-v1:0", "us-east-2", "2.26" },
				{ "qwen.qwen3-32b-v1:0", "us-west-2", "0.75" },
				// Nova Lite in eu-west-1 as billed: 0.0096 USD for 139,609 input and
				// 0.0039 USD for 14,116 output tokens
				// give 0.069 and 0.276 per 1M (us-east-1's 0.06 / 0.24 + 15%); in
				// eu-central-1 +31%: 0.0786 / 0.3144
				{ "eu.amazon.nova-lite-v1:0", "eu-west-1", "0.345" },
				{ "amazon.nova-lite-v1:0", "eu-central-1", "0.393" },
				// No public source gives Nova's prices in ap-southeast-2: left unpriced,
				// never guessed.
				{ "amazon.nova-micro-v1:0", "ap-southeast-2", null } };
		StringBuilder csv = new StringBuilder("timestamp,model_id,path,region,requests,input_tokens,output_tokens\n");
		BigDecimal expected = BigDecimal.ZERO;
		for (String[] row : day) {
			csv.append(DAY).append(',').append(row[0]).append(",app,").append(row[1]).append(",10,1000000,1000000\n");
			expected = row[2] == null ? expected : expected.add(new BigDecimal(row[2]));
		}
		Path export = this.work.resolve("day.csv");
		Files.writeString(export, csv);

		Cli.Result result = Cli.analyze(this.work, "--source", export.toString(), "--from", DAY.toString(), "--to",
				DAY.plusDays(1).toString(), "--out", this.work.resolve("out").toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		JsonNode report = Cli.readReport(this.work.resolve("out"));
		Map<String, BigDecimal> costs = new HashMap<>();
		for (JsonNode row : report.get("usage")) {
			if (!row.get("cost").isNull()) {
				costs.put(row.get("model").asString() + " " + row.get("scope").asString() + " "
						+ row.get("region").asString(), row.get("cost").decimalValue());
			}
		}
		assertThat(costs).hasSize(day.length - 1);
		assertThat(report.get("totals").get("cost").decimalValue()).isEqualByComparingTo(expected);
		assertThat(report.get("totals").get("unpricedRequests").asLong()).isEqualTo(10);
		assertThat(report.get("unpriced").get(0).get("model").asString()).isEqualTo("amazon.nova-micro-v1:0");
		// 10 requests of 200 and 2M tokens of 40M unpriced, said in the report's headline
		// and on the console.
		JsonNode coverage = report.get("coverage");
		assertThat(coverage.get("unpricedRequestsPercent").decimalValue()).isEqualByComparingTo("5");
		assertThat(coverage.get("unpricedTokensPercent").decimalValue()).isEqualByComparingTo("5");
		assertThat(coverage.get("advice").asString()).contains("prices update")
			.contains("amazon.nova-micro-v1:0 ap-southeast-2 regional standard");
		// The book's newest price (Claude Sonnet 5's, 2026-09-01) is 80 days older than
		// 2026-11-20.
		assertThat(coverage.get("priceBookDate").asString()).isEqualTo("2026-09-01");
		assertThat(coverage.get("priceBookAgeDays").asLong()).isEqualTo(80);
		assertThat(result.out())
			.contains("Not priced: 5.00% of tokens, 5.00% of requests; to price them, run" + " 'prices update'");
		assertThat(Files.readString(this.work.resolve("out").resolve("report.md")))
			.contains("**Not priced: 5.00% of tokens and 5.00% of requests**");
		assertThat(costs.get("anthropic.claude-haiku-4-5-20251001-v1:0 geo ap-south-1")).isEqualByComparingTo("6.60");
		assertThat(costs.get("amazon.nova-lite-v1:0 geo eu-west-1")).isEqualByComparingTo("0.345");
		assertThat(costs.get("meta.llama4-maverick-17b-instruct-v1:0 regional us-east-1")).isEqualByComparingTo("1.21");
	}

	@Test
	void theSeedFiguresHoldWithTheRepresentativeBook() {
		CostCalculator prices = new CostCalculator(new PriceBookLoader().load("representative-2026"));

		// per 1K: Haiku 0.00025 / 0.00125, Sonnet 0.003 / 0.015, Nova Lite 0.00006 /
		// 0.00024, batch half
		assertThat(prices
			.cost("anthropic.claude-3-haiku-20240307-v1:0", "us-east-1", Scope.REGIONAL, Tier.STANDARD, DAY,
					new TokenCounts(40_000_000, 20_000_000, 0, 0, 0))
			.usd()).isEqualByComparingTo("35");
		assertThat(prices
			.cost("anthropic.claude-3-5-sonnet-20241022-v2:0", "us-east-1", Scope.REGIONAL, Tier.STANDARD, DAY,
					new TokenCounts(70_000_000, 12_000_000, 0, 0, 0))
			.usd()).isEqualByComparingTo("390");
		TokenCounts novaLite = new TokenCounts(750_000_000, 100_000_000, 0, 0, 0);
		assertThat(
				prices.cost("amazon.nova-lite-v1:0", "us-east-1", Scope.REGIONAL, Tier.STANDARD, DAY, novaLite).usd())
			.isEqualByComparingTo("69");
		assertThat(prices.cost("amazon.nova-lite-v1:0", "us-east-1", Scope.REGIONAL, Tier.BATCH, DAY, novaLite).usd())
			.isEqualByComparingTo("34.50");
	}

	@Test
	void neverSellsBatchWhereAwsSellsNone() {
		CostCalculator prices = new CostCalculator(new PriceBookLoader().loadShipped());
		TokenCounts tokens = new TokenCounts(1_000_000, 1_000_000, 0, 0, 0);

		// Llama 3 8B and 70B and Llama 3.2 have no batch on AWS's pricing page; Llama 3.1
		// 8B does (0.11 / 0.11).
		for (String model : new String[] { "meta.llama3-8b-instruct-v1:0", "meta.llama3-70b-instruct-v1:0",
				"meta.llama3-2-11b-instruct-v1:0" }) {
			assertThat(prices.cost(model, "us-east-1", Scope.REGIONAL, Tier.BATCH, DAY, tokens).priced()).isFalse();
		}
		assertThat(prices.cost("meta.llama3-1-8b-instruct-v1:0", "us-east-1", Scope.REGIONAL, Tier.BATCH, DAY, tokens)
			.usd()).isEqualByComparingTo("0.22");
		// Claude 3.5 Sonnet v2's cache rates: 1M cache reads x 0.30 + 1M 5-minute writes
		// x 3.75.
		assertThat(prices
			.cost("anthropic.claude-3-5-sonnet-20241022-v2:0", "us-west-2", Scope.REGIONAL, Tier.STANDARD, DAY,
					new TokenCounts(0, 0, 1_000_000, 1_000_000, 0))
			.usd()).isEqualByComparingTo("4.05");
	}

}
