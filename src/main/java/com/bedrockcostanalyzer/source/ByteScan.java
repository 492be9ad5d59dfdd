package com.bedrockcostanalyzer.source;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finding a byte in a log line, eight bytes at a time. Log lines are kilobytes of prompt
 * text and these scans run over every byte of them: a word is tested for the wanted byte
 * with the classic "has a zero byte" trick (the lowest flagged byte is the first match;
 * bytes above it may be flagged falsely and are never looked at).
 */
final class ByteScan {

	private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGH_BITS = 0x8080808080808080L;

	private ByteScan() {
	}

	/** The first {@code target} in {@code bytes[from, to)}, or -1. */
	static int indexOf(byte[] bytes, int from, int to, byte target) {
		long pattern = ONES * (target & 0xFF);
		int i = from;
		for (; i + Long.BYTES <= to; i += Long.BYTES) {
			long found = zeroBytes((long) WORDS.get(bytes, i) ^ pattern);
			if (found != 0) {
				return i + (Long.numberOfTrailingZeros(found) >>> 3);
			}
		}
		for (; i < to; i++) {
			if (bytes[i] == target) {
				return i;
			}
		}
		return -1;
	}

	/** Flags (high bit) the zero bytes of a word; exact up to the lowest one. */
	private static long zeroBytes(long word) {
		return (word - ONES) & ~word & HIGH_BITS;
	}

}
