package com.bedrockcostanalyzer.savings;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.bedrockcostanalyzer.pricing.ModelFacts;

/**
 * The knobs of the savings detectors. Defaults follow Bedrock's own limits and the
 * practice of the tools users compare us with (nOps hides savings under $25 a month).
 *
 * @param thresholdUsd monthly savings below this are folded away from the human reports
 * (kept in the CSV)
 * @param batchMinRecords Bedrock's minimum records per batch job (per model; 100 by
 * default)
 * @param runGapMinutes a pause this long ends a "run" of job-like traffic
 * @param offHours UTC hours counted as off-hours, as {@code from-to} (end excluded)
 * @param interactivePaths paths declared interactive: never offered batch or flex
 * @param nonInteractivePaths paths declared non-interactive: batch is proposed whatever
 * the signals say
 * @param routingLadder each model mapped to its cheaper sibling, tried step by step
 * (default: the model facts)
 * @param routingShare the share of a path's traffic taken as routable, in percent; unset,
 * the share measured while reading (the prompt tokens of requests with short answers)
 * @param routingMaxMeanOutputTokens the mean output size below which a path looks
 * classification-like
 * @param cacheMinimumTokens a model's minimum cacheable prefix (checkpoint) size (over
 * the model facts)
 */
@ConfigurationProperties("bca.savings")
public record SavingsProperties(@DefaultValue("25") BigDecimal thresholdUsd, @DefaultValue("100") int batchMinRecords,
		@DefaultValue("30") int runGapMinutes, @DefaultValue("0-6") String offHours, List<String> interactivePaths,
		List<String> nonInteractivePaths, Map<String, String> routingLadder, @Nullable Integer routingShare,
		@DefaultValue("300") int routingMaxMeanOutputTokens, Map<String, Integer> cacheMinimumTokens) {

	public SavingsProperties {
		interactivePaths = interactivePaths == null ? List.of() : List.copyOf(interactivePaths);
		nonInteractivePaths = nonInteractivePaths == null ? List.of() : List.copyOf(nonInteractivePaths);
		routingLadder = routingLadder == null ? Map.of() : Map.copyOf(routingLadder);
		cacheMinimumTokens = cacheMinimumTokens == null ? Map.of() : Map.copyOf(cacheMinimumTokens);
	}

	/** The defaults of every setting, with the shipped model facts. */
	public static SavingsProperties defaults() {
		return new SavingsProperties(BigDecimal.valueOf(25), 100, 30, "0-6", null, null, null, null, 300, null)
			.withModelFacts(ModelFacts.load(null));
	}

	/**
	 * These settings over the model facts: the ladder the user set replaces the facts'
	 * whole (a ladder is one decision), and the user's cache minimums replace the facts'
	 * model by model.
	 */
	public SavingsProperties withModelFacts(ModelFacts facts) {
		Map<String, Integer> minimums = new HashMap<>(facts.cacheMinimums());
		minimums.putAll(this.cacheMinimumTokens);
		return new SavingsProperties(this.thresholdUsd, this.batchMinRecords, this.runGapMinutes, this.offHours,
				this.interactivePaths, this.nonInteractivePaths, this.routingLadder.isEmpty()
						? facts.routingLadder(java.time.LocalDate.now(java.time.ZoneOffset.UTC)) : this.routingLadder,
				this.routingShare, this.routingMaxMeanOutputTokens, minimums);
	}

	/**
	 * A model without a known minimum is assumed to take Anthropic's and Nova's smallest,
	 * 1,024 tokens.
	 */
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
