package com.bedrockcostanalyzer.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stream read in blocks: its one-byte read goes through the block read, so that a
 * subclass has one read to get right.
 */
public abstract class BulkInputStream extends InputStream {

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return n < 0 ? -1 : one[0] & 0xff;
	}

	@Override
	public abstract int read(byte[] b, int off, int len) throws IOException;

}
