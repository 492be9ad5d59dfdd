package com.bedrockcostanalyzer.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Opens gzip by its magic bytes, not its file name: logs are gzip whatever they are
 * called.
 */
public final class Decompression {

	private static final int BUFFER = 64 * 1024;

	private Decompression() {
	}

	/** Which inflater reads gzip in this process ({@link NativeGunzip}). */
	public static String inflater() {
		return NativeGunzip.loaded() ? "libdeflate" : "JDK zlib";
	}

	public static InputStream maybeGunzip(InputStream raw) throws IOException {
		return maybeGunzip(raw, true);
	}

	/**
	 * As {@link #maybeGunzip(InputStream)}, with libdeflate ({@link NativeGunzip}) or,
	 * when {@code nativeInflate} is false, the JDK's zlib only.
	 */
	static InputStream maybeGunzip(InputStream raw, boolean nativeInflate) throws IOException {
		// A stream buffered already (one whose first bytes were looked at) is not
		// buffered again: a copy less per byte.
		BufferedInputStream in = raw instanceof BufferedInputStream buffered ? buffered
				: new BufferedInputStream(raw, BUFFER);
		in.mark(2);
		int b1 = in.read();
		int b2 = in.read();
		in.reset();
		if (b1 == 0x1f && b2 == 0x8b) {
			return nativeInflate ? NativeGunzip.open(in) : new StrictGzipInputStream(in);
		}
		return in;
	}

}
