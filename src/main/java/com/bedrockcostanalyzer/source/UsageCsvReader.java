package com.bedrockcostanalyzer.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.bedrockcostanalyzer.usage.ModelIdNormalizer;
import com.bedrockcostanalyzer.usage.NormalizedModel;
import com.bedrockcostanalyzer.usage.PathResolver;
import com.bedrockcostanalyzer.usage.Regions;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;
import com.bedrockcostanalyzer.usage.UsageRecord;

/**
 * Reads a token-usage CSV export: one row per (period, model, path) or per request, with
 * the header names of docs/formats.md lists, or their common aliases. Which columns were
 * understood is noted for the report.
 */
public final class UsageCsvReader {

	enum Column {

		TIMESTAMP("timestamp", "timestamp", "date", "day", "time", "datetime", "period", "periodstart", "usagedate",
				"starttime"),
		MODEL_ID("model_id", "modelid", "model", "modelname"),
		PATH("path", "path", "feature", "application", "applicationname", "app", "apppath", "usecase", "workload"),
		REGION("region", "region", "awsregion"), TIER("tier", "tier", "servicetier"),
		REQUESTS("requests", "requests", "requestcount", "invocations", "invocationcount", "calls"),
		ERRORS("errors", "errors", "errorcount", "failedrequests"),
		INPUT_TOKENS("input_tokens", "inputtokens", "inputtokencount", "prompttokens", "uncachedinputtokens"),
		OUTPUT_TOKENS("output_tokens", "outputtokens", "outputtokencount", "completiontokens"),
		CACHE_READ("cache_read_input_tokens", "cachereadinputtokens", "cachereadinputtokencount", "cachereadtokens"),
		CACHE_WRITE("cache_write_input_tokens", "cachewriteinputtokens", "cachewriteinputtokencount",
				"cachewritetokens", "cachecreationinputtokens"),
		CACHE_WRITE_1H("cache_write_1h_input_tokens", "cachewrite1hinputtokens", "cachewrite1htokens");

		final String canonical;

		final List<String> aliases;

		Column(String canonical, String... aliases) {
			this.canonical = canonical;
			this.aliases = List.of(aliases);
		}

	}

	private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSS]");

	private final ModelIdNormalizer models;

	private final String defaultRegion;

	/**
	 * Reads the records of a CloudWatch Logs Insights export, whose {@code @message}
	 * column holds them.
	 */
	private final LineParser logParser;

	public UsageCsvReader(ModelIdNormalizer models, String defaultRegion) {
		this(models, defaultRegion, null);
	}

	/**
	 * @param logParser how a log record is read, for Insights exports; null to reject
	 * them as usage exports
	 */
	public UsageCsvReader(ModelIdNormalizer models, String defaultRegion, LineParser logParser) {
		this.models = models;
		this.defaultRegion = defaultRegion;
		this.logParser = logParser;
	}

	public void read(InputStream raw, RecordSink sink) throws IOException {
		try {
			readRows(raw, sink);
		}
		finally {
			// A CSV has no checksum: what was read, rows and rejects alike, stands.
			sink.commit();
		}
	}

	private void readRows(InputStream raw, RecordSink sink) throws IOException {
		try (CSVParser csv = CsvFiles.open(raw)) {
			List<String> header = csv.getHeaderNames();
			if (header.stream().anyMatch((h) -> h.startsWith("lineItem/") || h.startsWith("line_item_"))) {
				sink.note("a CUR / Data Exports file, not a usage export: it is not counted as usage");
				return;
			}
			int message = header.indexOf("@message");
			if (message >= 0 && this.logParser != null) {
				// A CloudWatch Logs Insights export of invocation logs: each row's
				// @message is a record.
				eachRow(csv, (row, line) -> readMessage(row, message, "line " + line, sink), sink);
				return;
			}
			Map<Column, Integer> columns = understand(header);
			sink.note(describe(header, columns));
			List<String> missing = new ArrayList<>();
			if (!columns.containsKey(Column.TIMESTAMP)) {
				missing.add("a timestamp or date");
			}
			if (!columns.containsKey(Column.MODEL_ID)) {
				missing.add("a model id");
			}
			if (!columns.containsKey(Column.INPUT_TOKENS) && !columns.containsKey(Column.OUTPUT_TOKENS)) {
				missing.add("a token count");
			}
			if (!missing.isEmpty()) {
				sink.reject("line 1", "CSV header has no column for " + String.join(", ", missing)
						+ " (expected e.g. timestamp,model_id,path,input_tokens,output_tokens)", null);
				return;
			}
			eachRow(csv, (row, line) -> readRow(row, "line " + line, header.size(), columns, sink), sink);
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			sink.reject("line 1", "CSV cannot be read (bad quoting, duplicate header or not UTF-8)", null);
		}
	}

	/**
	 * Each row to the handler; a row too long, or the rest of a file that cannot be read,
	 * rejected at its line.
	 */
	private static void eachRow(CSVParser csv, CsvFiles.RowHandler handler, RecordSink sink) {
		CsvFiles.eachRow(csv, handler, (line) -> sink.reject("line " + line, CsvFiles.CELL_TOO_LONG, null),
				(line) -> sink.reject("line " + line, "CSV cannot be read from here on (bad quoting or not UTF-8)",
						null));
	}

	private void readMessage(CSVRecord row, int column, String location, RecordSink sink) {
		if (row.size() <= column || row.get(column).isBlank()) {
			sink.reject(location, "no @message in the row", null);
			return;
		}
		byte[] record = row.get(column).getBytes(StandardCharsets.UTF_8);
		this.logParser.parse(record, 0, record.length).sendTo(sink, location);
	}

	private void readRow(CSVRecord row, String location, int headerSize, Map<Column, Integer> columns,
			RecordSink sink) {
		if (row.size() != headerSize) {
			sink.reject(location, "row has " + row.size() + " fields, the header has " + headerSize, null);
			return;
		}
		LocalDate day = parseDay(cell(row, columns, Column.TIMESTAMP));
		if (day == null) {
			sink.reject(location, "timestamp is not a date or an ISO-8601 date-time", null);
			return;
		}
		String modelId = cell(row, columns, Column.MODEL_ID);
		if (modelId.isEmpty()) {
			sink.reject(location, "missing model id", day);
			return;
		}
		Tier tier = Tier.STANDARD;
		String tierCell = cell(row, columns, Column.TIER);
		if (!tierCell.isEmpty()) {
			try {
				tier = Tier.fromLabel(tierCell);
			}
			catch (IllegalArgumentException ex) {
				sink.reject(location, "tier is not one of standard, batch, flex, priority, reserved", day);
				return;
			}
		}
		long[] values = new long[Column.values().length];
		for (Column column : List.of(Column.REQUESTS, Column.ERRORS, Column.INPUT_TOKENS, Column.OUTPUT_TOKENS,
				Column.CACHE_READ, Column.CACHE_WRITE, Column.CACHE_WRITE_1H)) {
			String text = cell(row, columns, column);
			long value = parseCount(text);
			if (value < 0) {
				sink.reject(location, column.canonical + " is not a whole number of zero or more", day);
				return;
			}
			long ceiling = (column == Column.REQUESTS || column == Column.ERRORS) ? MAX_REQUESTS_PER_ROW
					: MAX_TOKENS_PER_ROW;
			if (value > ceiling) {
				sink.reject(location, column.canonical + " is implausibly large for one row (over "
						+ String.format(Locale.ROOT, "%,d", ceiling) + ")", day);
				return;
			}
			values[column.ordinal()] = value;
		}
		long requests = columns.containsKey(Column.REQUESTS) ? values[Column.REQUESTS.ordinal()] : 1;
		long cacheWrite = values[Column.CACHE_WRITE.ordinal()];
		long oneHour = values[Column.CACHE_WRITE_1H.ordinal()];
		if (oneHour > cacheWrite) {
			sink.reject(location, "cache_write_1h_input_tokens exceeds cache_write_input_tokens", day);
			return;
		}
		String region = cell(row, columns, Column.REGION);
		if (!region.isEmpty() && !Regions.isRegionCode(region)) {
			sink.reject(location, "region is not an AWS Region code", day);
			return;
		}
		String path = cell(row, columns, Column.PATH);
		NormalizedModel model = this.models.normalize(modelId);
		TokenCounts tokens = new TokenCounts(values[Column.INPUT_TOKENS.ordinal()],
				values[Column.OUTPUT_TOKENS.ordinal()], values[Column.CACHE_READ.ordinal()], cacheWrite - oneHour,
				oneHour);
		sink.accept(new UsageRecord(day, region.isEmpty() ? this.defaultRegion : region, model, tier,
				path.isEmpty() ? PathResolver.UNATTRIBUTED : PathResolver.cap(path), requests,
				values[Column.ERRORS.ordinal()], 0, 0, tokens), location);
	}

	private static String cell(CSVRecord row, Map<Column, Integer> columns, Column column) {
		Integer index = columns.get(column);
		return (index == null || index >= row.size()) ? "" : row.get(index).trim();
	}

	/**
	 * Ceilings of one row, far above any real export (ten trillion tokens is some $30
	 * million of the dearest model) and low enough that no realistic number of rows can
	 * make a 64-bit sum wrap; the sums are checked besides.
	 */
	static final long MAX_TOKENS_PER_ROW = 10_000_000_000_000L;

	static final long MAX_REQUESTS_PER_ROW = 10_000_000_000L;

	static long parseCount(String text) {
		if (text.isEmpty()) {
			return 0;
		}
		for (int i = 0; i < text.length(); i++) {
			if (!Character.isDigit(text.charAt(i)) || text.charAt(i) > '9') {
				return -1;
			}
		}
		if (text.length() > 15) {
			return -1;
		}
		return Long.parseLong(text);
	}

	static LocalDate parseDay(String text) {
		if (text.isEmpty()) {
			return null;
		}
		if (text.length() == 10) {
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		LocalDate day = InvocationLogParser.parseDay(text);
		if (day != null) {
			return day;
		}
		try {
			return LocalDateTime.parse(text, SPACED).atOffset(ZoneOffset.UTC).toLocalDate();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static Map<Column, Integer> understand(List<String> header) {
		Map<Column, Integer> columns = new EnumMap<>(Column.class);
		for (int i = 0; i < header.size(); i++) {
			String normalized = header.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
			for (Column column : Column.values()) {
				if (!columns.containsKey(column) && column.aliases.contains(normalized)) {
					columns.put(column, i);
					break;
				}
			}
		}
		return columns;
	}

	private static String describe(List<String> header, Map<Column, Integer> columns) {
		Map<String, String> understood = new LinkedHashMap<>();
		columns.forEach((column, index) -> understood.put(header.get(index), column.canonical));
		List<String> ignored = new ArrayList<>();
		for (int i = 0; i < header.size(); i++) {
			if (!columns.containsValue(i)) {
				ignored.add(header.get(i));
			}
		}
		StringBuilder note = new StringBuilder("CSV columns understood: ");
		List<String> pairs = new ArrayList<>();
		understood.forEach((name, canonical) -> pairs.add(name.equals(canonical) ? name : name + " as " + canonical));
		note.append(pairs.isEmpty() ? "none" : String.join(", ", pairs));
		if (!ignored.isEmpty()) {
			note.append("; ignored: ").append(String.join(", ", ignored));
		}
		if (!columns.containsKey(Column.REQUESTS)) {
			note.append("; no requests column, so each row counts as one request");
		}
		if (!columns.containsKey(Column.REGION)) {
			note.append("; no region column, so rows are in the run's region");
		}
		return note.toString();
	}

}
