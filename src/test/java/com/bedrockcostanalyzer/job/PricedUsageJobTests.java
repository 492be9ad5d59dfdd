package com.bedrockcostanalyzer.job;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prices usage exports end to end; the expected dollars are worked out by hand from AWS's
 * published rates.
 */
class PricedUsageJobTests {

	@TempDir
	Path work;

	@Test
	void pricesAMonthOfNovaProOnDemandAndUnderEveryTier() throws Exception {
		// 12M input and 3M output on Nova Pro (us-east-1): $0.80 and $3.20 per 1M on
		// demand.
		Path csv = write("nova.csv", """
				timestamp,model_id,path,region,requests,input_tokens,output_tokens
				2026-10-03,amazon.nova-pro-v1:0,search,us-east-1,1000,5000000,1000000
				2026-10-20,amazon.nova-pro-v1:0,search,us-east-1,2000,7000000,2000000
				""");

		Cli.Result result = Cli.analyze(this.work, "--source", csv.toString(), "--month", "2026-10", "--out",
				this.work.resolve("out").toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		JsonNode row = Cli.readReport(this.work.resolve("out")).get("usage").get(0);
		assertThat(money(row.get("cost"))).isEqualByComparingTo("19.20");
		assertThat(money(row.get("costByMode").get("onDemand"))).isEqualByComparingTo("19.20");
		assertThat(money(row.get("costByMode").get("batch"))).isEqualByComparingTo("9.60");
		assertThat(money(row.get("costByMode").get("flex"))).isEqualByComparingTo("9.60");
		assertThat(money(row.get("costByMode").get("priority"))).isEqualByComparingTo("33.60");
		assertThat(result.out()).contains("Spend [2026-10-01, 2026-11-01): $19.20");
	}

	@Test
	void leavesUnknownModelsUnpricedAndOutOfTheSpendButInTheReport() throws Exception {
		// Claude 3 Haiku 4M in x $0.25 + 1M out x $1.25 = $2.25; the unknown model adds
		// nothing and is listed.
		Path csv = write("mixed.csv", """
				date,model,feature,requests,input_tokens,output_tokens
				2026-10-03,anthropic.claude-3-haiku-20240307-v1:0,triage,10,4000000,1000000
				2026-10-04,acme.private-model-v9,labs,7,700,70
				""");

		Cli.Result result = Cli.analyze(this.work, "--source", csv.toString(), "--from", "2026-10-01", "--to",
				"2026-10-08", "--out", this.work.resolve("out").toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		JsonNode report = Cli.readReport(this.work.resolve("out"));
		assertThat(money(report.get("totals").get("cost"))).isEqualByComparingTo("2.25");
		assertThat(report.get("totals").get("unpricedRequests").asLong()).isEqualTo(7);
		JsonNode unpriced = report.get("unpriced").get(0);
		assertThat(unpriced.get("model").asString()).isEqualTo("acme.private-model-v9");
		assertThat(unpriced.get("inputTokens").asLong()).isEqualTo(700);
		assertThat(unpriced.get("reason").asString()).isEqualTo("model not in the price book");
		assertThat(Files.readString(this.work.resolve("out/report.md"))).contains("## Not priced")
			.contains("acme.private-model-v9");
	}

	@Test
	void pricesWithTheBookTheUserNames() throws Exception {
		Path book = write("book.csv", """
				model_id,region,scope,tier,input,output,cache_read,cache_write_5m,cache_write_1h,effective_from,source
				amazon.nova-pro-v1:0,us-east-1,regional,standard,0.72,2.88,,,,2026-01-01,negotiated 10% off
				""");
		Path csv = write("nova.csv", """
				timestamp,model_id,requests,input_tokens,output_tokens
				2026-10-03,amazon.nova-pro-v1:0,1,1000000,1000000
				""");

		Cli.Result result = Cli.analyze(this.work, "--source", csv.toString(), "--month", "2026-10", "--prices",
				book.toString(), "--region", "us-east-1", "--out", this.work.resolve("out").toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		JsonNode report = Cli.readReport(this.work.resolve("out"));
		assertThat(money(report.get("totals").get("cost"))).isEqualByComparingTo("3.60");
		assertThat(report.get("priceBook").get("sources").get(0).asString()).isEqualTo("negotiated 10% off");
	}

	@Test
	void pricesWithTheRepresentative2026BookByName() throws Exception {
		// The representative table: Claude Opus-class $0.015 / $0.075 per 1K, batch half
		// of that.
		Path csv = write("opus.csv", """
				timestamp,model_id,requests,input_tokens,output_tokens
				2026-10-03,anthropic.claude-opus-4-1-20250805-v1:0,10,2000000,1000000
				""");

		Cli.Result result = Cli.analyze(this.work, "--source", csv.toString(), "--month", "2026-10", "--prices",
				"representative-2026", "--region", "us-east-1", "--out", this.work.resolve("out").toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		JsonNode report = Cli.readReport(this.work.resolve("out"));
		JsonNode row = report.get("usage").get(0);
		assertThat(money(row.get("cost"))).isEqualByComparingTo("105.00");
		assertThat(money(row.get("costByMode").get("batch"))).isEqualByComparingTo("52.50");
		assertThat(report.get("priceBook").get("name").asString()).contains("representative-2026");
	}

	@Test
	void appliesPrivateDiscountsPerFamilyAndKeepsListPricesBeside() throws Exception {
		// Claude 3 Haiku: 4M x 0.25 + 1M x 1.25 = $2.25 list, 12% off for anthropic =
		// $1.98.
		// Nova Pro: 1M x 0.80 + 1M x 3.20 = $4.00 list, 5% overall = $3.80. EUR at 0.9:
		// (1.98 + 3.80) x 0.9 = 5.202.
		Path csv = write("mixed.csv", """
				timestamp,model_id,requests,input_tokens,output_tokens
				2026-10-03,anthropic.claude-3-haiku-20240307-v1:0,10,4000000,1000000
				2026-10-03,amazon.nova-pro-v1:0,10,1000000,1000000
				""");

		Cli.Result result = Cli.analyze(this.work, "--source", csv.toString(), "--month", "2026-10", "--region",
				"us-east-1", "--discount", "5", "--discount", "anthropic=12", "--currency", "eur", "--fx", "0.9",
				"--out", this.work.resolve("out").toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		JsonNode report = Cli.readReport(this.work.resolve("out"));
		JsonNode totals = report.get("totals");
		assertThat(money(totals.get("listCost"))).isEqualByComparingTo("6.25");
		assertThat(money(totals.get("cost"))).isEqualByComparingTo("5.78");
		assertThat(money(totals.get("displayCost"))).isEqualByComparingTo("5.202");
		assertThat(report.get("currency").asString()).isEqualTo("USD");
		assertThat(report.get("adjustments").get("displayCurrency").get("code").asString()).isEqualTo("EUR");
		assertThat(report.get("adjustments").get("discounts")).hasSize(2);
		String markdown = Files.readString(this.work.resolve("out/report.md"));
		assertThat(markdown).contains("**$5.78** (5.20 EUR)")
			.contains("At list prices: $6.25")
			.contains("12% on anthropic")
			.contains("5% on all models");
		assertThat(result.out()).contains("$5.78 after discount (5.20 EUR)");
	}

	@Test
	void pricesAnApplicationProfileThroughTheConfiguredMapping() throws Exception {
		String arn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6";
		Files.writeString(this.work.resolve("aliases.yaml"), """
				bca:
				  usage:
				    model-aliases:
				      "[%s]": us.amazon.nova-micro-v1:0
				""".formatted(arn));
		Path csv = write("profile.csv", """
				timestamp,model_id,requests,input_tokens,output_tokens
				2026-10-03,%s,1,1000000,1000000
				""".formatted(arn));
		System.setProperty("spring.config.additional-location", this.work.resolve("aliases.yaml").toString());
		try {
			Cli.Result result = Cli.analyze(this.work, "--source", csv.toString(), "--month", "2026-10", "--region",
					"us-east-1", "--out", this.work.resolve("out").toString());
			assertThat(result.exitCode()).as(result.err()).isZero();
		}
		finally {
			System.clearProperty("spring.config.additional-location");
		}
		// The profile serves Nova Micro through the US geo profile: 1M x $0.035 + 1M x
		// $0.14.
		JsonNode row = Cli.readReport(this.work.resolve("out")).get("usage").get(0);
		assertThat(row.get("model").asString()).isEqualTo("amazon.nova-micro-v1:0");
		assertThat(row.get("scope").asString()).isEqualTo("geo");
		assertThat(money(row.get("cost"))).isEqualByComparingTo("0.175");
	}

	private static BigDecimal money(JsonNode node) {
		return node.decimalValue();
	}

	private Path write(String name, String content) throws Exception {
		Path file = this.work.resolve(name);
		Files.writeString(file, content);
		return file;
	}

}
