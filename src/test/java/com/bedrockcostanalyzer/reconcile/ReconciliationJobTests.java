package com.bedrockcostanalyzer.reconcile;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly audit's reconciliation with a CUR, in both column styles. The logged side
 * is a usage export and the bill is written by hand, every dollar worked out from the
 * published list prices (us-east-1, per 1M tokens): Nova Pro $0.80 in / $3.20 out; Claude
 * Sonnet 4.6 on the global profile $3 in / $15 out / $0.30 cache read.
 */
class ReconciliationJobTests {

	/**
	 * Logged: Nova Pro 5M in + 1M out on the 3rd ($4.00 + $3.20) and 2M in + 0.5M out on
	 * the 4th ($1.60 + $1.60); Claude Sonnet 4.6 (global) 1M in + 0.2M out + 4M cache
	 * read on the 3rd ($3.00 + $3.00 + $1.20). $17.60 in all.
	 */
	private static final String LOGGED = """
			timestamp,model_id,path,region,requests,input_tokens,output_tokens,cache_read_input_tokens
			2026-10-03,amazon.nova-pro-v1:0,search,us-east-1,100,5000000,1000000,0
			2026-10-04,amazon.nova-pro-v1:0,search,us-east-1,40,2000000,500000,0
			2026-10-03,global.anthropic.claude-sonnet-4-6,chat,us-east-1,10,1000000,200000,4000000
			""";

	@TempDir
	Path work;

	@Test
	void reconcilesALegacyCurAndShowsTheUsageBilledButNotLogged() throws Exception {
		// The bill agrees with the logs except: Nova Pro output on the 4th billed at
		// $1.70 (a price difference of
		// $0.10); 2.5M Claude cache-read tokens billed on the 5th that no log holds
		// ($0.75, the planted gap). Around
		// them: a provisioned-throughput hour, tax, a credit, another service, and a line
		// whose amount is not a number.
		Path cur = write("cur-legacy.csv",
				"""
						identity/LineItemId,lineItem/UsageAccountId,lineItem/LineItemType,lineItem/UsageStartDate,lineItem/ProductCode,lineItem/UsageType,lineItem/UsageAmount,pricing/unit,lineItem/UnblendedCost,product/ProductName,product/region
						a1,111111111111,Usage,2026-10-03T00:00:00Z,AmazonBedrock,USE1-NovaPro-input-tokens,5000,1K tokens,4.00,Amazon Bedrock,us-east-1
						a2,111111111111,Usage,2026-10-03T00:00:00Z,AmazonBedrock,USE1-NovaPro-output-tokens,1000,1K tokens,3.20,Amazon Bedrock,us-east-1
						a3,111111111111,Usage,2026-10-04T00:00:00Z,AmazonBedrock,USE1-NovaPro-input-tokens,2000,1K tokens,1.60,Amazon Bedrock,us-east-1
						a4,111111111111,Usage,2026-10-04T00:00:00Z,AmazonBedrock,USE1-NovaPro-output-tokens,500,1K tokens,1.70,Amazon Bedrock,us-east-1
						a5,111111111111,Usage,2026-10-03T00:00:00Z,c2ap6f1kuk0bmsqbovbjb3quk,USE1-MP:USE1_InputTokenCount_Global-Units,1,Units,3.00,Claude Sonnet 4.6 (Amazon Bedrock Edition),us-east-1
						a6,111111111111,Usage,2026-10-03T00:00:00Z,c2ap6f1kuk0bmsqbovbjb3quk,USE1-MP:USE1_OutputTokenCount_Global-Units,0.2,Units,3.00,Claude Sonnet 4.6 (Amazon Bedrock Edition),us-east-1
						a7,111111111111,Usage,2026-10-03T00:00:00Z,c2ap6f1kuk0bmsqbovbjb3quk,USE1-MP:USE1_CacheReadInputTokenCount_Global-Units,4,Units,1.20,Claude Sonnet 4.6 (Amazon Bedrock Edition),us-east-1
						a8,111111111111,Usage,2026-10-05T00:00:00Z,c2ap6f1kuk0bmsqbovbjb3quk,USE1-MP:USE1_CacheReadInputTokenCount_Global-Units,2.5,Units,0.75,Claude Sonnet 4.6 (Amazon Bedrock Edition),us-east-1
						a9,111111111111,Usage,2026-10-06T00:00:00Z,c2ap6f1kuk0bmsqbovbjb3quk,USW2-MP:USW2_ProvisionedThroughput_1MonthCommit_ModelUnits_Usage-Units,1,hour,100.00,Claude 3.7 Sonnet (Amazon Bedrock Edition),us-west-2
						b1,111111111111,Tax,2026-10-01T00:00:00Z,AmazonBedrock,,1,,1.10,Amazon Bedrock,
						b2,111111111111,Credit,2026-10-01T00:00:00Z,AmazonBedrock,USE1-NovaPro-input-tokens,1,,-5.00,Amazon Bedrock,us-east-1
						b3,111111111111,Usage,2026-10-03T00:00:00Z,AmazonEC2,USE1-BoxUsage:m5.large,24,Hrs,2.30,Amazon Elastic Compute Cloud,us-east-1
						b4,111111111111,Usage,2026-10-07T00:00:00Z,AmazonBedrock,USE1-NovaPro-input-tokens,lots,1K tokens,9.99,Amazon Bedrock,us-east-1
						b5,111111111111,Usage,2026-11-01T00:00:00Z,AmazonBedrock,USE1-NovaPro-input-tokens,1000,1K tokens,0.80,Amazon Bedrock,us-east-1
						""");

		JsonNode bill = audit(cur);

		assertThat(money(bill.get("totals").get("billedTokenUsd"))).isEqualByComparingTo("18.45");
		assertThat(money(bill.get("totals").get("pricedUsd"))).isEqualByComparingTo("17.60");
		assertThat(money(bill.get("totals").get("deltaUsd"))).isEqualByComparingTo("0.85");
		assertThat(money(bill.get("totals").get("billedUsd"))).isEqualByComparingTo("118.45");
		assertThat(money(bill.get("deltaByFinding").get(Reconciliation.NOT_LOGGED))).isEqualByComparingTo("0.75");
		assertThat(money(bill.get("deltaByFinding").get(Reconciliation.PRICE_DIFFERS))).isEqualByComparingTo("0.10");
		assertThat(money(bill.get("deltaByFinding").get("charged, not per token"))).isEqualByComparingTo("100");

		JsonNode gap = row(bill, "2026-10-05", "anthropic.claude-sonnet-4-6", "cache read");
		assertThat(gap.get("billedTokens").asLong()).isEqualTo(2_500_000);
		assertThat(gap.get("loggedTokens").asLong()).isZero();
		assertThat(gap.get("scope").asString()).isEqualTo("global");
		assertThat(gap.get("finding").asString()).isEqualTo(Reconciliation.NOT_LOGGED);
		assertThat(money(gap.get("usdDelta"))).isEqualByComparingTo("0.75");
		assertThat(bill.get("daysBilledNotLogged").get(0).asString()).isEqualTo("2026-10-05");

		JsonNode priceDiff = row(bill, "2026-10-04", "amazon.nova-pro-v1:0", "output");
		assertThat(priceDiff.get("billedTokens").asLong()).isEqualTo(500_000);
		assertThat(priceDiff.get("loggedTokens").asLong()).isEqualTo(500_000);
		assertThat(money(priceDiff.get("pricedUsd"))).isEqualByComparingTo("1.60");
		assertThat(priceDiff.get("finding").asString()).isEqualTo(Reconciliation.PRICE_DIFFERS);
		assertThat(row(bill, "2026-10-03", "anthropic.claude-sonnet-4-6", "input").get("finding").asString())
			.isEqualTo(Reconciliation.MATCHES);

		assertThat(money(bill.get("otherLineTypes").get("Tax"))).isEqualByComparingTo("1.10");
		assertThat(money(bill.get("otherLineTypes").get("Credit"))).isEqualByComparingTo("-5.00");
		assertThat(bill.get("otherCharges").get(0).get("usageType").asString())
			.isEqualTo("USW2-MP:USW2_ProvisionedThroughput_1MonthCommit_ModelUnits_Usage-Units");
		assertThat(bill.get("rejects")).hasSize(1);
		assertThat(bill.get("rejects").get(0).get("location").asString()).isEqualTo("cur-legacy.csv:line 14");
		assertThat(Files.readString(this.work.resolve("out/report.md"))).contains("## The bill against the logs")
			.contains("**Logging gaps**: tokens billed and none logged on 2026-10-05");
		assertThat(Files.readString(this.work.resolve("out/reconciliation.csv")))
			.contains("2026-10-05,us-east-1,anthropic.claude-sonnet-4-6,,standard,standard,global,cache read,2500000,"
					+ "0.750000,0,0.000000,2500000,0.750000,\"billed, not in the logs\"");
	}

	@Test
	void readsACur2ExportGzippedWithItsProductMap() throws Exception {
		// The same bill in CUR 2.0 columns: snake_case, the product name inside the
		// product map, dates with a space.
		// Every line agrees with the logs but the 2.5M cache-read tokens of the 5th.
		String cur2 = """
				bill_payer_account_id,line_item_usage_account_id,line_item_line_item_type,line_item_usage_start_date,line_item_product_code,line_item_usage_type,line_item_usage_amount,pricing_unit,line_item_unblended_cost,product
				111111111111,111111111111,Usage,2026-10-03 00:00:00,AmazonBedrock,USE1-NovaPro-input-tokens,5000,1K tokens,4.0,"{""product_name"":""Amazon Bedrock"",""region"":""us-east-1""}"
				111111111111,111111111111,Usage,2026-10-03 00:00:00,AmazonBedrock,USE1-NovaPro-output-tokens,1000,1K tokens,3.2,"{""product_name"":""Amazon Bedrock"",""region"":""us-east-1""}"
				111111111111,111111111111,DiscountedUsage,2026-10-04 00:00:00,AmazonBedrock,USE1-NovaPro-input-tokens,2000,1K tokens,1.6,"{""product_name"":""Amazon Bedrock"",""region"":""us-east-1""}"
				111111111111,111111111111,Usage,2026-10-04 00:00:00,AmazonBedrock,USE1-NovaPro-output-tokens,500,1K tokens,1.6,"{""product_name"":""Amazon Bedrock"",""region"":""us-east-1""}"
				111111111111,111111111111,Usage,2026-10-03 00:00:00,c2ap6f1kuk0bmsqbovbjb3quk,USE1-MP:USE1_InputTokenCount_Global-Units,1,,3.0,"{""product_name"":""Claude Sonnet 4.6 (Amazon Bedrock Edition)""}"
				111111111111,111111111111,Usage,2026-10-03 00:00:00,c2ap6f1kuk0bmsqbovbjb3quk,USE1-MP:USE1_OutputTokenCount_Global-Units,0.2,,3.0,"{""product_name"":""Claude Sonnet 4.6 (Amazon Bedrock Edition)""}"
				111111111111,111111111111,Usage,2026-10-03 00:00:00,c2ap6f1kuk0bmsqbovbjb3quk,USE1-MP:USE1_CacheReadInputTokenCount_Global-Units,4,,1.2,"{""product_name"":""Claude Sonnet 4.6 (Amazon Bedrock Edition)""}"
				111111111111,111111111111,Usage,2026-10-05 00:00:00,c2ap6f1kuk0bmsqbovbjb3quk,USE1-MP:USE1_CacheReadInputTokenCount_Global-Units,2.5,,0.75,"{""product_name"":""Claude Sonnet 4.6 (Amazon Bedrock Edition)""}"
				""";
		Path cur = this.work.resolve("cur2-00001.csv.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(cur))) {
			out.write(cur2.getBytes(StandardCharsets.UTF_8));
		}

		JsonNode bill = audit(cur);

		assertThat(money(bill.get("totals").get("billedTokenUsd"))).isEqualByComparingTo("18.35");
		assertThat(money(bill.get("totals").get("deltaUsd"))).isEqualByComparingTo("0.75");
		assertThat(bill.get("totals").get("billedTokens").asLong()).as("Nova Pro 8.5M, Claude 7.7M")
			.isEqualTo(8_500_000 + 7_700_000);
		JsonNode gap = row(bill, "2026-10-05", "anthropic.claude-sonnet-4-6", "cache read");
		assertThat(gap.get("region").asString()).as("region from the usage type's prefix").isEqualTo("us-east-1");
		assertThat(gap.get("finding").asString()).isEqualTo(Reconciliation.NOT_LOGGED);
		long differing = 0;
		for (JsonNode row : bill.get("rows")) {
			if (!row.get("finding").asString().equals(Reconciliation.MATCHES)) {
				differing++;
			}
		}
		assertThat(differing).as("only the planted gap differs").isEqualTo(1);
		assertThat(bill.get("notes").get(0).asString()).contains("read as 1M tokens per unit");
	}

	private JsonNode audit(Path cur) throws IOException {
		Path logged = write("logged.csv", LOGGED);
		Cli.Result result = Cli.analyze(this.work, "--source", logged.toString(), "--month", "2026-10", "--cur",
				cur.toString(), "--out", this.work.resolve("out").toString());
		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).contains("Bill: $");
		return Cli.readReport(this.work.resolve("out")).get("reconciliation");
	}

	private static JsonNode row(JsonNode bill, String day, String model, String tokenType) {
		for (JsonNode row : bill.get("rows")) {
			if (row.get("day").asString().equals(day) && model.equals(row.get("model").asString(null))
					&& row.get("tokenType").asString().equals(tokenType)) {
				return row;
			}
		}
		throw new AssertionError("no row " + day + " " + model + " " + tokenType + " in " + bill.get("rows"));
	}

	private Path write(String name, String content) throws IOException {
		Path file = this.work.resolve(name);
		Files.writeString(file, content);
		return file;
	}

	private static BigDecimal money(JsonNode node) {
		return new BigDecimal(node.asString(node.toString()));
	}

}
