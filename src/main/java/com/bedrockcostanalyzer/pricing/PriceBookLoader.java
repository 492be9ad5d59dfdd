package com.bedrockcostanalyzer.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.bedrockcostanalyzer.usage.Context;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;

/**
 * Loads price books in the price CSV format (docs/pricing.md) from a file, from every CSV
 * in a folder, or from the book shipped in the jar. Anything doubtful is an error naming
 * the file and line: a wrong price is worse than no price.
 */
public final class PriceBookLoader {

	/** The book shipped in the jar; also under {@code prices/} in a checkout. */
	public static final String DEFAULT_BOOK = "prices/bedrock-list-prices.csv";

	/**
	 * Where {@code prices update} writes by default, beside the default job database:
	 * when it exists it is the book used when the user names none, instead of the shipped
	 * one.
	 */
	public static final Path UPDATED_BOOK = Path.of("data", "prices", "bedrock-list-prices.csv");

	static final List<String> HEADER = List.of("model_id", "region", "scope", "tier", "context", "input", "output",
			"cache_read", "cache_write_5m", "cache_write_1h", "effective_from", "source");

	/**
	 * The header of books written before long context was priced: every row is standard
	 * context.
	 */
	static final List<String> HEADER_WITHOUT_CONTEXT = List.of("model_id", "region", "scope", "tier", "input", "output",
			"cache_read", "cache_write_5m", "cache_write_1h", "effective_from", "source");

	/**
	 * The book a {@code --prices} value names: empty or null for the shipped default, a
	 * file or folder, or the name of a book shipped in the jar
	 * ({@code representative-2026}).
	 */
	public PriceBook load(String spec) {
		if (spec == null || spec.isBlank()) {
			return loadDefault();
		}
		Path path = Path.of(spec);
		if (!Files.exists(path) && path.getFileName() != null) {
			String name = path.getFileName().toString();
			String resource = "prices/" + (name.endsWith(".csv") ? name : name + ".csv");
			if (PriceBookLoader.class.getClassLoader().getResource(resource) != null) {
				return loadShipped(resource, "shipped " + resource);
			}
		}
		return load(path);
	}

	/**
	 * The book {@code prices update} last wrote to its default place, or else the shipped
	 * one.
	 */
	public PriceBook loadDefault() {
		if (Files.isRegularFile(UPDATED_BOOK)) {
			return load(UPDATED_BOOK);
		}
		return loadShipped();
	}

	public PriceBook loadShipped() {
		return loadShipped(DEFAULT_BOOK, "default (" + DEFAULT_BOOK + ")");
	}

	private PriceBook loadShipped(String resource, String name) {
		try (InputStream in = PriceBookLoader.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new PriceBookException("the price book " + resource + " is missing from the jar");
			}
			List<PriceRow> rows = new ArrayList<>();
			PriceBookFile file = read(in, resource, rows);
			return build(name, List.of(file), rows, ModelFacts.load(null));
		}
		catch (IOException ex) {
			throw new PriceBookException("the price book " + resource + " cannot be read: " + ex.getMessage());
		}
	}

	public PriceBook load(Path path) {
		List<Path> files;
		try {
			if (Files.isDirectory(path)) {
				try (Stream<Path> list = Files.list(path)) {
					// Capacity prices are read by ProvisionedBook and ReservedBook.
					files = list
						.filter((p) -> p.getFileName().toString().endsWith(".csv")
								&& !p.getFileName().toString().startsWith("provisioned")
								&& !p.getFileName().toString().equals(ReservedBook.FILE)
								&& !p.getFileName().toString().equals(ModelFacts.FILE))
						.sorted()
						.toList();
				}
				if (files.isEmpty()) {
					throw new PriceBookException("no .csv price book in " + path);
				}
			}
			else if (Files.isRegularFile(path)) {
				files = List.of(path);
			}
			else {
				throw new PriceBookException("no such price book: " + path);
			}
			List<PriceRow> rows = new ArrayList<>();
			List<PriceBookFile> read = new ArrayList<>();
			for (Path file : files) {
				try (InputStream in = Files.newInputStream(file)) {
					read.add(read(in, file.toString(), rows));
				}
			}
			return build(path.toString(), read, rows, ModelFacts.load(path.toString()));
		}
		catch (IOException ex) {
			throw new PriceBookException("the price book " + path + " cannot be read: " + ex.getMessage());
		}
	}

	private static PriceBook build(String name, List<PriceBookFile> files, List<PriceRow> rows, ModelFacts facts) {
		Set<String> seen = new HashSet<>();
		for (PriceRow row : rows) {
			String identity = PriceKey.of(row) + "@" + row.effectiveFrom();
			if (!seen.add(identity)) {
				throw new PriceBookException(row.file() + " line " + row.line() + ": a second price for "
						+ row.modelId() + " " + row.region() + " " + row.scope().label() + " " + row.tier().label()
						+ " effective " + row.effectiveFrom());
			}
		}
		return new PriceBook(name, files, rows, facts);
	}

	private static PriceBookFile read(InputStream raw, String name, List<PriceRow> into) throws IOException {
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		DigestInputStream digest = new DigestInputStream(raw, sha256);
		int count = 0;
		try (CSVParser csv = PriceCsv.open(digest, name, null)) {
			List<String> header = csv.getHeaderNames();
			if (!header.equals(HEADER) && !header.equals(HEADER_WITHOUT_CONTEXT)) {
				throw new PriceBookException(name + ": the header must be " + String.join(",", HEADER)
						+ " (or the same without context, for a book of standard-context prices only)");
			}
			for (CSVRecord record : csv) {
				into.add(row(record, name, csv.getCurrentLineNumber(), header.size()));
				count++;
			}
		}
		catch (IllegalStateException | java.io.UncheckedIOException ex) {
			throw new PriceBookException(name + ": not a valid CSV file");
		}
		return new PriceBookFile(name, HexFormat.of().formatHex(sha256.digest()), count);
	}

	private static PriceRow row(CSVRecord record, String file, long line, int fields) {
		String where = file + " line " + line + ": ";
		if (record.size() != fields) {
			throw new PriceBookException(where + "expected " + fields + " fields, found " + record.size());
		}
		String model = record.get("model_id");
		String region = record.get("region");
		if (model.isEmpty() || region.isEmpty()) {
			throw new PriceBookException(where + "model_id and region are required");
		}
		Scope scope;
		Tier tier;
		try {
			scope = Scope.fromLabel(record.get("scope"));
		}
		catch (IllegalArgumentException ex) {
			throw new PriceBookException(where + "scope must be regional, geo or global");
		}
		try {
			tier = Tier.fromLabel(record.get("tier"));
		}
		catch (IllegalArgumentException ex) {
			throw new PriceBookException(where + "tier must be standard, batch, flex, priority or latency-optimized");
		}
		Context context = Context.STANDARD;
		if (record.isMapped("context")) {
			try {
				context = Context.fromLabel(record.get("context"));
			}
			catch (IllegalArgumentException ex) {
				throw new PriceBookException(where + "context must be standard or long");
			}
		}
		if (tier == Tier.RESERVED) {
			throw new PriceBookException(where + "reserved capacity is priced per unit in its own file, not per token");
		}
		LocalDate effectiveFrom;
		try {
			effectiveFrom = LocalDate.parse(record.get("effective_from"));
		}
		catch (DateTimeParseException ex) {
			throw new PriceBookException(where + "effective_from must be a date (YYYY-MM-DD)");
		}
		BigDecimal input = rate(record, "input", where);
		BigDecimal output = rate(record, "output", where);
		if (input == null) {
			throw new PriceBookException(where + "input price is required");
		}
		return new PriceRow(model, region, scope, tier, context, input, output, rate(record, "cache_read", where),
				rate(record, "cache_write_5m", where), rate(record, "cache_write_1h", where), effectiveFrom,
				record.get("source"), file, line);
	}

	private static @Nullable BigDecimal rate(CSVRecord record, String column, String where) {
		String text = record.get(column);
		if (text.isEmpty()) {
			return null;
		}
		try {
			BigDecimal rate = new BigDecimal(text);
			if (rate.signum() < 0) {
				throw new PriceBookException(where + column + " must not be negative");
			}
			return rate;
		}
		catch (NumberFormatException ex) {
			throw new PriceBookException(where + column + " is not a number");
		}
	}

}
