package com.bedrockcostanalyzer.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * What a file's first bytes say it holds, read without consuming them: log records one a
 * line (Bedrock's delivery, or a CloudWatch Logs export whose lines start with the
 * event's time), CloudWatch Logs subscription envelopes (as Firehose delivers them), JSON
 * documents (an Insights export's array, pretty-printed records), or something the
 * analyzer does not read — described by its kind, never by its content.
 */
public record LogContent(Kind kind, String description) {

	public enum Kind {

		/** JSON records one a line, possibly after a CloudWatch export's timestamp. */
		RECORDS,

		/** CloudWatch Logs subscription envelopes ({@code {"messageType":…}}). */
		ENVELOPES,

		/**
		 * A JSON array (a CloudWatch Logs Insights export) or records pretty-printed over
		 * many lines.
		 */
		DOCUMENTS,

		/** Anything else. */
		OTHER

	}

	/**
	 * Bytes looked at: enough for a gzip header and the start of the first record or
	 * envelope.
	 */
	private static final int PEEK = 16 * 1024;

	/**
	 * Looks at the stream's start and resets it there; {@code in} must support mark (a
	 * BufferedInputStream).
	 */
	public static LogContent sniff(BufferedInputStream in) throws IOException {
		in.mark(PEEK);
		byte[] head = in.readNBytes(PEEK);
		in.reset();
		boolean gzip = head.length >= 2 && (head[0] & 0xFF) == 0x1f && (head[1] & 0xFF) == 0x8b;
		byte[] text = gzip ? inflatedStart(head) : head;
		int i = 0;
		if (text.length >= 3 && (text[0] & 0xFF) == 0xEF && (text[1] & 0xFF) == 0xBB && (text[2] & 0xFF) == 0xBF) {
			i = 3;
		}
		while (i < text.length && Character.isWhitespace(text[i])) {
			i++;
		}
		String packing = gzip ? "gzip of " : "";
		if (i == text.length) {
			return new LogContent(Kind.OTHER, gzip ? "gzip data that could not be read" : "blank text");
		}
		if (text[i] == '{') {
			if (startsWithKey(text, i + 1, "messageType")) {
				return new LogContent(Kind.ENVELOPES, packing + "envelopes");
			}
			// A record on one line never breaks right after its opening brace; a
			// pretty-printed one does.
			return lineBreakFollows(text, i + 1) ? new LogContent(Kind.DOCUMENTS, packing + "pretty-printed JSON")
					: new LogContent(Kind.RECORDS, packing + "JSON lines");
		}
		if (NdjsonReader.exportPrefixLength(text, i, text.length - i) > 0) {
			return new LogContent(Kind.RECORDS, packing + "CloudWatch Logs export lines");
		}
		if (text[i] == '[') {
			return new LogContent(Kind.DOCUMENTS, packing + "a JSON array");
		}
		return new LogContent(Kind.OTHER, packing + (printable(text, i) ? "text" : "binary data"));
	}

	private static byte[] inflatedStart(byte[] head) {
		byte[] out = new byte[4096];
		int n = 0;
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(head))) {
			int read;
			while (n < out.length && (read = in.read(out, n, out.length - n)) > 0) {
				n += read;
			}
		}
		catch (IOException ex) {
			// The peek ends inside the member, or the data is damaged: what inflated is
			// enough to tell.
		}
		return java.util.Arrays.copyOf(out, n);
	}

	/**
	 * Whether the object opening before {@code from} starts with the key {@code "name"}.
	 */
	private static boolean startsWithKey(byte[] text, int from, String name) {
		int i = from;
		while (i < text.length && Character.isWhitespace(text[i])) {
			i++;
		}
		String quoted = "\"" + name + "\"";
		if (i + quoted.length() > text.length) {
			return false;
		}
		for (int k = 0; k < quoted.length(); k++) {
			if (text[i + k] != quoted.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	private static boolean lineBreakFollows(byte[] text, int from) {
		int i = from;
		while (i < text.length && (text[i] == ' ' || text[i] == '\t')) {
			i++;
		}
		return i < text.length && (text[i] == '\n' || text[i] == '\r');
	}

	private static boolean printable(byte[] text, int from) {
		int end = Math.min(text.length, from + 512);
		for (int i = from; i < end; i++) {
			int b = text[i] & 0xFF;
			if (b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
				return false;
			}
		}
		return true;
	}

}
