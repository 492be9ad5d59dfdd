package com.bedrockcostanalyzer.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Counts one NDJSON unit (invocation logs, CloudWatch messages, batch outputs) into a
 * sink, line by line. A bad line is rejected with its line number and the lines around it
 * still count. In gzip, records count once their member's checksum has matched, and a
 * corrupt member is rejected at its byte offset and adds nothing; a stream that is cut
 * short counts every whole line before the break and rejects the line it breaks off in.
 */
public final class NdjsonReader {

	private final LineParser parser;

	private final int maxLineBytes;

	public NdjsonReader(LineParser parser, int maxLineBytes) {
		this.parser = parser;
		this.maxLineBytes = maxLineBytes;
	}

	/**
	 * The stream broke right after a verified member whose last lines were read but not
	 * yet committed.
	 */
	private static void commitVerified(RecordSink sink, long verifiedUpTo, long lastLineEnd) {
		if (verifiedUpTo >= 0 && lastLineEnd <= verifiedUpTo) {
			sink.commit();
		}
	}

	/**
	 * The length of a CloudWatch Logs export's line prefix — an RFC 3339 time in UTC and
	 * one space, then the record's {@code {}} — at the start of the line, or 0. A record
	 * itself never starts with a digit.
	 */
	static int exportPrefixLength(byte[] buffer, int offset, int length) {
		if (length < 22 || buffer[offset] < '0' || buffer[offset] > '9') {
			return 0;
		}
		int end = Math.min(length, 40);
		for (int i = 0; i < end; i++) {
			byte b = buffer[offset + i];
			if (b == ' ') {
				return i >= 20 && buffer[offset + i - 1] == 'Z' && i + 1 < length && buffer[offset + i + 1] == '{'
						? i + 1 : 0;
			}
			if (!(b >= '0' && b <= '9') && b != '-' && b != ':' && b != 'T' && b != 'Z' && b != '.') {
				return 0;
			}
		}
		return 0;
	}

	public void read(InputStream raw, RecordSink sink) throws IOException {
		read(raw, sink, true);
	}

	/**
	 * As {@link #read(InputStream, RecordSink)}, gzip inflated by libdeflate where it can
	 * be or, when {@code nativeInflate} is false, by the JDK only.
	 */
	void read(InputStream raw, RecordSink sink, boolean nativeInflate) throws IOException {
		LineReader lines;
		InputStream in;
		try {
			in = Decompression.maybeGunzip(raw, nativeInflate);
			lines = new LineReader(in, this.maxLineBytes);
		}
		catch (EOFException | ZipException ex) {
			sink.reject("byte 0", "corrupt or truncated gzip header", null);
			sink.commit();
			return;
		}
		// A gzip member's records count once its checksum has matched: commit when the
		// lines reach its end.
		long[] verifiedUpTo = { -1 };
		long lastLineEnd = 0;
		long wholeLinesEnd = 0;
		if (in instanceof GzipMembers gzip) {
			gzip.onMemberVerified(() -> verifiedUpTo[0] = lines.readOffset());
		}
		try {
			while (lines.next()) {
				wholeLinesEnd = lines.lineEndOffset();
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
				// A CloudWatch Logs export puts the event's time before each record: the
				// record is what follows.
				int prefix = exportPrefixLength(lines.buffer(), lines.lineStart(), lines.lineLength());
				ParsedLine parsed = this.parser.parse(lines.buffer(), lines.lineStart() + prefix,
						lines.lineLength() - prefix);
				parsed.sendTo(sink, location);
				lastLineEnd = lines.lineEndOffset();
				if (verifiedUpTo[0] >= 0 && lines.lineEndOffset() == verifiedUpTo[0]) {
					sink.commit();
					verifiedUpTo[0] = -1;
				}
			}
			sink.commit();
		}
		catch (EOFException ex) {
			// Cut short inside a member (an upload or copy that stopped): its checksum
			// cannot be checked, but what
			// inflated before the break is the start of the data as written — damage
			// inflates to an error or fails
			// the checksum, which is the branch below — so its whole lines count and the
			// one cut in two does not.
			// Our own stream's messages carry the compressed offset and nothing of the
			// content.
			sink.reject("line " + (lines.lineNumber() + 1) + ", uncompressed byte " + wholeLinesEnd + " ("
					+ ex.getMessage() + ")", "gzip stream is truncated; the line it breaks off in is not counted",
					null);
			sink.commit();
		}
		catch (ZipException ex) {
			// Corrupt: the records of the member that failed its checksum may be altered,
			// so none of them count.
			commitVerified(sink, verifiedUpTo[0], lastLineEnd);
			sink.discard();
			sink.reject("line " + (lines.lineNumber() + 1) + " (" + ex.getMessage() + ")",
					"gzip data is corrupt; the records of the damaged part are not counted", null);
			sink.commit();
		}
	}

}
