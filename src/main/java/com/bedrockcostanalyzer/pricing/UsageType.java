package com.bedrockcostanalyzer.pricing;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.bedrockcostanalyzer.usage.Context;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;

/**
 * Reads a Bedrock usage-type string, as the Price List and the bill (CUR) both spell it:
 * first party {@code USE1-NovaPro-input-tokens-batch},
 * {@code USE1-Nova2.0Lite-input-tokens-priority-cross-region-global}, long context
 * {@code USE1-Claude4Sonnet-input-tokens-long-context-cross-region-global}, and
 * Marketplace {@code USE1-MP:USE1_InputTokenCount_Global_Batch-Units} or
 * {@code …_InputTokenCount_LatencyOptimized-Units}. What it cannot place (provisioned
 * throughput, reserved, custom models, mantle) is {@code null}, never guessed.
 */
public final class UsageType {

	public enum TokenKind {

		INPUT("input"), OUTPUT("output"), CACHE_READ("cache read"), CACHE_WRITE_5M("cache write 5m"),
		CACHE_WRITE_1H("cache write 1h");

		private final String label;

		TokenKind(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		/** This kind's count in a token vector. */
		public long of(TokenCounts tokens) {
			return switch (this) {
				case INPUT -> tokens.input();
				case OUTPUT -> tokens.output();
				case CACHE_READ -> tokens.cacheRead();
				case CACHE_WRITE_5M -> tokens.cacheWrite5m();
				case CACHE_WRITE_1H -> tokens.cacheWrite1h();
			};
		}

		/** A vector holding only this kind of token, to price one kind alone. */
		public TokenCounts only(long count) {
			return new TokenCounts(this == INPUT ? count : 0, this == OUTPUT ? count : 0,
					this == CACHE_READ ? count : 0, this == CACHE_WRITE_5M ? count : 0,
					this == CACHE_WRITE_1H ? count : 0);
		}

	}

	/**
	 * The kind of token a usage type bills, on which tier, through which scope and in
	 * which context.
	 */
	public record Placement(TokenKind kind, Tier tier, Scope scope, Context context) {
	}

	/**
	 * Billing region prefixes, as usage types spell them (they cannot be derived from the
	 * Region code).
	 */
	private static final Map<String, String> REGION_PREFIXES = Map.ofEntries(Map.entry("USE1", "us-east-1"),
			Map.entry("USE2", "us-east-2"), Map.entry("USW1", "us-west-1"), Map.entry("USW2", "us-west-2"),
			Map.entry("CAN1", "ca-central-1"), Map.entry("EUC1", "eu-central-1"), Map.entry("EUC2", "eu-central-2"),
			Map.entry("EU", "eu-west-1"), Map.entry("EUW2", "eu-west-2"), Map.entry("EUW3", "eu-west-3"),
			Map.entry("EUN1", "eu-north-1"), Map.entry("EUS1", "eu-south-1"), Map.entry("EUS2", "eu-south-2"),
			Map.entry("APN1", "ap-northeast-1"), Map.entry("APN2", "ap-northeast-2"),
			Map.entry("APN3", "ap-northeast-3"), Map.entry("APS1", "ap-southeast-1"),
			Map.entry("APS2", "ap-southeast-2"), Map.entry("APS3", "ap-south-1"), Map.entry("APS4", "ap-southeast-3"),
			Map.entry("SAE1", "sa-east-1"), Map.entry("UGW1", "us-gov-west-1"), Map.entry("UGE1", "us-gov-east-1"));

	/**
	 * The model part of a first-party usage type: between the region prefix and the token
	 * dimension.
	 */
	private static final Pattern FIRST_PARTY_MODEL = Pattern.compile(
			"^([A-Z0-9]+)-(.+?)-(?:text-)?(?:input-tokens|output-tokens|cache-read-input-token-count|cache-write-input-token-count).*$");

	private UsageType() {
	}

	public static boolean isMarketplace(String usageType) {
		return usageType.contains("-MP:");
	}

	/**
	 * Where and how the usage type bills tokens, or null when it is not a per-token
	 * charge this tool prices.
	 */
	public static @Nullable Placement placement(String usageType, String feature) {
		return isMarketplace(usageType) ? marketplace(usageType) : firstParty(usageType, feature);
	}

	/**
	 * The Region a usage type bills in, from its prefix ({@code USE1-…}), or null for a
	 * prefix not in the table.
	 */
	public static @Nullable String region(String usageType) {
		int dash = usageType.indexOf('-');
		return dash < 0 ? null : REGION_PREFIXES.get(usageType.substring(0, dash));
	}

	/**
	 * The model a first-party usage type names ({@code NovaLite},
	 * {@code Claude4.6Sonnet}); Marketplace usage types name none (the product name
	 * does).
	 */
	public static @Nullable String firstPartyModelName(String usageType) {
		if (isMarketplace(usageType)) {
			return null;
		}
		Matcher matcher = FIRST_PARTY_MODEL.matcher(usageType);
		return matcher.matches() ? matcher.group(2) : null;
	}

	static @Nullable Placement firstParty(String usageType, String feature) {
		String u = usageType.toLowerCase(Locale.ROOT);
		if (u.contains("mantle") || u.contains("provisioned") || u.contains("reserved") || u.contains("custom")) {
			return null;
		}
		TokenKind kind;
		if (u.contains("cache-read-input-token")) {
			kind = TokenKind.CACHE_READ;
		}
		else if (u.contains("cache-write-input-token")) {
			kind = TokenKind.CACHE_WRITE_5M;
		}
		else if (u.contains("-input-tokens")) {
			kind = TokenKind.INPUT;
		}
		else if (u.contains("-output-tokens")) {
			kind = TokenKind.OUTPUT;
		}
		else {
			return null;
		}
		Tier tier = Tier.STANDARD;
		if (u.contains("latency-optimized") || u.contains("latency-optimised")) {
			tier = Tier.LATENCY_OPTIMIZED;
		}
		else if (u.contains("-batch") || "Batch Inference".equalsIgnoreCase(feature)) {
			tier = Tier.BATCH;
		}
		else if (u.contains("-flex")) {
			tier = Tier.FLEX;
		}
		else if (u.contains("-priority")) {
			tier = Tier.PRIORITY;
		}
		Scope scope = u.contains("cross-region-global") ? Scope.GLOBAL
				: u.contains("cross-region-geo") ? Scope.GEO : Scope.REGIONAL;
		return new Placement(kind, tier, scope, u.contains("long-context") ? Context.LONG : Context.STANDARD);
	}

	static @Nullable Placement marketplace(String usageType) {
		String rest = usageType.substring(usageType.indexOf("-MP:") + 4);
		int underscore = rest.indexOf('_');
		if (underscore < 0) {
			return null;
		}
		rest = rest.substring(underscore + 1).replaceFirst("-Units$", "");
		String[] parts = rest.split("_");
		TokenKind kind = switch (parts[0]) {
			case "InputTokenCount" -> TokenKind.INPUT;
			case "OutputTokenCount" -> TokenKind.OUTPUT;
			case "CacheReadInputTokenCount" -> TokenKind.CACHE_READ;
			case "CacheWriteInputTokenCount" -> TokenKind.CACHE_WRITE_5M;
			case "CacheWrite1hInputTokenCount" -> TokenKind.CACHE_WRITE_1H;
			default -> null;
		};
		if (kind == null) {
			return null;
		}
		Tier tier = Tier.STANDARD;
		Scope scope = Scope.REGIONAL;
		Context context = Context.STANDARD;
		for (int i = 1; i < parts.length; i++) {
			switch (parts[i]) {
				case "Global" -> scope = Scope.GLOBAL;
				case "Geo" -> scope = Scope.GEO;
				case "Batch" -> tier = Tier.BATCH;
				case "Flex" -> tier = Tier.FLEX;
				case "Priority" -> tier = Tier.PRIORITY;
				case "LatencyOptimized" -> tier = Tier.LATENCY_OPTIMIZED;
				case "LongContext" -> context = Context.LONG;
				default -> {
					return null;
				}
			}
		}
		return new Placement(kind, tier, scope, context);
	}

}
