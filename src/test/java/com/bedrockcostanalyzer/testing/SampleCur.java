package com.bedrockcostanalyzer.testing;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes the sample's CUR 2.0 export: what AWS would bill for the generated logs, at the
 * shipped list prices (so the sample audit matches, except where a difference is planted:
 * Nova Micro billed in us-east-2, where no log is delivered, and a tax line). It
 * demonstrates the audit; the reconciliation tests use hand-worked bills instead.
 */
final class SampleCur {

	private static final Map<String, String> FIRST_PARTY = Map.of("amazon.nova-pro-v1:0", "NovaPro",
			"amazon.nova-lite-v1:0", "NovaLite", "amazon.nova-micro-v1:0", "NovaMicro",
			"meta.llama3-3-70b-instruct-v1:0", "Llama3.3-70B-Instruct", "amazon.titan-embed-text-v2:0",
			"TitanTextEmbeddingsV2");

	private static final Map<String, String> MARKETPLACE = Map.of("anthropic.claude-3-5-haiku-20241022-v1:0",
			"Claude 3.5 Haiku", "anthropic.claude-haiku-4-5-20251001-v1:0", "Claude Haiku 4.5",
			"anthropic.claude-sonnet-4-5-20250929-v1:0", "Claude Sonnet 4.5", "anthropic.claude-3-haiku-20240307-v1:0",
			"Claude 3 Haiku", "anthropic.claude-opus-4-6-v1", "Claude Opus 4.6");

	private static final Map<String, String> PREFIX = Map.of("us-east-1", "USE1", "us-east-2", "USE2", "us-west-2",
			"USW2");

	private static final String[] FIRST_PARTY_KINDS = { "input-tokens", "output-tokens", "cache-read-input-token-count",
			"cache-write-input-token-count", null };

	private static final String[] MARKETPLACE_KINDS = { "InputTokenCount", "OutputTokenCount",
			"CacheReadInputTokenCount", "CacheWriteInputTokenCount", "CacheWrite1hInputTokenCount" };

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private SampleCur() {
	}

	static void write(Path file, Map<CorpusGenerator.BillKey, long[]> billable) throws IOException {
		List<CSVRecord> prices = prices();
		StringBuilder csv = new StringBuilder("bill_payer_account_id,line_item_usage_account_id,"
				+ "line_item_line_item_type,line_item_usage_start_date,line_item_product_code,line_item_usage_type,"
				+ "line_item_usage_amount,pricing_unit,line_item_unblended_cost,product\n");
		// The bill is the month's: the generated days of September are not on it.
		billable.forEach((key, tokens) -> {
			if (key.day().getMonthValue() == 10) {
				line(csv, prices, key, tokens);
			}
		});
		// Planted: usage in a Region whose logs are not delivered, and a line that is not
		// usage.
		line(csv, prices, new CorpusGenerator.BillKey(LocalDate.of(2026, 10, 2), "us-east-2", "amazon.nova-micro-v1:0",
				"regional", "standard"), new long[] { 1_500_000, 300_000, 0, 0, 0 });
		csv.append("111111111111,111111111111,Tax,2026-10-01T00:00:00Z,AmazonBedrock,,1,,1.23,{}\n");
		Files.createDirectories(file.getParent());
		Files.writeString(file, csv);
	}

	private static void line(StringBuilder csv, List<CSVRecord> prices, CorpusGenerator.BillKey key, long[] tokens) {
		boolean marketplace = MARKETPLACE.containsKey(key.model());
		String name = marketplace ? MARKETPLACE.get(key.model()) : FIRST_PARTY.get(key.model());
		if (name == null) {
			return; // the application inference profile: billed as its model, which the
					// sample does not say
		}
		CSVRecord rate = rate(prices, key);
		String rgn = PREFIX.get(key.region());
		for (int kind = 0; kind < 5; kind++) {
			if (tokens[kind] == 0) {
				continue;
			}
			String perMillion = rate
				.get(new String[] { "input", "output", "cache_read", "cache_write_5m", "cache_write_1h" }[kind]);
			BigDecimal cost = new BigDecimal(perMillion).multiply(BigDecimal.valueOf(tokens[kind]))
				.divide(MILLION, 10, RoundingMode.HALF_EVEN)
				.stripTrailingZeros();
			String usageType;
			String amount;
			String unit;
			String product;
			if (marketplace) {
				String suffix = (key.scope().equals("global") ? "_Global" : key.scope().equals("geo") ? "_Geo" : "")
						+ (key.tier().equals("flex") ? "_Flex" : "");
				usageType = rgn + "-MP:" + rgn + "_" + MARKETPLACE_KINDS[kind] + suffix + "-Units";
				amount = BigDecimal.valueOf(tokens[kind]).divide(MILLION).toPlainString();
				unit = "Units";
				product = "\"{\"\"product_name\"\":\"\"" + name + " (Amazon Bedrock Edition)\"\",\"\"region\"\":\"\""
						+ key.region() + "\"\"}\"";
			}
			else {
				usageType = rgn + "-" + name + "-" + FIRST_PARTY_KINDS[kind]
						+ (key.tier().equals("flex") ? "-flex" : "") + (key.scope().equals("global")
								? "-cross-region-global" : key.scope().equals("geo") ? "-cross-region-geo" : "");
				amount = BigDecimal.valueOf(tokens[kind]).divide(BigDecimal.valueOf(1000)).toPlainString();
				unit = "1K tokens";
				product = "\"{\"\"product_name\"\":\"\"Amazon Bedrock\"\",\"\"region\"\":\"\"" + key.region()
						+ "\"\"}\"";
			}
			csv.append("111111111111,111111111111,Usage,")
				.append(key.day())
				.append("T00:00:00Z,")
				.append(marketplace ? "6a4wz9oy1mtcxsample" : "AmazonBedrock")
				.append(',')
				.append(usageType)
				.append(',')
				.append(amount)
				.append(',')
				.append(unit)
				.append(',')
				.append(cost.toPlainString())
				.append(',')
				.append(product)
				.append('\n');
		}
	}

	/**
	 * The latest shipped list price in force on the day, for the key's model, Region,
	 * scope and tier; a geo profile without a geo price is billed at the in-Region price.
	 */
	private static CSVRecord rate(List<CSVRecord> prices, CorpusGenerator.BillKey key) {
		CSVRecord best = rate(prices, key, key.scope());
		if (best == null && key.scope().equals("geo")) {
			best = rate(prices, key, "regional");
		}
		if (best == null) {
			throw new IllegalStateException("no shipped price for " + key);
		}
		return best;
	}

	private static CSVRecord rate(List<CSVRecord> prices, CorpusGenerator.BillKey key, String scope) {
		CSVRecord best = null;
		for (CSVRecord row : prices) {
			if (row.get("model_id").equals(key.model()) && row.get("region").equals(key.region())
					&& row.get("scope").equals(scope) && row.get("tier").equals(key.tier())
					&& !LocalDate.parse(row.get("effective_from")).isAfter(key.day())
					&& (best == null || row.get("effective_from").compareTo(best.get("effective_from")) > 0)) {
				best = row;
			}
		}
		return best;
	}

	private static List<CSVRecord> prices() throws IOException {
		try (Reader in = Files.newBufferedReader(Path.of("prices/bedrock-list-prices.csv"))) {
			return new ArrayList<>(CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.setCommentMarker('#')
				.get()
				.parse(in)
				.getRecords());
		}
	}

}
