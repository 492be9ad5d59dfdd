package com.bedrockcostanalyzer.source;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts every CSV cell at {@link #MAX_CELL_CHARS} characters before the parser sees it, so
 * one huge cell (a 300 MB value, a quote never closed) costs a bounded amount of memory;
 * the row holding it is then rejected by its length (see {@link CsvFiles#eachRow}). It
 * follows RFC 4180 quoting: commas and line breaks inside quotes are the cell's, a
 * doubled quote is a quote.
 */
final class CellLengthLimit extends Reader {

	/**
	 * Far above any cell of a usage export or a CUR (tags, descriptions), far below what
	 * could fill a heap.
	 */
	static final int MAX_CELL_CHARS = 1 << 20;

	private final Reader in;

	private final int max;

	private boolean quoted;

	/**
	 * A quote seen inside a quoted cell past the limit: closing, or the first of a
	 * doubled pair.
	 */
	private boolean pendingQuote;

	private int cellLength;

	private int lookahead = -2;

	private final char[] chars = new char[8192];

	private int position;

	private int filled;

	CellLengthLimit(Reader in) {
		this(in, MAX_CELL_CHARS);
	}

	CellLengthLimit(Reader in, int max) {
		this.in = in;
		this.max = max;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		int n = 0;
		while (n < length) {
			int c = next();
			if (c < 0) {
				return n == 0 ? -1 : n;
			}
			buffer[offset + n++] = (char) c;
		}
		return n;
	}

	/**
	 * The next character to pass on, skipping those of a cell past its limit; -1 at the
	 * end.
	 */
	private int next() throws IOException {
		while (true) {
			int c = take();
			if (c < 0) {
				if (this.pendingQuote) {
					this.pendingQuote = false;
					return '"';
				}
				return -1;
			}
			if (this.pendingQuote) {
				this.pendingQuote = false;
				if (c == '"') {
					// A doubled quote inside the cut cell: still inside, both dropped.
					continue;
				}
				// It closed the cell: pass the quote now, and this character after it.
				this.quoted = false;
				this.lookahead = c;
				return '"';
			}
			if (this.quoted) {
				if (c == '"') {
					if (this.cellLength >= this.max) {
						this.pendingQuote = true;
						continue;
					}
					this.quoted = false;
					return c;
				}
				if (this.cellLength >= this.max) {
					continue;
				}
				this.cellLength++;
				return c;
			}
			if (c == ',' || c == '\n' || c == '\r') {
				this.cellLength = 0;
				return c;
			}
			if (c == '"') {
				this.quoted = true;
				return c;
			}
			if (this.cellLength >= this.max) {
				continue;
			}
			this.cellLength++;
			return c;
		}
	}

	private int take() throws IOException {
		if (this.lookahead != -2) {
			int c = this.lookahead;
			this.lookahead = -2;
			return c;
		}
		if (this.position == this.filled) {
			this.filled = this.in.read(this.chars, 0, this.chars.length);
			this.position = 0;
			if (this.filled <= 0) {
				this.filled = 0;
				return -1;
			}
		}
		return this.chars[this.position++];
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
