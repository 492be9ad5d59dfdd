package com.bedrockcostanalyzer.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.LongConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * How the exports users hand us are opened (usage CSVs, the CUR): gzip or not by magic
 * bytes, strict UTF-8 (bad bytes are an error, not replacement characters), a leading BOM
 * dropped, the first line the header.
 */
public final class CsvFiles {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreSurroundingSpaces(true)
		.setAllowMissingColumnNames(true)
		.setIgnoreEmptyLines(true)
		.get();

	private CsvFiles() {
	}

	public static CSVParser open(InputStream raw) throws IOException {
		Reader reader = withoutBom(new CellLengthLimit(new InputStreamReader(Decompression.maybeGunzip(raw),
				StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT))));
		return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
	}

	/** What to do with each row, told its line number. */
	public interface RowHandler {

		void row(CSVRecord row, long line);

	}

	/** Why a row with a cell cut at the limit is not read. */
	public static final String CELL_TOO_LONG = "a cell of " + CellLengthLimit.MAX_CELL_CHARS
			+ " characters or more: not a value of an export";

	/**
	 * Hands over each row with its line number. When the rest of the file cannot be read
	 * (bad quoting, bytes that are not UTF-8) it tells {@code broken} the line it stopped
	 * at and returns: rows before it stand. A row with a cell as long as the limit (cut
	 * there as it was read) goes to {@code tooLong} instead of {@code handler}.
	 */
	public static void eachRow(CSVParser csv, RowHandler handler, LongConsumer tooLong, LongConsumer broken) {
		Iterator<CSVRecord> rows = csv.iterator();
		while (true) {
			CSVRecord row;
			try {
				if (!rows.hasNext()) {
					return;
				}
				row = rows.next();
			}
			catch (UncheckedIOException | IllegalStateException ex) {
				broken.accept(csv.getCurrentLineNumber() + 1);
				return;
			}
			if (hasCutCell(row)) {
				tooLong.accept(csv.getCurrentLineNumber());
				continue;
			}
			handler.row(row, csv.getCurrentLineNumber());
		}
	}

	private static boolean hasCutCell(CSVRecord row) {
		for (String value : row) {
			if (value.length() >= CellLengthLimit.MAX_CELL_CHARS) {
				return true;
			}
		}
		return false;
	}

	private static Reader withoutBom(Reader reader) throws IOException {
		PushbackReader pushback = new PushbackReader(reader, 1);
		int first = pushback.read();
		if (first >= 0 && first != '\uFEFF') {
			pushback.unread(first);
		}
		return pushback;
	}

}
