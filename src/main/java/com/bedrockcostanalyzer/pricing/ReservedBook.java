package com.bedrockcostanalyzer.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.bedrockcostanalyzer.usage.Scope;

/**
 * Reserved-tier prices: USD per 1K tokens-per-minute per hour, input and output apart, by
 * term.
 */
public final class ReservedBook {

	public static final String FILE = "reserved-tier.csv";

	static final List<String> HEADER = List.of("model_id", "region", "scope", "term", "input_per_1k_tpm_hour",
			"output_per_1k_tpm_hour", "effective_from", "source");

	public record Row(String modelId, String region, Scope scope, String term, BigDecimal inputPer1kTpmHour,
			BigDecimal outputPer1kTpmHour, LocalDate effectiveFrom, String source) {
	}

	private final List<Row> rows;

	public ReservedBook(List<Row> rows) {
		this.rows = List.copyOf(rows);
	}

	public List<Row> rows(String modelId, String region, Scope scope) {
		return this.rows.stream()
			.filter((r) -> r.modelId().equals(modelId) && r.region().equals(region) && r.scope() == scope)
			.toList();
	}

	/** {@value #FILE} in a {@code --prices} folder, else the shipped one. */
	public static ReservedBook load(@Nullable String pricesSpec) {
		try {
			if (pricesSpec != null && !pricesSpec.isBlank() && Files.isRegularFile(Path.of(pricesSpec, FILE))) {
				try (InputStream in = Files.newInputStream(Path.of(pricesSpec, FILE))) {
					return new ReservedBook(read(in, Path.of(pricesSpec, FILE).toString()));
				}
			}
			try (InputStream in = ReservedBook.class.getClassLoader().getResourceAsStream("prices/" + FILE)) {
				return new ReservedBook(in == null ? List.of() : read(in, "prices/" + FILE));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Row> read(InputStream in, String name) throws IOException {
		List<Row> rows = new ArrayList<>();
		try (CSVParser csv = PriceCsv.open(in, name, HEADER)) {
			for (CSVRecord r : csv) {
				try {
					rows.add(new Row(r.get("model_id"), r.get("region"), Scope.fromLabel(r.get("scope")), r.get("term"),
							new BigDecimal(r.get("input_per_1k_tpm_hour")),
							new BigDecimal(r.get("output_per_1k_tpm_hour")), LocalDate.parse(r.get("effective_from")),
							r.get("source")));
				}
				catch (RuntimeException ex) {
					throw new PriceBookException(name + " line " + csv.getCurrentLineNumber()
							+ ": scope must be regional, geo or global, prices numbers, effective_from a date");
				}
			}
		}
		return rows;
	}

}
