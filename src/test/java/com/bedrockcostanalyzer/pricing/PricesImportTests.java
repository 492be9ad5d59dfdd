package com.bedrockcostanalyzer.pricing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offer-file fixtures in the real Price List shape in, price-book rows in USD per 1M
 * tokens out.
 */
class PricesImportTests {

	@TempDir
	Path work;

	@Test
	void importsFirstPartyAndMarketplaceOffersIntoUsdPerMillion() throws Exception {
		Path out = this.work.resolve("book.csv");

		Cli.Result result = Cli.run("prices", "import", "--offer", "src/test/resources/offers/AmazonBedrock.json",
				"--offer", "src/test/resources/offers/AmazonBedrockFoundationModels.json", "--out", out.toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		List<String> rows = Files.readAllLines(out)
			.stream()
			.filter((line) -> !line.startsWith("#") && !line.startsWith("model_id"))
			.map((line) -> line.substring(0, line.lastIndexOf(',')))
			.toList();
		// Per 1K in AmazonBedrock (x1000), per 1M in the Marketplace offer; batch told
		// apart by feature/suffix; the
		// context column (standard or long) after the tier.
		assertThat(rows).containsExactly(
				"amazon.nova-2-lite-v1:0,us-east-1,global,standard,standard,0.3,2.5,,,,2026-09-01",
				"amazon.nova-pro-v1:0,ap-northeast-1,regional,standard,standard,0.84,3.36,,,,2026-09-01",
				"amazon.nova-pro-v1:0,us-east-1,regional,standard,standard,0.8,3.2,0.2,,,2026-09-01",
				"amazon.nova-pro-v1:0,us-east-1,regional,batch,standard,0.4,1.6,,,,2026-09-01",
				"amazon.nova-pro-v1:0,us-east-1,regional,flex,standard,0.4,1.6,,,,2026-09-01",
				"amazon.nova-pro-v1:0,us-east-1,regional,priority,standard,1.4,5.6,,,,2026-09-01",
				// Claude Sonnet 4's long-context input SKU (global): the whole request
				// above 200K tokens at 2x input.
				"anthropic.claude-sonnet-4-20250514-v1:0,us-east-1,global,standard,long,6,,,,,2026-09-01",
				"anthropic.claude-sonnet-4-6,us-east-1,regional,standard,standard,3.3,16.5,0.33,4.125,6.6,2026-09-01",
				"anthropic.claude-sonnet-4-6,us-east-1,regional,batch,standard,1.65,8.25,,,,2026-09-01",
				"anthropic.claude-sonnet-4-6,us-east-1,global,standard,standard,3,15,0.3,3.75,6,2026-09-01",
				"anthropic.claude-sonnet-4-6,us-east-1,global,batch,standard,1.5,7.5,,,,2026-09-01");
		assertThat(result.out()).contains("Wrote 11 price rows")
			.contains("Skipped 1 SKUs: model name not in the name table")
			.contains("Qwen3 32B")
			.contains("Skipped 1 SKUs: not a per-token price")
			.contains("Skipped 1 SKUs: token prices without an input price");
	}

	@Test
	void theImportedBookPricesUsage() throws Exception {
		Path out = this.work.resolve("book.csv");
		Cli.run("prices", "import", "--offer", "src/test/resources/offers/AmazonBedrockFoundationModels.json", "--out",
				out.toString());

		CostCalculator calculator = new CostCalculator(new PriceBookLoader().load(out));

		// 1M input x 3.00 + 1M 1h-writes x 6.00 on the global profile
		assertThat(calculator
			.cost("anthropic.claude-sonnet-4-6", "us-east-1", Scope.GLOBAL, Tier.STANDARD, LocalDate.of(2026, 10, 1),
					new com.bedrockcostanalyzer.usage.TokenCounts(1_000_000, 0, 0, 0, 1_000_000))
			.usd()).isEqualByComparingTo("9.00");
	}

}
