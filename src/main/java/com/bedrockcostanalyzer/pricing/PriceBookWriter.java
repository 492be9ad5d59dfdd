package com.bedrockcostanalyzer.pricing;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes price rows in the price-book format {@link PriceBookLoader} reads. */
public final class PriceBookWriter {

	public void write(List<PriceRow> rows, Path file, String comment) throws IOException {
		if (file.getParent() != null) {
			Files.createDirectories(file.getParent());
		}
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(out,
						CSVFormat.DEFAULT.builder()
							.setHeader(PriceBookLoader.HEADER.toArray(String[]::new))
							.setHeaderComments(comment)
							.setCommentMarker('#')
							.setRecordSeparator("\n")
							.get())) {
			for (PriceRow row : rows) {
				csv.printRecord(row.modelId(), row.region(), row.scope().label(), row.tier().label(),
						row.context().label(), plain(row.input()), plain(row.output()), plain(row.cacheRead()),
						plain(row.cacheWrite5m()), plain(row.cacheWrite1h()), row.effectiveFrom(), row.source());
			}
		}
	}

	private static String plain(@Nullable BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

}
