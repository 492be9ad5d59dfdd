package com.bedrockcostanalyzer.source;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * A log line with the contents of its long strings cut out, for the JSON parser to walk.
 * Prompt and completion text is nearly all of a log's bytes and none of it is read:
 * finding where each string ends eight bytes at a time is several times faster than
 * letting the parser step over it byte by byte. What the parser reports in the copy is
 * mapped back to the line: offsets (for the prefix hash and the body size), and the text
 * of a cut string when a field is read.
 *
 * <p>
 * A streamed answer logged as Anthropic's events is mostly {@code content_block_delta}
 * events, a token or a few each ({@link #answerDeltaEnd}): an event of exactly that shape
 * carries nothing the parsers read, so it is collapsed to {@code {}} in the copy, a run
 * of them to one, sparing Jackson a dozen tokens an event. Its bytes are checked by the
 * exact match itself.
 *
 * <p>
 * Property names are never cut. Outside the collapsed events the copy keeps every
 * structural byte, so a line whose structure is broken (an unterminated string, a missing
 * bracket) is still rejected by the parser. Inside a cut string (or a collapsed event's
 * text) only the escapes are followed; its characters are not checked (gzip's checksum
 * covers damage in transit). One instance per parser thread, reused line to line.
 */
final class ShortenedLine {

	/** Strings with at least this many bytes between their quotes are cut. */
	static final int LONG_STRING = 128;

	/** An answer-delta event up to its index ({@link #answerDeltaEnd}). */
	private static final byte[] DELTA_EVENT = ascii("\"type\":\"content_block_delta\",\"index\":");

	/**
	 * What follows the index: the delta's type, then the one field that holds its text,
	 * up to that text's quote.
	 */
	private static final byte[][] DELTA_BODIES = { ascii(",\"delta\":{\"type\":\"text_delta\",\"text\":\""),
			ascii(",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\""),
			ascii(",\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"") };

	/** Parsers run on several threads; each has its own copy buffer. */
	private static final ThreadLocal<ShortenedLine> PER_THREAD = ThreadLocal.withInitial(ShortenedLine::new);

	private byte[] line;

	private int lineOffset;

	private int lineLength;

	private byte[] copy = new byte[16 * 1024];

	private int copyLength;

	/**
	 * Per cut string: where its opening quote is in the copy, and its quotes' span in the
	 * line.
	 */
	private int[] cutAt = new int[16];

	private int[] cutStart = new int[16];

	private int[] cutEnd = new int[16];

	/** Bytes removed by the cuts up to and including each one. */
	private int[] removedThrough = new int[16];

	private int cuts;

	/**
	 * This thread's instance, holding {@code line[offset, offset + length)} shortened.
	 */
	static ShortenedLine of(byte[] line, int offset, int length) {
		ShortenedLine view = PER_THREAD.get();
		view.shorten(line, offset, length);
		return view;
	}

	/**
	 * A JSON parser over what is to be walked: the copy, or the line itself when nothing
	 * was cut.
	 */
	JsonParser parser() {
		return JsonValues.FACTORY.createParser(ObjectReadContext.empty(), bytes(), offset(), length());
	}

	/**
	 * A scalar as text ({@link JsonValues#text}), read from the line itself when the
	 * string was cut.
	 */
	String text(JsonParser p, JsonToken token) {
		String text = JsonValues.text(p, token);
		// A cut string is empty in the copy: only then is its place looked up (every
		// field read goes through here).
		if (token == JsonToken.VALUE_STRING && this.cuts > 0 && text.isEmpty()) {
			int[] cut = cutString(p.currentTokenLocation().getByteOffset());
			if (cut != null) {
				return decodeString(cut);
			}
		}
		return text;
	}

	/** Takes {@code line[offset, offset + length)} and cuts its long strings. */
	void shorten(byte[] line, int offset, int length) {
		this.line = line;
		this.lineOffset = offset;
		this.lineLength = length;
		this.cuts = 0;
		this.copyLength = 0;
		int end = offset + length;
		int copiedTo = offset;
		int i = offset;
		while (i < end) {
			int open = ByteScan.indexOf(line, i, end, (byte) '"');
			if (open < 0) {
				break;
			}
			int event = isFirstNameOfElement(line, open, offset) ? answerDeltaEnd(line, open, end) : -1;
			if (event > 0) {
				// A run of deltas is cut as one: the copy keeps the first one's opening
				// brace and the last one's
				// closing brace, one empty object in their place (no parser counts a
				// stream's events).
				int next;
				while (event + 2 < end && isFirstNameOfElement(line, event + 2, offset)
						&& (next = answerDeltaEnd(line, event + 2, end)) > 0) {
					event = next;
				}
				append(line, copiedTo, open - copiedTo);
				addCut(this.copyLength - 1, open - 1 - offset, event - offset);
				append(line, event - 1, 1);
				copiedTo = event;
				i = event;
				continue;
			}
			int close = closingQuote(line, open, end);
			if (close < 0) {
				break; // unterminated: left whole for the parser to reject
			}
			if (close - open - 1 >= LONG_STRING && !isPropertyName(line, close + 1, end)) {
				append(line, copiedTo, open + 1 - copiedTo);
				addCut(this.copyLength - 1, open - offset, close + 1 - offset);
				append(line, close, 1);
				copiedTo = close + 1;
			}
			i = close + 1;
		}
		if (this.cuts == 0) {
			this.copyLength = -1; // nothing cut: the parser reads the line itself
			return;
		}
		append(line, copiedTo, end - copiedTo);
	}

	/** The bytes for the parser: the copy, or the line itself when nothing was cut. */
	byte[] bytes() {
		return (this.copyLength < 0) ? this.line : this.copy;
	}

	int offset() {
		return (this.copyLength < 0) ? this.lineOffset : 0;
	}

	int length() {
		return (this.copyLength < 0) ? this.lineLength : this.copyLength;
	}

	byte[] line() {
		return this.line;
	}

	int lineOffset() {
		return this.lineOffset;
	}

	int lineLength() {
		return this.lineLength;
	}

	/**
	 * The offset in the line (from its start) of an offset the parser reported in what it
	 * read.
	 */
	long toLine(long parsed) {
		if (this.copyLength < 0 || parsed < 0) {
			return parsed;
		}
		// The cuts at or before this offset; a cut's opening quote stays, its content and
		// closing quote move.
		int index = Arrays.binarySearch(this.cutAt, 0, this.cuts, (int) Math.min(parsed, Integer.MAX_VALUE));
		int before = (index >= 0) ? index : -index - 2;
		if (index >= 0) {
			before--; // at the opening quote itself: nothing of this cut is behind it
		}
		return parsed + ((before >= 0) ? this.removedThrough[before] : 0);
	}

	/**
	 * The span in the line (from its start, quotes included) of the string whose opening
	 * quote the parser reported at {@code parsed}, if that string was cut; else null.
	 */
	int[] cutString(long parsed) {
		if (this.copyLength < 0) {
			return null;
		}
		int index = Arrays.binarySearch(this.cutAt, 0, this.cuts, (int) Math.min(parsed, Integer.MAX_VALUE));
		return (index >= 0) ? new int[] { this.cutStart[index], this.cutEnd[index] } : null;
	}

	/**
	 * The text of a cut string, decoded (and checked) by the JSON parser from the line.
	 * @param span the string's span from {@link #cutString}
	 */
	String decodeString(int[] span) {
		try (JsonParser p = JsonValues.FACTORY.createParser(ObjectReadContext.empty(), this.line,
				this.lineOffset + span[0], span[1] - span[0])) {
			p.nextToken();
			return p.getString();
		}
	}

	/**
	 * The end in the line (from its start, just past the closing quote) of the string
	 * whose opening quote the parser reported at {@code parsed}; -1 if it is not closed.
	 */
	long endOfString(long parsed) {
		int[] cut = cutString(parsed);
		if (cut != null) {
			return cut[1];
		}
		int close = closingQuote(this.line, this.lineOffset + (int) toLine(parsed), this.lineOffset + this.lineLength);
		return (close < 0) ? -1 : close + 1 - this.lineOffset;
	}

	/**
	 * The closing quote of the string that opens at {@code open}, or -1. Only quotes are
	 * searched for (one pattern, not two): a quote is escaped when an odd number of
	 * backslashes runs up to it.
	 */
	private static int closingQuote(byte[] bytes, int open, int end) {
		int i = open + 1;
		while (i < end) {
			int at = ByteScan.indexOf(bytes, i, end, (byte) '"');
			if (at < 0) {
				return -1;
			}
			int backslashes = 0;
			for (int k = at - 1; k > open && bytes[k] == '\\'; k--) {
				backslashes++;
			}
			if ((backslashes & 1) == 0) {
				return at;
			}
			i = at + 1;
		}
		return -1;
	}

	/**
	 * The end (just past its closing brace) of the event whose first property name opens
	 * at {@code open}, if it is exactly
	 * {@code {"type":"content_block_delta","index":N,"delta":{"type":T,F:"..."}}}, T and
	 * F one of the text, tool-input and thinking deltas, N a JSON integer, no spaces,
	 * nothing more; else -1. Such an event is a piece of the answer and nothing else: the
	 * usage, the stop reason and the tier come in other events, which never match.
	 */
	private static int answerDeltaEnd(byte[] bytes, int open, int end) {
		if (!startsWith(bytes, open, end, DELTA_EVENT)) {
			return -1;
		}
		int digits = open + DELTA_EVENT.length;
		int i = digits;
		while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
			i++;
		}
		if (i == digits || (bytes[digits] == '0' && i > digits + 1)) {
			return -1;
		}
		for (byte[] body : DELTA_BODIES) {
			if (startsWith(bytes, i, end, body)) {
				int close = closingQuote(bytes, i + body.length - 1, end);
				if (close < 0 || close + 2 >= end || bytes[close + 1] != '}' || bytes[close + 2] != '}') {
					return -1;
				}
				return close + 3;
			}
		}
		return -1;
	}

	/**
	 * Whether the quote at {@code open} begins the first property of an object that is an
	 * array's element, as stream events are: {@code [{"} or {@code ,{"} (after a comma an
	 * object member's name would be due, so there it is bad JSON either way, and still
	 * rejected). Never an object that is a property's value, such as the request
	 * metadata.
	 */
	private static boolean isFirstNameOfElement(byte[] bytes, int open, int offset) {
		return open >= offset + 2 && bytes[open - 1] == '{' && (bytes[open - 2] == '[' || bytes[open - 2] == ',');
	}

	private static boolean startsWith(byte[] bytes, int at, int end, byte[] prefix) {
		return end - at >= prefix.length && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Whether the string that closed just before {@code after} is a property name: a
	 * colon comes next.
	 */
	private static boolean isPropertyName(byte[] bytes, int after, int end) {
		for (int i = after; i < end; i++) {
			byte b = bytes[i];
			if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
				return b == ':';
			}
		}
		return false;
	}

	private void append(byte[] from, int offset, int length) {
		if (this.copyLength + length > this.copy.length) {
			this.copy = Arrays.copyOf(this.copy, Math.max(this.copy.length * 2, this.copyLength + length));
		}
		System.arraycopy(from, offset, this.copy, this.copyLength, length);
		this.copyLength += length;
	}

	private void addCut(int at, int start, int end) {
		if (this.cuts == this.cutAt.length) {
			int size = this.cuts * 2;
			this.cutAt = Arrays.copyOf(this.cutAt, size);
			this.cutStart = Arrays.copyOf(this.cutStart, size);
			this.cutEnd = Arrays.copyOf(this.cutEnd, size);
			this.removedThrough = Arrays.copyOf(this.removedThrough, size);
		}
		int removed = end - start - 2;
		this.cutAt[this.cuts] = at;
		this.cutStart[this.cuts] = start;
		this.cutEnd[this.cuts] = end;
		this.removedThrough[this.cuts] = removed + ((this.cuts > 0) ? this.removedThrough[this.cuts - 1] : 0);
		this.cuts++;
	}

}
