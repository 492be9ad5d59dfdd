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

	/**
	 * A column by its legacy CUR, its CUR 2.0 and its FOCUS 1.2 (with AWS columns) name;
	 * null where that export has none.
	 */
	private enum Column {

		USAGE_TYPE("lineItem/UsageType", "line_item_usage_type", "x_UsageType"),
		LINE_TYPE("lineItem/LineItemType", "line_item_line_item_type", "ChargeCategory"),
		START("lineItem/UsageStartDate", "line_item_usage_start_date", "ChargePeriodStart"),
		PRODUCT_CODE("lineItem/ProductCode", "line_item_product_code", "x_ServiceCode"),
		AMOUNT("lineItem/UsageAmount", "line_item_usage_amount", "PricingQuantity"),
		COST("lineItem/UnblendedCost", "line_item_unblended_cost", "BilledCost"),
		UNIT("pricing/unit", "pricing_unit", "PricingUnit"),
		PRODUCT_NAME("product/ProductName", "product_product_name", "ServiceName"),
		REGION("product/region", "product_region_code", "RegionId"),
		FEATURE("product/feature", "product_feature", null), PRODUCT_MAP(null, "product", null),
		ACCOUNT("lineItem/UsageAccountId", "line_item_usage_account_id", "SubAccountId"),
		PRINCIPAL(null, "line_item_iam_principal", null), TAGS(null, "tags", "Tags"),
		RESOURCE_TAGS(null, "resource_tags", null);

		final String legacy;

		final String cur2;

		final String focus;

		Column(String legacy, String cur2, String focus) {
			this.legacy = legacy;
			this.cur2 = cur2;
			this.focus = focus;
		}

		boolean named(String name) {
			return name.equals(this.legacy) || name.equals(this.cur2) || name.equals(this.focus);
		}

	}

	/** Legacy CUR writes each cost-allocation tag as a column of its own. */
	private static final String LEGACY_TAG_PREFIX = "resourceTags/";

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
					findings.rejects.add(new Reconciliation.Reject(file.getFileName() + ":line 1", "not a CUR: no "
							+ required.legacy + ", " + required.cur2 + " or " + required.focus + " column"));
					return;
				}
			}
			int width = csv.getHeaderNames().size();
			Map<String, Integer> legacyTags = legacyTagColumns(csv.getHeaderNames());
			String name = file.getFileName().toString();
			CsvFiles.eachRow(csv, (row, line) -> {
				String location = name + ":line " + line;
				if (row.size() != width) {
					findings.rejects.add(new Reconciliation.Reject(location,
							"row has " + row.size() + " fields, the header has " + width));
				}
				else {
					readRow(row, columns, legacyTags, location, window, lines, findings);
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

	private void readRow(CSVRecord row, Map<Column, Integer> columns, Map<String, Integer> legacyTags, String location,
			Window window, Consumer<BilledLine> lines, Findings findings) {
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
		lines.accept(new BilledLine(day, region, model, usageType, placement, tokens, cost,
				cell(row, columns, Column.ACCOUNT), cell(row, columns, Column.PRINCIPAL),
				productCode + " " + productName, tags(row, columns, legacyTags)));
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
				if (column.named(name)) {
					columns.putIfAbsent(column, i);
				}
			}
		}
		return columns;
	}

	private static Map<String, Integer> legacyTagColumns(List<String> header) {
		Map<String, Integer> tags = new TreeMap<>();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).trim();
			if (name.startsWith(LEGACY_TAG_PREFIX)) {
				tags.put(name.substring(LEGACY_TAG_PREFIX.length()), i);
			}
		}
		return tags;
	}

	/**
	 * The line's tags by their plain key: the IAM principal's and session's
	 * ({@code iamPrincipal/team} in CUR 2.0's {@code tags}) before the resource's
	 * ({@code user_team} in {@code resource_tags}, {@code user:team} in FOCUS's
	 * {@code Tags} and legacy CUR's {@code resourceTags/user:team}).
	 */
	private static Map<String, String> tags(CSVRecord row, Map<Column, Integer> columns,
			Map<String, Integer> legacyTags) {
		Map<String, String> resource = new TreeMap<>();
		Map<String, String> principal = new TreeMap<>();
		legacyTags.forEach((key, index) -> {
			String value = row.get(index).trim();
			if (!value.isEmpty()) {
				resource.put(plainKey(key), value);
			}
		});
		for (Column column : List.of(Column.RESOURCE_TAGS, Column.TAGS)) {
			JsonNode map = productMap(cell(row, columns, column));
			if (map == null) {
				continue;
			}
			for (var entry : map.properties()) {
				if (!entry.getValue().isString() || entry.getValue().asString().isBlank()) {
					continue;
				}
				String key = entry.getKey();
				String value = entry.getValue().asString().trim();
				if (key.startsWith("iamPrincipal/")) {
					principal.put(key.substring("iamPrincipal/".length()), value);
				}
				else {
					resource.putIfAbsent(plainKey(key), value);
				}
			}
		}
		resource.putAll(principal);
		return resource;
	}

	private static String plainKey(String key) {
		for (String prefix : List.of("user:", "user_", "aws:")) {
			if (key.startsWith(prefix)) {
				return key.substring(prefix.length());
			}
		}
		return key;
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
