package com.bedrockcostanalyzer.source;

import java.time.LocalDate;

import com.bedrockcostanalyzer.usage.UsageRecord;

/**
 * The outcome of parsing one log line: a record, a record of another schema, or a reject
 * with our reason.
 */
public record ParsedLine(UsageRecord record, boolean foreign, String rejectReason, LocalDate day) {

	static ParsedLine of(UsageRecord record) {
		return new ParsedLine(record, false, null, record.day());
	}

	static ParsedLine foreignSchema() {
		return new ParsedLine(null, true, null, null);
	}

	static ParsedLine rejected(String reason, LocalDate day) {
		return new ParsedLine(null, false, reason, day);
	}

	/**
	 * Hands the outcome to the sink: the record counted, the foreign record skipped, the
	 * reject located.
	 */
	void sendTo(RecordSink sink, String location) {
		if (this.record != null) {
			sink.accept(this.record, location);
		}
		else if (this.foreign) {
			sink.skip();
		}
		else {
			sink.reject(location, this.rejectReason, this.day);
		}
	}

}
