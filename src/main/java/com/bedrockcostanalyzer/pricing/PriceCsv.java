package com.bedrockcostanalyzer.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * How every price file is read: UTF-8 CSV, a header that must be exactly the expected
 * one, {@code #} comments.
 */
final class PriceCsv {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setCommentMarker('#')
		.setIgnoreSurroundingSpaces(true)
		.setIgnoreEmptyLines(true)
		.get();

	private PriceCsv() {
	}

	/**
	 * Opens a price file; a header other than {@code header} (when given) is an error
	 * naming the file.
	 */
	static CSVParser open(InputStream in, String name, @Nullable List<String> header) throws IOException {
		CSVParser csv = CSVParser.builder()
			.setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
			.setFormat(FORMAT)
			.get();
		if (header != null && !csv.getHeaderNames().equals(header)) {
			csv.close();
			throw new PriceBookException(name + ": the header must be " + String.join(",", header));
		}
		return csv;
	}

}
