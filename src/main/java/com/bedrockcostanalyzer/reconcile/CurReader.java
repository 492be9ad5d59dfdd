package com.bedrockcostanalyzer.reconcile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.bedrockcostanalyzer.pricing.UsageType.Placement;
import com.bedrockcostanalyzer.pricing.UsageType;
import com.bedrockcostanalyzer.source.CsvFiles;
import com.bedrockcostanalyzer.usage.Window;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the Bedrock lines of a Cost and Usage Report: legacy CUR
 * ({@code lineItem/UsageType}) or CUR 2.0 / Data Exports ({@code line_item_usage_type},
 * the {@code product} map as JSON), CSV, gzip or not. Usage lines ({@code Usage},
 * {@code DiscountedUsage}, {@code SavingsPlanCoveredUsage}) of Bedrock products in the
 * window are handed on; other line types (credits, tax, refunds) are summed apart, never
 * mixed into usage. A line that cannot be read is rejected with its file and line.
 */
final class CurReader {

	private static final Set<String> USAGE_LINE_TYPES = Set.of("Usage", "DiscountedUsage", "SavingsPlanCoveredUsage");

	private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A column by its legacy and its CUR 2.0 name. */
	private enum Column {

		USAGE_TYPE("lineItem/UsageType", "line_item_usage_type"),
		LINE_TYPE("lineItem/LineItemType", "line_item_line_item_type"),
		START("lineItem/UsageStartDate", "line_item_usage_start_date"),
		PRODUCT_CODE("lineItem/ProductCode", "line_item_product_code"),
		AMOUNT("lineItem/UsageAmount", "line_item_usage_amount"),
		COST("lineItem/UnblendedCost", "line_item_unblended_cost"), UNIT("pricing/unit", "pricing_unit"),
		PRODUCT_NAME("product/ProductName", "product_product_name"), REGION("product/region", "product_region_code"),
		FEATURE("product/feature", "product_feature"), PRODUCT_MAP(null, "product");

		final String legacy;

		final String cur2;

		Column(String legacy, String cur2) {
			this.legacy = legacy;
			this.cur2 = cur2;
		}

	}

	/** What a file held besides the usage lines. */
	static final class Findings {

		final List<Reconciliation.Reject> rejects = new ArrayList<>();

		final Map<String, BigDecimal> otherLineTypes = new TreeMap<>();

		final Set<String> notes = new TreeSet<>();

		long bedrockLines;

	}

	private final BilledModels models;

	CurReader(BilledModels models) {
		this.models = models;
	}

	void read(Path file, Window window, Consumer<BilledLine> lines, Findings findings) {
		try (InputStream in = Files.newInputStream(file); CSVParser csv = CsvFiles.open(in)) {
			Map<Column, Integer> columns = columns(csv.getHeaderNames());
			for (Column required : List.of(Column.USAGE_TYPE, Column.START, Column.AMOUNT, Column.COST)) {
				if (!columns.containsKey(required)) {
					findings.rejects.add(new Reconciliation.Reject(file.getFileName() + ":line 1",
							"not a CUR: no " + required.legacy + " or " + required.cur2 + " column"));
					return;
				}
			}
			int width = csv.getHeaderNames().size();
			String name = file.getFileName().toString();
			CsvFiles.eachRow(csv, (row, line) -> {
				String location = name + ":line " + line;
				if (row.size() != width) {
					findings.rejects.add(new Reconciliation.Reject(location,
							"row has " + row.size() + " fields, the header has " + width));
				}
				else {
					readRow(row, columns, location, window, lines, findings);
				}
			}, (line) -> findings.rejects
				.add(new Reconciliation.Reject(name + ":line " + line, CsvFiles.CELL_TOO_LONG)),
					(line) -> findings.rejects.add(new Reconciliation.Reject(name + ":line " + line,
							"cannot be read from here on (bad quoting or not UTF-8)")));
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException ex) {
			findings.rejects.add(new Reconciliation.Reject(file.getFileName() + ":line 1",
					"cannot be read (not a CSV, bad gzip or not UTF-8)"));
		}
	}

	private void readRow(CSVRecord row, Map<Column, Integer> columns, String location, Window window,
			Consumer<BilledLine> lines, Findings findings) {
		String productCode = cell(row, columns, Column.PRODUCT_CODE);
		String mapCell = cell(row, columns, Column.PRODUCT_MAP);
		String nameCell = cell(row, columns, Column.PRODUCT_NAME);
		// Most lines of a CUR are other services: they are told apart on the raw text,
		// before any JSON is parsed.
		if (!productCode.contains("Bedrock") && !nameCell.contains("Bedrock") && !mapCell.contains("Bedrock")) {
			return;
		}
		JsonNode productMap = productMap(mapCell);
		String productName = first(nameCell, productMap, "product_name");
		if (!productCode.contains("Bedrock") && !productName.contains("Bedrock")) {
			return;
		}
		LocalDate day;
		BigDecimal amount;
		BigDecimal cost;
		String start = cell(row, columns, Column.START);
		try {
			day = LocalDate.parse(start.length() >= 10 ? start.substring(0, 10) : start);
		}
		catch (DateTimeParseException ex) {
			findings.rejects.add(new Reconciliation.Reject(location, "usage start date is not a date"));
			return;
		}
		try {
			amount = new BigDecimal(cell(row, columns, Column.AMOUNT));
			cost = new BigDecimal(cell(row, columns, Column.COST));
		}
		catch (NumberFormatException ex) {
			findings.rejects.add(new Reconciliation.Reject(location, "usage amount or cost is not a number"));
			return;
		}
		if (!window.contains(day)) {
			return;
		}
		findings.bedrockLines++;
		String lineType = cell(row, columns, Column.LINE_TYPE);
		if (!lineType.isEmpty() && !USAGE_LINE_TYPES.contains(lineType)) {
			findings.otherLineTypes.merge(lineType, cost, BigDecimal::add);
			return;
		}
		String usageType = cell(row, columns, Column.USAGE_TYPE);
		Placement placement = UsageType.placement(usageType,
				first(cell(row, columns, Column.FEATURE), productMap, "feature"));
		String region = first(cell(row, columns, Column.REGION), productMap, "region");
		if (region.isEmpty()) {
			region = UsageType.region(usageType);
		}
		String model = UsageType.isMarketplace(usageType) ? this.models.model(productName)
				: this.models.model(UsageType.firstPartyModelName(usageType));
		BigDecimal tokens = placement == null ? BigDecimal.ZERO
				: amount.multiply(tokensPerUnit(cell(row, columns, Column.UNIT), usageType, findings));
		lines.accept(new BilledLine(day, region, model, usageType, placement, tokens, cost));
	}

	/**
	 * Tokens in one unit of usage amount. First-party lines count thousands of tokens and
	 * Marketplace lines millions (as CUR exports of both have it); the pricing unit says
	 * so when the export has it.
	 */
	private static BigDecimal tokensPerUnit(String unit, String usageType, Findings findings) {
		String u = unit.toLowerCase(Locale.ROOT).replace(" ", "");
		if (u.startsWith("1k") || u.contains("thousand")) {
			return THOUSAND;
		}
		if (u.startsWith("1m") || u.contains("million")) {
			return MILLION;
		}
		if (u.equals("tokens") || u.equals("token")) {
			return BigDecimal.ONE;
		}
		boolean marketplace = UsageType.isMarketplace(usageType);
		findings.notes.add("pricing unit '" + (unit.isEmpty() ? "(none)" : unit) + "' on "
				+ (marketplace ? "Marketplace" : "first-party") + " lines read as " + (marketplace ? "1M" : "1K")
				+ " tokens per unit");
		return marketplace ? MILLION : THOUSAND;
	}

	private static Map<Column, Integer> columns(List<String> header) {
		Map<Column, Integer> columns = new TreeMap<>();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).trim();
			for (Column column : Column.values()) {
				if (name.equals(column.legacy) || name.equals(column.cur2)) {
					columns.putIfAbsent(column, i);
				}
			}
		}
		return columns;
	}

	private static String cell(CSVRecord row, Map<Column, Integer> columns, Column column) {
		Integer index = columns.get(column);
		return index == null ? "" : row.get(index).trim();
	}

	/** CUR 2.0 writes its map columns as JSON objects in the CSV cell. */
	private static JsonNode productMap(String cell) {
		if (!cell.startsWith("{")) {
			return null;
		}
		try {
			return JSON.readTree(cell);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String first(String cell, JsonNode map, String key) {
		if (!cell.isEmpty() || map == null) {
			return cell;
		}
		JsonNode value = map.get(key);
		return value == null || !value.isString() ? "" : value.asString().trim();
	}

}
