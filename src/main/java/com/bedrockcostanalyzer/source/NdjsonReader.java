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
		InputStream in;
		try {
			in = Decompression.maybeGunzip(raw);
			lines = new LineReader(in, this.maxLineBytes);
		}
		catch (EOFException | ZipException ex) {
			sink.reject("byte 0", "corrupt or truncated gzip header", null);
			sink.commit();
			return;
		}
		// A gzip member's records count once its checksum has matched: commit when the lines reach its end.
		long[] verifiedUpTo = { -1 };
		if (in instanceof StrictGzipInputStream gzip) {
			gzip.onMemberVerified(() -> verifiedUpTo[0] = lines.readOffset());
		}
		try {
			while (lines.next()) {
				if (verifiedUpTo[0] >= 0 && lines.lineStartOffset() >= verifiedUpTo[0]) {
					sink.commit();
					verifiedUpTo[0] = -1;
				}
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
				if (verifiedUpTo[0] >= 0 && lines.lineEndOffset() == verifiedUpTo[0]) {
					sink.commit();
					verifiedUpTo[0] = -1;
				}
			}
			sink.commit();
		}
		catch (EOFException ex) {
			// Cut short: what was read before the cut is sound. The incomplete last line is lost with the rest.
			// Our own stream's messages carry the compressed offset and nothing of the content.
			sink.reject("line " + (lines.lineNumber() + 1) + " (" + ex.getMessage() + ")",
					"gzip stream is truncated; the rest of the file cannot be read", null);
			sink.commit();
		}
		catch (ZipException ex) {
			// Corrupt: the records of the member that failed its checksum may be altered, so none of them count.
			sink.discard();
			sink.reject("line " + (lines.lineNumber() + 1) + " (" + ex.getMessage() + ")",
					"gzip data is corrupt; the records of the damaged part are not counted", null);
			sink.commit();
		}
	}

}
