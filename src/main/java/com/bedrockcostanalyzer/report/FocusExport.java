package com.bedrockcostanalyzer.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.bedrockcostanalyzer.aggregate.UsageKey;
import com.bedrockcostanalyzer.usage.Attribution;
import com.bedrockcostanalyzer.usage.TokenCounts;
import tools.jackson.databind.json.JsonMapper;

/**
 * The priced usage as a FOCUS 1.2 dataset ({@code focus.csv}): one row per day, model,
 * Region, scope, tier, context and path, for FinOps tools that read the FinOps Open Cost
 * and Usage Specification. Costs are the analyzer's prices of the logged tokens, not the
 * invoice: BilledCost, EffectiveCost and ContractedCost are after the private-pricing
 * discount, ListCost before it. The model and the token counts go in {@code x_} columns
 * (the specification's prefix for custom columns) and the path and profile tags in Tags.
 * Rows the price book cannot price are left out (the report lists them).
 */
public final class FocusExport {

	public static final String FILE = "focus.csv";

	static final List<String> COLUMNS = List.of("BilledCost", "BillingAccountId", "BillingAccountName",
			"BillingCurrency", "BillingPeriodStart", "BillingPeriodEnd", "ChargeCategory", "ChargeClass",
			"ChargeDescription", "ChargeFrequency", "ChargePeriodStart", "ChargePeriodEnd", "ConsumedQuantity",
			"ConsumedUnit", "ContractedCost", "EffectiveCost", "InvoiceIssuerName", "ListCost", "PricingCategory",
			"PricingQuantity", "PricingUnit", "ProviderName", "PublisherName", "RegionId", "ResourceId", "ResourceName",
			"ResourceType", "ServiceCategory", "ServiceName", "ServiceSubcategory", "SkuId", "Tags", "x_ModelId",
			"x_Path", "x_Scope", "x_Tier", "x_Context", "x_Requests", "x_InputTokens", "x_OutputTokens",
			"x_CacheReadTokens", "x_CacheWrite5mTokens", "x_CacheWrite1hTokens");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One priced day of one usage key. */
	public record Row(UsageKey key, long requests, TokenCounts tokens, BigDecimal listCost, BigDecimal cost) {
	}

	private FocusExport() {
	}

	/**
	 * @param billingAccountId the payer account the logs do not name ({@code unknown}
	 * unless set)
	 */
	static void write(List<Row> rows, String billingAccountId, Writer out) throws IOException {
		CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).setRecordSeparator("\n").get());
		for (Row row : rows) {
			csv.printRecord(values(row, billingAccountId));
		}
		csv.flush();
	}

	private static List<Object> values(Row row, String billingAccountId) {
		UsageKey k = row.key();
		TokenCounts t = row.tokens();
		long tokens = t.input() + t.output() + t.cacheRead() + t.cacheWrite();
		YearMonth month = YearMonth.from(k.day());
		Map<String, String> tags = new LinkedHashMap<>();
		tags.putAll(Attribution.tags(k.attribution()));
		tags.put("bca:model", k.model());
		tags.put("bca:path", k.path());
		String cost = row.cost().toPlainString();
		List<Object> values = new ArrayList<>();
		values.add(cost);
		values.add(SafeText.csvText(billingAccountId));
		values.add("");
		values.add("USD");
		values.add(instant(month.atDay(1)));
		values.add(instant(month.plusMonths(1).atDay(1)));
		values.add("Usage");
		values.add("");
		values.add(SafeText.csvText(k.model() + " tokens, " + k.scope().label() + " " + k.tier().label() + " in "
				+ k.region() + " (priced from the invocation logs)"));
		values.add("Usage-Based");
		values.add(instant(k.day()));
		values.add(instant(k.day().plusDays(1)));
		values.add(tokens);
		values.add("Tokens");
		values.add(cost);
		values.add(cost);
		values.add("Amazon Web Services");
		values.add(row.listCost().toPlainString());
		values.add("Standard");
		values.add(tokens);
		values.add("Tokens");
		values.add("Amazon Web Services");
		values.add(SafeText.csvText(publisher(k.model())));
		values.add(SafeText.csvText(k.region()));
		values.add(SafeText.csvText("arn:aws:bedrock:" + k.region() + "::foundation-model/" + k.model()));
		values.add(SafeText.csvText(k.model()));
		values.add("Foundation Model");
		values.add("AI and Machine Learning");
		values.add("Amazon Bedrock");
		values.add("Generative AI");
		values.add(SafeText.csvText(k.model() + ":" + k.scope().label() + ":" + k.tier().label() + ":"
				+ k.context().label() + ":" + k.region()));
		values.add(SafeText.csvText(JSON.writeValueAsString(tags)));
		values.add(SafeText.csvText(k.model()));
		values.add(SafeText.csvText(k.path()));
		values.add(k.scope().label());
		values.add(k.tier().label());
		values.add(k.context().label());
		values.add(row.requests());
		values.add(t.input());
		values.add(t.output());
		values.add(t.cacheRead());
		values.add(t.cacheWrite5m());
		values.add(t.cacheWrite1h());
		return values;
	}

	/** Midnight UTC of the day, as FOCUS writes date/times. */
	private static String instant(LocalDate day) {
		return day + "T00:00:00Z";
	}

	/** The model's maker, from the model id's provider prefix. */
	private static String publisher(String model) {
		int dot = model.indexOf('.');
		String provider = (dot < 0) ? model : model.substring(0, dot);
		return switch (provider) {
			case "anthropic" -> "Anthropic";
			case "amazon" -> "Amazon";
			case "meta" -> "Meta";
			case "mistral" -> "Mistral AI";
			case "cohere" -> "Cohere";
			case "ai21" -> "AI21 Labs";
			case "deepseek" -> "DeepSeek";
			case "openai" -> "OpenAI";
			case "qwen" -> "Qwen";
			case "google" -> "Google";
			case "writer" -> "Writer";
			default -> provider;
		};
	}

}
