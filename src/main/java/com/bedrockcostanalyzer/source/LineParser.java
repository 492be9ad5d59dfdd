package com.bedrockcostanalyzer.source;

/** Reads one line of an NDJSON input into a record, a skip or a reject. */
public interface LineParser {

	ParsedLine parse(byte[] buffer, int offset, int length);

}
