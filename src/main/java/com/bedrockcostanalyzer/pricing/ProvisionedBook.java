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
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Provisioned Throughput prices: per model unit and hour, by commitment, with the
 * capacity of one unit where the user knows it (AWS does not publish it for most models;
 * the account team does). Kept apart from the per-token book.
 */
public final class ProvisionedBook {

	public static final String DEFAULT_BOOK = "prices/provisioned-throughput.csv";

	static final List<String> HEADER = List.of("model_id", "region", "commitment", "hourly_per_unit",
			"input_tpm_per_unit", "output_tpm_per_unit", "effective_from", "source");

	/** One row; capacity null where unknown. */
	public record Row(String modelId, String region, String commitment, BigDecimal hourlyPerUnit,
			@Nullable Long inputTpmPerUnit, @Nullable Long outputTpmPerUnit, LocalDate effectiveFrom, String source) {

		public boolean capacityKnown() {
			return this.inputTpmPerUnit != null && this.outputTpmPerUnit != null;
		}

	}

	private final List<Row> rows;

	public ProvisionedBook(List<Row> rows) {
		this.rows = List.copyOf(rows);
	}

	public List<Row> rows(String modelId, String region) {
		return this.rows.stream().filter((r) -> r.modelId().equals(modelId) && r.region().equals(region)).toList();
	}

	/** The provisioned file beside a {@code --prices} folder, else the shipped one. */
	public static ProvisionedBook load(@Nullable String pricesSpec) {
		try {
			if (pricesSpec != null && !pricesSpec.isBlank() && Files.isDirectory(Path.of(pricesSpec))) {
				try (Stream<Path> files = Files.list(Path.of(pricesSpec))) {
					List<Path> provisioned = files
						.filter((p) -> p.getFileName().toString().startsWith("provisioned")
								&& p.getFileName().toString().endsWith(".csv"))
						.sorted()
						.toList();
					if (!provisioned.isEmpty()) {
						List<Row> rows = new ArrayList<>();
						for (Path file : provisioned) {
							try (InputStream in = Files.newInputStream(file)) {
								rows.addAll(read(in, file.toString()));
							}
						}
						return new ProvisionedBook(rows);
					}
				}
			}
			try (InputStream in = ProvisionedBook.class.getClassLoader().getResourceAsStream(DEFAULT_BOOK)) {
				return new ProvisionedBook(in == null ? List.of() : read(in, DEFAULT_BOOK));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Row> read(InputStream in, String name) throws IOException {
		List<Row> rows = new ArrayList<>();
		try (CSVParser csv = PriceCsv.open(in, name, HEADER)) {
			for (CSVRecord r : csv) {
				try {
					rows.add(new Row(r.get("model_id"), r.get("region"), r.get("commitment"),
							new BigDecimal(r.get("hourly_per_unit")), number(r.get("input_tpm_per_unit")),
							number(r.get("output_tpm_per_unit")), LocalDate.parse(r.get("effective_from")),
							r.get("source")));
				}
				catch (RuntimeException ex) {
					throw new PriceBookException(name + " line " + csv.getCurrentLineNumber()
							+ ": hourly_per_unit must be a number, the capacities whole numbers or empty, "
							+ "effective_from a date");
				}
			}
		}
		return rows;
	}

	private static @Nullable Long number(String text) {
		return text.isEmpty() ? null : Long.valueOf(text);
	}

}
