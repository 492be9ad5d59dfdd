package com.bedrockcostanalyzer.source;

import java.time.LocalDate;

import com.bedrockcostanalyzer.usage.UsageRecord;

/** Where a reader hands what it finds in one input unit. */
public interface RecordSink {

	void accept(UsageRecord record);

	/**
	 * Accepts a record read at {@code location}; one whose counts would carry a sum past
	 * 64 bits (a sink checks its sums and leaves them as they were) is rejected there
	 * instead, so no figure ever wraps.
	 */
	default void accept(UsageRecord record, String location) {
		try {
			accept(record);
		}
		catch (ArithmeticException ex) {
			reject(location, "token counts too large to add up (a sum would pass 64 bits)", record.day());
		}
	}

	/**
	 * A line or row that cannot be counted.
	 * @param location where it is inside the unit, e.g. {@code line 12} or
	 * {@code byte 4096}
	 * @param reason why, in our own words: never text copied from the input
	 * @param day the record's day when it could be read, so rejects outside the window
	 * are not reported
	 */
	void reject(String location, String reason, LocalDate day);

	/**
	 * A record of another kind (a foreign {@code schemaType}): neither counted nor an
	 * error.
	 */
	void skip();

	/**
	 * Something the report should say about the unit as a whole, such as which CSV
	 * columns were understood.
	 */
	void note(String note);

	/**
	 * What was accepted since the last commit is sound (a gzip member's checksum matched,
	 * or the stream ended).
	 */
	default void commit() {
	}

	/**
	 * What was accepted since the last commit came from corrupt data and must not count.
	 */
	default void discard() {
	}

}
