package com.bedrockcostanalyzer.pricing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import com.bedrockcostanalyzer.usage.Context;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;

/**
 * Prices by (model, region, scope, tier), each effective from a date. A lookup takes the
 * row in force on the usage's own day, so an old month is priced with the prices of that
 * month.
 */
public final class PriceBook {

	/**
	 * Where a row's source names the Price List SKUs it was made of; reports list sources
	 * without them.
	 */
	static final String SKU_MARK = " SKU ";

	private final String name;

	private final List<PriceBookFile> files;

	private final Map<PriceKey, List<PriceRow>> rows = new HashMap<>();

	private final ModelFacts facts;

	public PriceBook(String name, List<PriceBookFile> files, List<PriceRow> rows, ModelFacts facts) {
		this.name = name;
		this.files = List.copyOf(files);
		this.facts = facts;
		for (PriceRow row : rows) {
			this.rows.computeIfAbsent(PriceKey.of(row), (k) -> new ArrayList<>()).add(row);
		}
		this.rows.values().forEach((list) -> list.sort(Comparator.comparing(PriceRow::effectiveFrom).reversed()));
	}

	/**
	 * The row in force on {@code day}, of that Region only: one Region's price never
	 * stands in for another's. A geo lookup with no geo row of its own uses the source
	 * Region's regional row only for models whose facts say AWS bills their geo profile
	 * at that price; a global lookup never falls back, because global prices differ.
	 */
	public Optional<PriceRow> lookup(String modelId, String region, Scope scope, Tier tier, Context context,
			LocalDate day) {
		Optional<PriceRow> row = inForce(new PriceKey(modelId, region, scope, tier, context), day);
		if (row.isEmpty() && scope == Scope.GEO && this.facts.geoAsRegional(modelId)) {
			row = inForce(new PriceKey(modelId, region, Scope.REGIONAL, tier, context), day);
		}
		return row;
	}

	private Optional<PriceRow> inForce(PriceKey key, LocalDate day) {
		List<PriceRow> candidates = this.rows.get(key);
		if (candidates == null) {
			return Optional.empty();
		}
		return candidates.stream().filter((row) -> !row.effectiveFrom().isAfter(day)).findFirst();
	}

	/** Whether the book knows the model at all (in any region, scope or tier). */
	public boolean knowsModel(String modelId) {
		return this.rows.keySet().stream().anyMatch((key) -> key.modelId().equals(modelId));
	}

	/**
	 * The model facts read with this book: routing, cache minimums, tiers sold, geo
	 * pricing.
	 */
	public ModelFacts facts() {
		return this.facts;
	}

	public String name() {
		return this.name;
	}

	public List<PriceBookFile> files() {
		return this.files;
	}

	public List<PriceRow> allRows() {
		return this.rows.values().stream().flatMap(List::stream).toList();
	}

	public @Nullable LocalDate earliestEffectiveFrom() {
		return allRows().stream().map(PriceRow::effectiveFrom).min(Comparator.naturalOrder()).orElse(null);
	}

	public @Nullable LocalDate latestEffectiveFrom() {
		return allRows().stream().map(PriceRow::effectiveFrom).max(Comparator.naturalOrder()).orElse(null);
	}

	public List<String> sources() {
		return List.copyOf(new TreeSet<>(allRows().stream().map(PriceBook::withoutSkus).toList()));
	}

	private static String withoutSkus(PriceRow row) {
		int mark = row.source().indexOf(SKU_MARK);
		return mark < 0 ? row.source() : row.source().substring(0, mark);
	}

}
