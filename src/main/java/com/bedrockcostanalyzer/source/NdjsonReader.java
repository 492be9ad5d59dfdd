package com.bedrockcostanalyzer.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Counts one NDJSON unit (invocation logs, CloudWatch messages, batch outputs) into a sink, line by line. A bad line is rejected with its line number and the
 * lines around it still count; a gzip stream that breaks off is rejected at its byte offset after every complete line
 * before it has counted.
 */
public final class NdjsonReader {

	private final LineParser parser;

	private final int maxLineBytes;

	public NdjsonReader(LineParser parser, int maxLineBytes) {
		this.parser = parser;
		this.maxLineBytes = maxLineBytes;
	}

	public void read(InputStream raw, RecordSink sink) throws IOException {
		LineReader lines;
		try {
			lines = new LineReader(Decompression.maybeGunzip(raw), this.maxLineBytes);
		}
		catch (EOFException | ZipException ex) {
			sink.reject("byte 0", "corrupt or truncated gzip header", null);
			return;
		}
		try {
			while (lines.next()) {
				String location = "line " + lines.lineNumber();
				if (lines.lineTooLong()) {
					sink.reject(location, "line longer than " + this.maxLineBytes + " bytes", null);
					continue;
				}
				if (lines.isBlank()) {
					continue;
				}
				ParsedLine parsed = this.parser.parse(lines.buffer(), lines.lineStart(), lines.lineLength());
				if (parsed.record() != null) {
					sink.accept(parsed.record());
				}
				else if (parsed.foreign()) {
					sink.skip();
				}
				else {
					sink.reject(location, parsed.rejectReason(), parsed.day());
				}
			}
		}
		catch (EOFException | ZipException ex) {
			// The incomplete last line (if any) is part of what is lost; say where the stream broke.
			// Our own stream's messages carry the compressed offset and nothing of the content.
			sink.reject("line " + (lines.lineNumber() + 1) + " (" + ex.getMessage() + ")",
					"gzip stream is truncated or corrupt; the rest of the file cannot be read", null);
		}
	}

}
