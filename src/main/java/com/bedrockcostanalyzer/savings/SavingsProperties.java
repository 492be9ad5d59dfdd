package com.bedrockcostanalyzer.savings;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The knobs of the savings detectors. Defaults follow the formats reference and the practice of the tools users
 * compare us with (nOps hides savings under $25 a month).
 * @param thresholdUsd monthly savings below this are folded away from the human reports (kept in the CSV)
 * @param batchMinRecords Bedrock's minimum records per batch job (per model; 100 by default)
 * @param runGapMinutes a pause this long ends a "run" of job-like traffic
 * @param offHours UTC hours counted as off-hours, as {@code from-to} (end excluded)
 * @param interactivePaths paths declared interactive: never offered batch or flex
 * @param nonInteractivePaths paths declared non-interactive: batch is proposed whatever the signals say
 * @param routingLadder each model mapped to its cheaper sibling, tried step by step
 * @param routingShare the share of a path's traffic assumed routable, in percent
 * @param routingMaxMeanOutputTokens the mean output size below which a path looks classification-like
 * @param cacheMinimumTokens a model's minimum cacheable prefix (checkpoint) size
 */
@ConfigurationProperties("bca.savings")
public record SavingsProperties(@DefaultValue("25") BigDecimal thresholdUsd, @DefaultValue("100") int batchMinRecords,
		@DefaultValue("30") int runGapMinutes, @DefaultValue("0-6") String offHours, List<String> interactivePaths,
		List<String> nonInteractivePaths, Map<String, String> routingLadder, @DefaultValue("100") int routingShare,
		@DefaultValue("300") int routingMaxMeanOutputTokens, Map<String, Integer> cacheMinimumTokens) {

	static final Map<String, String> DEFAULT_LADDER = Map.ofEntries(
			Map.entry("anthropic.claude-opus-4-6-v1", "anthropic.claude-sonnet-4-6"),
			Map.entry("anthropic.claude-opus-4-5-20251101-v1:0", "anthropic.claude-sonnet-4-5-20250929-v1:0"),
			Map.entry("anthropic.claude-opus-4-1-20250805-v1:0", "anthropic.claude-sonnet-4-20250514-v1:0"),
			Map.entry("anthropic.claude-opus-4-20250514-v1:0", "anthropic.claude-sonnet-4-20250514-v1:0"),
			Map.entry("anthropic.claude-sonnet-4-6", "anthropic.claude-haiku-4-5-20251001-v1:0"),
			Map.entry("anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-haiku-4-5-20251001-v1:0"),
			Map.entry("anthropic.claude-sonnet-4-20250514-v1:0", "anthropic.claude-3-5-haiku-20241022-v1:0"),
			Map.entry("anthropic.claude-3-7-sonnet-20250219-v1:0", "anthropic.claude-3-5-haiku-20241022-v1:0"),
			Map.entry("anthropic.claude-3-5-sonnet-20241022-v2:0", "anthropic.claude-3-5-haiku-20241022-v1:0"),
			Map.entry("anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic.claude-3-haiku-20240307-v1:0"),
			Map.entry("amazon.nova-premier-v1:0", "amazon.nova-pro-v1:0"),
			Map.entry("amazon.nova-pro-v1:0", "amazon.nova-lite-v1:0"),
			Map.entry("amazon.nova-lite-v1:0", "amazon.nova-micro-v1:0"),
			Map.entry("meta.llama3-1-405b-instruct-v1:0", "meta.llama3-3-70b-instruct-v1:0"),
			Map.entry("meta.llama3-3-70b-instruct-v1:0", "meta.llama3-1-8b-instruct-v1:0"),
			Map.entry("mistral.mistral-large-2407-v1:0", "mistral.mistral-small-2402-v1:0"));

	/** Checkpoint minimums from the formats reference (section 5); a model missing here is assumed 1,024. */
	static final Map<String, Integer> DEFAULT_CACHE_MINIMUMS = Map.ofEntries(
			Map.entry("anthropic.claude-3-7-sonnet-20250219-v1:0", 1024),
			Map.entry("anthropic.claude-opus-4-20250514-v1:0", 1024),
			Map.entry("anthropic.claude-opus-4-1-20250805-v1:0", 1024),
			Map.entry("anthropic.claude-3-5-haiku-20241022-v1:0", 2048), Map.entry("anthropic.claude-sonnet-4-6", 2048),
			Map.entry("anthropic.claude-opus-4-5-20251101-v1:0", 4096), Map.entry("anthropic.claude-opus-4-6-v1", 4096),
			Map.entry("anthropic.claude-haiku-4-5-20251001-v1:0", 4096), Map.entry("amazon.nova-micro-v1:0", 1536),
			Map.entry("amazon.nova-lite-v1:0", 1536), Map.entry("amazon.nova-2-lite-v1:0", 1536),
			Map.entry("amazon.nova-pro-v1:0", 1024));

	public SavingsProperties {
		interactivePaths = interactivePaths == null ? List.of() : List.copyOf(interactivePaths);
		nonInteractivePaths = nonInteractivePaths == null ? List.of() : List.copyOf(nonInteractivePaths);
		routingLadder = routingLadder == null || routingLadder.isEmpty() ? DEFAULT_LADDER : Map.copyOf(routingLadder);
		cacheMinimumTokens = cacheMinimumTokens == null || cacheMinimumTokens.isEmpty() ? DEFAULT_CACHE_MINIMUMS
				: Map.copyOf(cacheMinimumTokens);
	}

	public static SavingsProperties defaults() {
		return new SavingsProperties(BigDecimal.valueOf(25), 100, 30, "0-6", null, null, null, 100, 300, null);
	}

	int cacheMinimum(String model) {
		return this.cacheMinimumTokens.getOrDefault(model, 1024);
	}

	/** The off-hours as a mask of UTC hours: bit h is set when hour h is off. */
	int offHourMask() {
		String[] parts = this.offHours.split("-");
		int from = Integer.parseInt(parts[0].trim());
		int to = Integer.parseInt(parts[1].trim());
		int mask = 0;
		for (int hour = 0; hour < 24; hour++) {
			if (from <= to ? (hour >= from && hour < to) : (hour >= from || hour < to)) {
				mask |= 1 << hour;
			}
		}
		return mask;
	}

}
