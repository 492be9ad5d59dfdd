package com.bedrockcostanalyzer.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Gzip with every member checked. The JDK's GZIPInputStream quietly ends the stream when
 * what follows a member is a broken or short header (a file cut a few bytes into its next
 * member), which would lose records without a word. Here any byte that is not a complete,
 * checksummed member is an error naming its compressed offset.
 */
final class StrictGzipInputStream extends BulkInputStream implements GzipMembers {

	private static final int FHCRC = 2;

	private static final int FEXTRA = 4;

	private static final int FNAME = 8;

	private static final int FCOMMENT = 16;

	private final InputStream in;

	private final byte[] buffer = new byte[64 * 1024];

	private final Inflater inflater = new Inflater(true);

	private final CRC32 crc = new CRC32();

	private long base;

	private int pos;

	private int limit;

	private boolean inMember;

	private boolean finished;

	private long memberStart;

	private Runnable onMemberVerified = () -> {
	};

	StrictGzipInputStream(InputStream in) throws IOException {
		this.in = in;
		if (!startMember()) {
			throw new EOFException("empty gzip stream");
		}
	}

	@Override
	public void onMemberVerified(Runnable callback) {
		this.onMemberVerified = callback;
	}

	/** The compressed offset reached so far. */
	long compressedOffset() {
		return this.base + this.pos;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		if (len == 0) {
			return 0;
		}
		while (true) {
			if (this.finished) {
				return -1;
			}
			if (!this.inMember && !startMember()) {
				this.finished = true;
				return -1;
			}
			int n;
			try {
				n = this.inflater.inflate(b, off, len);
			}
			catch (DataFormatException ex) {
				throw new ZipException(
						"corrupt deflate data in the gzip member at compressed byte " + this.memberStart);
			}
			if (n > 0) {
				this.crc.update(b, off, n);
				return n;
			}
			if (this.inflater.finished()) {
				this.pos = this.limit - this.inflater.getRemaining();
				finishMember();
			}
			else if (this.inflater.needsInput()) {
				if (!fill()) {
					throw new EOFException("gzip data ends inside the member at compressed byte " + this.memberStart);
				}
				this.inflater.setInput(this.buffer, this.pos, this.limit - this.pos);
				this.pos = this.limit;
			}
			else {
				throw new ZipException("gzip member at compressed byte " + this.memberStart + " needs a dictionary");
			}
		}
	}

	private boolean startMember() throws IOException {
		int first = readByte();
		if (first < 0) {
			return false;
		}
		this.memberStart = compressedOffset() - 1;
		int second = readByte();
		int method = readByte();
		if (first != 0x1f || second != 0x8b || method != 8) {
			throw new ZipException("bytes that are not gzip data at compressed byte " + this.memberStart);
		}
		int flags = requireByte();
		for (int i = 0; i < 6; i++) {
			requireByte();
		}
		if ((flags & FEXTRA) != 0) {
			int length = requireByte() | (requireByte() << 8);
			for (int i = 0; i < length; i++) {
				requireByte();
			}
		}
		if ((flags & FNAME) != 0) {
			while (requireByte() != 0) {
				// skip the file name
			}
		}
		if ((flags & FCOMMENT) != 0) {
			while (requireByte() != 0) {
				// skip the comment
			}
		}
		if ((flags & FHCRC) != 0) {
			requireByte();
			requireByte();
		}
		this.inflater.reset();
		this.crc.reset();
		if (this.pos < this.limit) {
			this.inflater.setInput(this.buffer, this.pos, this.limit - this.pos);
			this.pos = this.limit;
		}
		this.inMember = true;
		return true;
	}

	private void finishMember() throws IOException {
		long storedCrc = readUInt();
		long storedSize = readUInt();
		if (storedCrc != this.crc.getValue() || storedSize != (this.inflater.getBytesWritten() & 0xffffffffL)) {
			throw new ZipException("gzip checksum mismatch in the member at compressed byte " + this.memberStart);
		}
		this.inMember = false;
		this.onMemberVerified.run();
	}

	private long readUInt() throws IOException {
		long value = 0;
		for (int i = 0; i < 4; i++) {
			value |= ((long) requireByte()) << (8 * i);
		}
		return value;
	}

	private int requireByte() throws IOException {
		int b = readByte();
		if (b < 0) {
			throw new EOFException("gzip data ends inside the member at compressed byte " + this.memberStart);
		}
		return b;
	}

	private int readByte() throws IOException {
		if (this.pos == this.limit && !fill()) {
			return -1;
		}
		return this.buffer[this.pos++] & 0xff;
	}

	private boolean fill() throws IOException {
		this.base += this.limit;
		this.pos = 0;
		this.limit = 0;
		int n;
		do {
			n = this.in.read(this.buffer, 0, this.buffer.length);
		}
		while (n == 0);
		if (n < 0) {
			return false;
		}
		this.limit = n;
		return true;
	}

	@Override
	public void close() throws IOException {
		this.inflater.end();
		this.in.close();
	}

}
