package com.bedrockcostanalyzer.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding them, so the JSON parser reads bytes
 * straight from the buffer. A line longer than the limit is skipped to its end and
 * reported, never held in memory whole.
 */
final class LineReader {

	private final InputStream in;

	private final int maxLineBytes;

	private byte[] buffer = new byte[64 * 1024];

	private int start;

	private int end;

	private int scan;

	private boolean eof;

	private int lineStart;

	private int lineLength;

	private boolean lineTooLong;

	private long lineNumber;

	/** Offset in the whole (decompressed) stream of buffer[0]. */
	private long base;

	private long lineEndOffset;

	private long lineStartOffset;

	LineReader(InputStream in, int maxLineBytes) {
		this.in = in;
		this.maxLineBytes = maxLineBytes;
	}

	/** Advances to the next line; false at the end of the stream. */
	boolean next() throws IOException {
		this.lineTooLong = false;
		boolean discarding = false;
		while (true) {
			int i = ByteScan.indexOf(this.buffer, this.scan, this.end, (byte) '\n');
			if (i >= 0) {
				int length = i - this.start;
				if (length > 0 && this.buffer[i - 1] == '\r') {
					length--;
				}
				this.lineStart = this.start;
				this.lineStartOffset = this.base + this.start;
				this.lineLength = discarding ? 0 : length;
				this.lineTooLong = discarding;
				this.start = i + 1;
				this.scan = this.start;
				this.lineNumber++;
				this.lineEndOffset = this.base + this.start;
				return true;
			}
			this.scan = this.end;
			if (this.eof) {
				if (this.start < this.end || discarding) {
					this.lineStart = this.start;
					this.lineStartOffset = this.base + this.start;
					this.lineLength = discarding ? 0 : this.end - this.start;
					this.lineTooLong = discarding;
					this.start = this.end;
					this.lineNumber++;
					this.lineEndOffset = this.base + this.start;
					return true;
				}
				return false;
			}
			if (this.end - this.start >= this.maxLineBytes) {
				// Keep nothing of an over-long line: drop what we have and look for its
				// end.
				discarding = true;
				this.start = this.end;
				this.scan = this.end;
			}
			fill();
		}
	}

	private void fill() throws IOException {
		if (this.start > 0) {
			int remaining = this.end - this.start;
			this.base += this.start;
			System.arraycopy(this.buffer, this.start, this.buffer, 0, remaining);
			this.scan -= this.start;
			this.end = remaining;
			this.start = 0;
		}
		if (this.end == this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer,
					Math.min(this.buffer.length * 2, Math.max(this.maxLineBytes + 1, this.buffer.length)));
		}
		int read = this.in.read(this.buffer, this.end, this.buffer.length - this.end);
		if (read < 0) {
			this.eof = true;
		}
		else {
			this.end += read;
		}
	}

	/** Offset in the decompressed stream where the current line starts. */
	long lineStartOffset() {
		return this.lineStartOffset;
	}

	/** Offset in the decompressed stream just past the current line. */
	long lineEndOffset() {
		return this.lineEndOffset;
	}

	/** Offset in the decompressed stream of everything read so far. */
	long readOffset() {
		return this.base + this.end;
	}

	byte[] buffer() {
		return this.buffer;
	}

	int lineStart() {
		return this.lineStart;
	}

	int lineLength() {
		return this.lineLength;
	}

	boolean lineTooLong() {
		return this.lineTooLong;
	}

	long lineNumber() {
		return this.lineNumber;
	}

	boolean isBlank() {
		for (int i = this.lineStart; i < this.lineStart + this.lineLength; i++) {
			byte b = this.buffer[i];
			if (b != ' ' && b != '\t' && b != '\r') {
				return false;
			}
		}
		return true;
	}

}
