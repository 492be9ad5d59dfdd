package com.bedrockcostanalyzer.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.bedrockcostanalyzer.pricing.UsageType.Placement;
import com.bedrockcostanalyzer.pricing.UsageType.TokenKind;
import com.bedrockcostanalyzer.usage.Context;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns AWS Price List offer files ({@code AmazonBedrock},
 * {@code AmazonBedrockFoundationModels}, {@code AmazonBedrockService}) into price-book
 * rows in USD per 1M tokens. The kind of token, the tier and the scope come from the
 * usage type (and {@code feature} for batch); the model from the {@code model} attribute
 * or the {@code servicename}, through a table of names. A SKU it cannot place is counted
 * under a reason, never guessed.
 */
public final class PriceListImporter {

	public static final String NAMES_RESOURCE = "pricing/price-list-model-names.csv";

	private static final String EDITION_SUFFIX = " (Amazon Bedrock Edition)";

	private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Set<String> GENERIC_UNITS = Set.of("", "units", "unit", "quantity");

	/**
	 * Why a token SKU whose price is in a unit other than 1K or 1M tokens is left out.
	 */
	public static final String UNKNOWN_UNIT = "unit is not 1K or 1M tokens";

	/**
	 * What one SKU says, once understood; {@code offer} names the offer, its version and
	 * publication date.
	 */
	record Sku(String modelId, String region, Scope scope, Tier tier, Context context, TokenKind dimension,
			BigDecimal usdPerMillion, LocalDate effectiveFrom, String offer, String sku) {
	}

	/** The rows, and what was left out and why. */
	public record Result(List<PriceRow> rows, Map<String, Integer> skipped, List<String> unknownNames) {

		/**
		 * Token prices in a unit this importer does not know: never guessed, so a book
		 * made without them lacks them.
		 */
		public int unitsNotUnderstood() {
			return this.skipped.getOrDefault(UNKNOWN_UNIT, 0);
		}

	}

	private final Map<String, String> names;

	public PriceListImporter(Map<String, String> names) {
		this.names = Map.copyOf(names);
	}

	/** The shipped name table, plus (overriding it) the user's. */
	public static Map<String, String> names(Path extra) throws IOException {
		Map<String, String> names = new HashMap<>();
		try (InputStream in = PriceListImporter.class.getClassLoader().getResourceAsStream(NAMES_RESOURCE)) {
			readNames(in, names);
		}
		if (extra != null) {
			try (InputStream in = Files.newInputStream(extra)) {
				readNames(in, names);
			}
		}
		return names;
	}

	private static void readNames(InputStream in, Map<String, String> into) throws IOException {
		try (CSVParser csv = PriceCsv.open(in, NAMES_RESOURCE, null)) {
			for (CSVRecord record : csv) {
				into.put(record.get("price_list_name"), record.get("model_id"));
			}
		}
	}

	/** Offer files already on disk, as given ({@code prices import}). */
	public Result importOffers(List<Path> offers) throws IOException {
		List<JsonNode> roots = new ArrayList<>();
		for (Path offer : offers) {
			roots.add(MAPPER.readTree(offer.toFile()));
		}
		return importRoots(roots.iterator());
	}

	/**
	 * Files {@code prices update} downloaded, each parsed once, one at a time, and
	 * checked as it is: whole JSON, the offer asked for, with products. A file that is
	 * not is one sentence naming its offer, Region and address.
	 */
	public Result importDownloaded(List<PriceListFetcher.OfferFile> files) {
		Iterator<PriceListFetcher.OfferFile> each = files.iterator();
		return importRoots(new Iterator<>() {

			@Override
			public boolean hasNext() {
				return each.hasNext();
			}

			@Override
			public JsonNode next() {
				return checked(each.next());
			}

		});
	}

	private Result importRoots(Iterator<JsonNode> roots) {
		List<Sku> skus = new ArrayList<>();
		Map<String, Integer> skipped = new TreeMap<>();
		TreeSet<String> unknown = new TreeSet<>();
		while (roots.hasNext()) {
			readOffer(roots.next(), skus, skipped, unknown);
		}
		return new Result(rows(skus, skipped), skipped, List.copyOf(unknown));
	}

	private static JsonNode checked(PriceListFetcher.OfferFile file) {
		String what = "the " + file.offer() + " offer for " + file.region() + " from " + file.address();
		JsonNode root;
		try {
			root = MAPPER.readTree(file.file().toFile());
		}
		catch (JacksonException ex) {
			throw new PriceBookException(
					what + " is not whole JSON (cut short or not an offer file): " + ex.getOriginalMessage());
		}
		if (!file.offer().equals(root.path("offerCode").asString(""))) {
			throw new PriceBookException(what + " is not the " + file.offer() + " offer (its offerCode differs)");
		}
		if (!root.path("products").isObject() || root.path("products").isEmpty()) {
			throw new PriceBookException(what + " holds no Bedrock products");
		}
		return root;
	}

	private void readOffer(JsonNode root, List<Sku> skus, Map<String, Integer> skipped, TreeSet<String> unknown) {
		String offerCode = root.path("offerCode").asString("");
		String publication = root.path("publicationDate").asString("");
		String offer = "AWS Price List " + offerCode + " " + root.path("version").asString("?") + " published "
				+ publication.split("T")[0];
		JsonNode onDemand = root.path("terms").path("OnDemand");
		for (var entry : root.path("products").properties()) {
			String skuId = entry.getKey();
			JsonNode attributes = entry.getValue().path("attributes");
			String usageType = attributes.path("usagetype").asString("");
			String region = attributes.path("regionCode").asString("");
			String name = modelName(offerCode, attributes);
			if (usageType.isEmpty() || region.isEmpty()) {
				count(skipped, "no usage type or region");
				continue;
			}
			Placement placement = UsageType.placement(usageType, attributes.path("feature").asString(""));
			if (placement == null) {
				count(skipped, "not a per-token price (provisioned, reserved, custom model, mantle, other)");
				continue;
			}
			String modelId = name == null ? null : this.names.get(name);
			if (modelId == null) {
				unknown.add(name == null ? "(no model name) " + usageType : name);
				count(skipped, "model name not in the name table");
				continue;
			}
			JsonNode term = first(onDemand.path(skuId));
			JsonNode dimension = term == null ? null : first(term.path("priceDimensions"));
			if (term == null || dimension == null) {
				count(skipped, "no on-demand price");
				continue;
			}
			BigDecimal perMillion = perMillion(dimension);
			if (perMillion == null) {
				count(skipped, UNKNOWN_UNIT);
				continue;
			}
			LocalDate effective = date(term.path("effectiveDate").asString(""), publication);
			skus.add(new Sku(modelId, region, placement.scope(), placement.tier(), placement.context(),
					placement.kind(), perMillion, effective, offer, skuId));
		}
	}

	private static @Nullable String modelName(String offerCode, JsonNode attributes) {
		String model = attributes.path("model").asString("");
		if (!model.isEmpty()) {
			return model;
		}
		String service = attributes.path("servicename").asString("");
		if (service.endsWith(EDITION_SUFFIX)) {
			return service.substring(0, service.length() - EDITION_SUFFIX.length());
		}
		return service.isEmpty() ? null : service;
	}

	private static @Nullable BigDecimal perMillion(JsonNode dimension) {
		String usd = dimension.path("pricePerUnit").path("USD").asString("");
		if (usd.isEmpty()) {
			return null;
		}
		BigDecimal price = new BigDecimal(usd);
		String unit = dimension.path("unit").asString("").toLowerCase(Locale.ROOT);
		// A unit that names tokens says the scale; a generic one ("Units", as some
		// Marketplace SKUs have) leaves it
		// to the description ("Million Input Tokens"). Characters, images or seconds are
		// never read as tokens.
		String scale = unit.contains("token") ? unit : GENERIC_UNITS.contains(unit.strip())
				? dimension.path("description").asString("").toLowerCase(Locale.ROOT) : "";
		if (!scale.contains("token")) {
			return null;
		}
		if (scale.startsWith("1k") || scale.contains("thousand") || scale.contains("1k ")) {
			return price.multiply(THOUSAND).stripTrailingZeros();
		}
		if (scale.startsWith("1m") || scale.contains("million") || scale.contains("1m ")) {
			return price.stripTrailingZeros();
		}
		return null;
	}

	private static LocalDate date(String effectiveDate, String publication) {
		for (String text : List.of(effectiveDate, publication)) {
			if (text.length() >= 10) {
				try {
					return LocalDate.parse(text.substring(0, 10));
				}
				catch (DateTimeParseException ex) {
					// try the next one
				}
			}
		}
		return LocalDate.of(1970, 1, 1);
	}

	private static @Nullable JsonNode first(JsonNode node) {
		var values = node.values().iterator();
		return values.hasNext() ? values.next() : null;
	}

	private static void count(Map<String, Integer> skipped, String reason) {
		skipped.merge(reason, 1, Integer::sum);
	}

	private static List<PriceRow> rows(List<Sku> skus, Map<String, Integer> skipped) {
		record Key(String modelId, String region, Scope scope, Tier tier, Context context, LocalDate effectiveFrom) {
		}
		Map<Key, Map<TokenKind, Sku>> grouped = new LinkedHashMap<>();
		for (Sku sku : skus) {
			grouped
				.computeIfAbsent(new Key(sku.modelId(), sku.region(), sku.scope(), sku.tier(), sku.context(),
						sku.effectiveFrom()), (k) -> new HashMap<>())
				.put(sku.dimension(), sku);
		}
		List<PriceRow> rows = new ArrayList<>();
		grouped.forEach((key, dims) -> {
			Sku input = dims.get(TokenKind.INPUT);
			if (input == null) {
				count(skipped, "token prices without an input price for their model, region, scope and tier");
				return;
			}
			rows.add(new PriceRow(key.modelId(), key.region(), key.scope(), key.tier(), key.context(),
					input.usdPerMillion(), rate(dims, TokenKind.OUTPUT), rate(dims, TokenKind.CACHE_READ),
					rate(dims, TokenKind.CACHE_WRITE_5M), rate(dims, TokenKind.CACHE_WRITE_1H), key.effectiveFrom(),
					source(input.offer(), dims), "", 0));
		});
		rows.sort(Comparator.comparing(PriceRow::modelId)
			.thenComparing(PriceRow::region)
			.thenComparing(PriceRow::scope)
			.thenComparing(PriceRow::tier)
			.thenComparing(PriceRow::context)
			.thenComparing(PriceRow::effectiveFrom));
		return rows;
	}

	/**
	 * The offer and every SKU the row was made of, in token-kind order, so each figure
	 * can be traced.
	 */
	private static String source(String offer, Map<TokenKind, Sku> dims) {
		StringBuilder source = new StringBuilder(offer).append(PriceBook.SKU_MARK);
		String separator = "";
		for (TokenKind kind : TokenKind.values()) {
			Sku sku = dims.get(kind);
			if (sku != null) {
				source.append(separator).append(sku.sku());
				separator = "+";
			}
		}
		return source.toString();
	}

	private static @Nullable BigDecimal rate(Map<TokenKind, Sku> dims, TokenKind dimension) {
		Sku sku = dims.get(dimension);
		return sku == null ? null : sku.usdPerMillion();
	}

}
