package com.bedrockcostanalyzer.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.bedrockcostanalyzer.usage.Tier;

/**
 * What the tool knows of each model besides its prices, kept as data beside them
 * ({@value #FILE}): its family and generation, the cheaper sibling a router would send
 * easy requests to, the smallest prefix a cache checkpoint takes, the input size above
 * which a request is billed at long-context rates, its lifecycle (legacy, public extended
 * access and end-of-life dates, and the successor to move to), its tokenizer, the tiers
 * AWS sells it on, and whether its geo inference profile bills at the source Region's
 * in-Region price. A {@value #FILE} in the {@code --prices} folder adds models and
 * replaces the shipped rows of the models it names.
 */
public final class ModelFacts {

	public static final String FILE = "models.csv";

	private static final Pattern LEADING_NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

	static final List<String> HEADER = List.of("model_id", "family", "generation", "route_to", "cache_min_tokens",
			"long_context_threshold", "legacy_date", "extended_access_date", "end_of_life", "successor", "tokenizer",
			"tokenizer_factor", "tiers", "geo_as_regional", "source");

	/** The header before the lifecycle and tokenizer columns: such files still load. */
	static final List<String> HEADER_WITHOUT_LIFECYCLE = List.of("model_id", "family", "generation", "route_to",
			"cache_min_tokens", "long_context_threshold", "end_of_life", "tiers", "geo_as_regional", "source");

	private static final Pattern FACTOR = Pattern.compile("(\\d+(?:\\.\\d+)?)(?:-(\\d+(?:\\.\\d+)?))?");

	/** One model's facts; null or empty where not known. */
	public record Model(String modelId, @Nullable String family, @Nullable String generation, @Nullable String routeTo,
			@Nullable Integer cacheMinTokens, @Nullable Long longContextThreshold, Lifecycle lifecycle,
			@Nullable Tokenizer tokenizer, Set<Tier> tiers, boolean geoAsRegional, String source) {
	}

	/**
	 * The dates AWS announced for a model (null where none is) and the model the file
	 * says to move to (null: the newest generation of its family).
	 */
	public record Lifecycle(@Nullable LocalDate legacy, @Nullable LocalDate extendedAccess,
			@Nullable LocalDate endOfLife, @Nullable String successor) {
	}

	/**
	 * A model's tokenizer and how many tokens it makes of a text against its lineage's
	 * first tokenizer (the part of the name before the last '-'): "claude-v4.7" at 1.0 to
	 * 1.35 counts up to 35% more than "claude-v3" at 1.
	 */
	public record Tokenizer(String name, BigDecimal low, BigDecimal high) {

		String lineage() {
			int dash = this.name.lastIndexOf('-');
			return (dash < 0) ? this.name : this.name.substring(0, dash);
		}

	}

	/**
	 * How many tokens the same text makes on one model against another: a range where
	 * only a range is published.
	 */
	public record TokenFactor(BigDecimal low, BigDecimal high) {

		public static final TokenFactor SAME = new TokenFactor(BigDecimal.ONE, BigDecimal.ONE);

		public boolean same() {
			return this.low.compareTo(BigDecimal.ONE) == 0 && this.high.compareTo(BigDecimal.ONE) == 0;
		}

		/** "1", "0.74-1" or "1-1.35". */
		public String label() {
			String low = this.low.stripTrailingZeros().toPlainString();
			String high = this.high.stripTrailingZeros().toPlainString();
			return low.equals(high) ? low : low + "-" + high;
		}

	}

	private final Map<String, Model> models;

	private ModelFacts(Map<String, Model> models) {
		this.models = Map.copyOf(models);
	}

	/**
	 * The shipped facts, with the {@value #FILE} of a {@code --prices} folder over them.
	 */
	public static ModelFacts load(@Nullable String pricesSpec) {
		Map<String, Model> models = new HashMap<>(Shipped.MODELS);
		if (pricesSpec != null && !pricesSpec.isBlank()) {
			Path own = Path.of(pricesSpec).resolve(FILE);
			if (Files.isDirectory(Path.of(pricesSpec)) && Files.isRegularFile(own)) {
				try (InputStream in = Files.newInputStream(own)) {
					read(in, own.toString(), models);
				}
				catch (IOException ex) {
					throw new PriceBookException("the model facts " + own + " cannot be read: " + ex.getMessage());
				}
			}
		}
		return new ModelFacts(models);
	}

	/**
	 * The jar's facts, read once: every price book loaded and every step of a run starts
	 * from them.
	 */
	private static final class Shipped {

		static final Map<String, Model> MODELS = read();

		private static Map<String, Model> read() {
			Map<String, Model> models = new HashMap<>();
			String shipped = "prices/" + FILE;
			try (InputStream in = ModelFacts.class.getClassLoader().getResourceAsStream(shipped)) {
				if (in == null) {
					throw new PriceBookException("the model facts " + shipped + " are missing from the jar");
				}
				ModelFacts.read(in, shipped, models);
			}
			catch (IOException ex) {
				throw new PriceBookException("the model facts " + shipped + " cannot be read: " + ex.getMessage());
			}
			return Map.copyOf(models);
		}

	}

	/**
	 * Each model with a cheaper sibling, mapped to it: the routing ladder, as of
	 * {@code today}. A sibling past its end of life is replaced by its successor. Steps
	 * down to an older generation are left out (Claude 3.5 Haiku to Claude 3 Haiku): a
	 * move a user would not forward to a manager unless they chose it in their own
	 * ladder.
	 */
	public Map<String, String> routingLadder(LocalDate today) {
		Map<String, String> ladder = new HashMap<>();
		known(Model::routeTo).forEach((model, sibling) -> {
			String target = sibling;
			for (int step = 0; step < this.models.size() && ended(target, today); step++) {
				String next = successor(target);
				if (next == null) {
					break;
				}
				target = next;
			}
			if (!ended(target, today) && !target.equals(model) && !olderGeneration(target, model)) {
				ladder.put(model, target);
			}
		});
		return ladder;
	}

	private boolean ended(String modelId, LocalDate today) {
		Model model = this.models.get(modelId);
		return model != null && model.lifecycle().endOfLife() != null && !model.lifecycle().endOfLife().isAfter(today);
	}

	/**
	 * Whether {@code model} is of an older generation than {@code than} (by the file's
	 * numbers).
	 */
	boolean olderGeneration(String model, String than) {
		Model a = this.models.get(model);
		Model b = this.models.get(than);
		Double generation = (a != null) ? leadingNumber(a.generation()) : null;
		Double thanGeneration = (b != null) ? leadingNumber(b.generation()) : null;
		return generation != null && thanGeneration != null && generation < thanGeneration;
	}

	// "3.5 v2" is 3.5, "2407" is 2407: generations compare by their leading number.
	private static @Nullable Double leadingNumber(@Nullable String generation) {
		if (generation == null) {
			return null;
		}
		Matcher number = LEADING_NUMBER.matcher(generation);
		return number.lookingAt() ? Double.valueOf(number.group()) : null;
	}

	/** The model's lifecycle as the file gives it; null for a model it does not list. */
	public @Nullable Lifecycle lifecycle(String modelId) {
		Model model = this.models.get(modelId);
		return (model == null) ? null : model.lifecycle();
	}

	/**
	 * The model to move to when {@code modelId} reaches its end: the file's successor, or
	 * else the newest generation of its family (null when it has none newer).
	 */
	public @Nullable String successor(String modelId) {
		Model model = this.models.get(modelId);
		if (model == null) {
			return null;
		}
		if (model.lifecycle().successor() != null) {
			return model.lifecycle().successor();
		}
		Double generation = leadingNumber(model.generation());
		if (model.family() == null || generation == null) {
			return null;
		}
		Model newest = null;
		Double newestGeneration = generation;
		for (Model other : this.models.values()) {
			Double otherGeneration = leadingNumber(other.generation());
			if (model.family().equals(other.family()) && otherGeneration != null && otherGeneration > newestGeneration
					&& other.lifecycle().endOfLife() == null) {
				newest = other;
				newestGeneration = otherGeneration;
			}
		}
		return (newest == null) ? null : newest.modelId();
	}

	/**
	 * How many tokens the same text makes on {@code to} against {@code from}: 1 when both
	 * use one tokenizer, the ratio of their ranges within a lineage, null when either is
	 * not known or they are of different lineages (nothing published compares them).
	 */
	public @Nullable TokenFactor tokenFactor(String from, String to) {
		Model a = this.models.get(from);
		Model b = this.models.get(to);
		Tokenizer source = (a != null) ? a.tokenizer() : null;
		Tokenizer target = (b != null) ? b.tokenizer() : null;
		if (source == null || target == null || !source.lineage().equals(target.lineage())) {
			return null;
		}
		if (source.name().equals(target.name())) {
			return TokenFactor.SAME;
		}
		return new TokenFactor(target.low().divide(source.high(), 4, RoundingMode.HALF_EVEN),
				target.high().divide(source.low(), 4, RoundingMode.HALF_EVEN));
	}

	/** Each model's smallest cacheable prefix, where known. */
	public Map<String, Integer> cacheMinimums() {
		return known(Model::cacheMinTokens);
	}

	private <T> Map<String, T> known(Function<Model, T> fact) {
		Map<String, T> known = new HashMap<>();
		this.models.values().forEach((model) -> {
			T value = fact.apply(model);
			if (value != null) {
				known.put(model.modelId(), value);
			}
		});
		return known;
	}

	/**
	 * The input size above which a request of the model is billed at long-context rates;
	 * 0 when it has none.
	 */
	public long longContextThreshold(String modelId) {
		Model model = this.models.get(modelId);
		return model == null || model.longContextThreshold() == null ? 0 : model.longContextThreshold();
	}

	/**
	 * Whether AWS bills the model's geo profile at the source Region's in-Region price.
	 */
	public boolean geoAsRegional(String modelId) {
		Model model = this.models.get(modelId);
		return model != null && model.geoAsRegional();
	}

	/**
	 * False only where the facts list the model's tiers and this one is not among them.
	 */
	public boolean sells(String modelId, Tier tier) {
		Model model = this.models.get(modelId);
		return model == null || model.tiers().isEmpty() || model.tiers().contains(tier);
	}

	private static void read(InputStream in, String name, Map<String, Model> into) throws IOException {
		try (CSVParser csv = PriceCsv.open(in, name, null)) {
			if (!csv.getHeaderNames().equals(HEADER) && !csv.getHeaderNames().equals(HEADER_WITHOUT_LIFECYCLE)) {
				throw new PriceBookException(name + ": the header must be " + String.join(",", HEADER));
			}
			for (CSVRecord record : csv) {
				String where = name + " line " + record.getParser().getCurrentLineNumber();
				String modelId = record.get("model_id");
				if (modelId.isEmpty()) {
					throw new PriceBookException(where + ": model_id is empty");
				}
				into.put(modelId, new Model(modelId, empty(record.get("family")), empty(record.get("generation")),
						empty(record.get("route_to")), number(record.get("cache_min_tokens"), where, Integer::valueOf),
						number(record.get("long_context_threshold"), where, Long::valueOf),
						new Lifecycle(date(optional(record, "legacy_date"), "legacy_date", where),
								date(optional(record, "extended_access_date"), "extended_access_date", where),
								date(record.get("end_of_life"), "end_of_life", where),
								empty(optional(record, "successor"))),
						tokenizer(optional(record, "tokenizer"), optional(record, "tokenizer_factor"), where),
						tiers(record.get("tiers"), where), yesNo(record.get("geo_as_regional"), where),
						record.get("source")));
			}
		}
	}

	private static @Nullable String empty(String text) {
		return text.isEmpty() ? null : text;
	}

	private static <T extends Number> @Nullable T number(String text, String where, Function<String, T> parse) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			T value = parse.apply(text);
			if (value.longValue() <= 0) {
				throw new NumberFormatException();
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new PriceBookException(where + ": '" + text + "' is not a positive whole number");
		}
	}

	private static String optional(CSVRecord record, String column) {
		return record.isMapped(column) ? record.get(column) : "";
	}

	private static @Nullable LocalDate date(String text, String column, String where) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new PriceBookException(where + ": " + column + " '" + text + "' is not a date (YYYY-MM-DD)");
		}
	}

	private static @Nullable Tokenizer tokenizer(String name, String factor, String where) {
		if (name.isEmpty()) {
			if (!factor.isEmpty()) {
				throw new PriceBookException(where + ": tokenizer_factor without a tokenizer");
			}
			return null;
		}
		if (factor.isEmpty()) {
			return new Tokenizer(name, BigDecimal.ONE, BigDecimal.ONE);
		}
		Matcher range = FACTOR.matcher(factor);
		if (!range.matches()) {
			throw new PriceBookException(
					where + ": tokenizer_factor '" + factor + "' is not a number or a range such as 1.0-1.35");
		}
		BigDecimal low = new BigDecimal(range.group(1));
		BigDecimal high = (range.group(2) != null) ? new BigDecimal(range.group(2)) : low;
		if (low.signum() <= 0 || high.compareTo(low) < 0) {
			throw new PriceBookException(where + ": tokenizer_factor '" + factor + "' must be positive, low-high");
		}
		return new Tokenizer(name, low, high);
	}

	private static Set<Tier> tiers(String text, String where) {
		Set<Tier> tiers = EnumSet.noneOf(Tier.class);
		for (String label : text.split(" ")) {
			if (label.isBlank()) {
				continue;
			}
			try {
				tiers.add(Tier.fromLabel(label.trim()));
			}
			catch (IllegalArgumentException ex) {
				throw new PriceBookException(where + ": tier '" + label + "' is not one of "
						+ Arrays.stream(Tier.values()).map(Tier::label).toList());
			}
		}
		return tiers;
	}

	private static boolean yesNo(String text, String where) {
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "yes" -> true;
			case "no", "" -> false;
			default -> throw new PriceBookException(where + ": geo_as_regional must be yes or no, not '" + text + "'");
		};
	}

}
