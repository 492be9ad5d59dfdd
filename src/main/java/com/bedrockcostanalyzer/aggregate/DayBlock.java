package com.bedrockcostanalyzer.aggregate;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * One UTC day of per-minute counters of one model, path and price dimension, packed into a single value: the
 * per-minute tables hold a row per day and series instead of a row per minute, so that a month of sparse traffic is a
 * few thousand rows rather than one per record. Slots are kept in (minute, fingerprint) order; a slot's counters have
 * the table's fixed width and are added slot by slot.
 *
 * <p>Format (version 1): a version byte, then per slot the minute of day as a varint delta from the previous slot's,
 * the fingerprint as 8 bytes when the table has one, and each counter as a zigzag varint.
 */
final class DayBlock {

	private static final int VERSION = 1;

	/** A slot's place: the minute of the day (0–1439) and, in the prefix table, the prefix fingerprint. */
	record Slot(int minute, long fingerprint) implements Comparable<Slot> {

		@Override
		public int compareTo(Slot other) {
			int byMinute = Integer.compare(this.minute, other.minute);
			return (byMinute != 0) ? byMinute : Long.compare(this.fingerprint, other.fingerprint);
		}

	}

	/** Receives a block's slots in order. */
	@FunctionalInterface
	interface SlotConsumer {

		void accept(int minute, long fingerprint, long[] counters);

	}

	private final int width;

	private final boolean fingerprinted;

	private final TreeMap<Slot, long[]> slots = new TreeMap<>();

	DayBlock(int width, boolean fingerprinted) {
		this.width = width;
		this.fingerprinted = fingerprinted;
	}

	void add(int minute, long fingerprint, long... counters) {
		if (counters.length != this.width) {
			throw new IllegalArgumentException("expected " + this.width + " counters, got " + counters.length);
		}
		if (minute < 0 || minute >= 1440) {
			throw new IllegalArgumentException("minute of day out of range: " + minute);
		}
		long[] sum = this.slots.computeIfAbsent(new Slot(minute, this.fingerprinted ? fingerprint : 0),
				(s) -> new long[this.width]);
		for (int i = 0; i < this.width; i++) {
			sum[i] = Math.addExact(sum[i], counters[i]);
		}
	}

	void addAll(DayBlock other) {
		other.forEach(this::add);
	}

	boolean isEmpty() {
		return this.slots.isEmpty();
	}

	void forEach(SlotConsumer consumer) {
		for (Map.Entry<Slot, long[]> slot : this.slots.entrySet()) {
			consumer.accept(slot.getKey().minute(), slot.getKey().fingerprint(), slot.getValue());
		}
	}

	byte[] encode() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(16 + this.slots.size() * (this.width * 3 + 10));
		out.write(VERSION);
		int previous = 0;
		for (Map.Entry<Slot, long[]> slot : this.slots.entrySet()) {
			int minute = slot.getKey().minute();
			writeVarLong(out, minute - previous);
			previous = minute;
			if (this.fingerprinted) {
				long fingerprint = slot.getKey().fingerprint();
				for (int shift = 56; shift >= 0; shift -= 8) {
					out.write((int) (fingerprint >>> shift));
				}
			}
			for (long counter : slot.getValue()) {
				writeVarLong(out, (counter << 1) ^ (counter >> 63));
			}
		}
		return out.toByteArray();
	}

	/**
	 * Reads an encoded block, handing each slot over in order without building the block.
	 * @throws IllegalStateException if the bytes are not a block of this shape
	 */
	static void decode(byte[] bytes, int width, boolean fingerprinted, SlotConsumer consumer) {
		if (bytes.length == 0 || bytes[0] != VERSION) {
			throw new IllegalStateException("per-minute block of an unknown format (version "
					+ (bytes.length == 0 ? "none" : bytes[0]) + ")");
		}
		int[] at = { 1 };
		int minute = 0;
		long[] counters = new long[width];
		while (at[0] < bytes.length) {
			minute += (int) readVarLong(bytes, at);
			long fingerprint = 0;
			if (fingerprinted) {
				if (at[0] + 8 > bytes.length) {
					throw new IllegalStateException("per-minute block cut short");
				}
				for (int i = 0; i < 8; i++) {
					fingerprint = (fingerprint << 8) | (bytes[at[0]++] & 0xFF);
				}
			}
			for (int i = 0; i < width; i++) {
				long zigzag = readVarLong(bytes, at);
				counters[i] = (zigzag >>> 1) ^ -(zigzag & 1);
			}
			consumer.accept(minute, fingerprint, counters);
		}
	}

	static DayBlock decode(byte[] bytes, int width, boolean fingerprinted) {
		DayBlock block = new DayBlock(width, fingerprinted);
		decode(bytes, width, fingerprinted, block::add);
		return block;
	}

	private static void writeVarLong(ByteArrayOutputStream out, long value) {
		while ((value & ~0x7FL) != 0) {
			out.write((int) ((value & 0x7F) | 0x80));
			value >>>= 7;
		}
		out.write((int) value);
	}

	private static long readVarLong(byte[] bytes, int[] at) {
		long value = 0;
		for (int shift = 0; shift < 64; shift += 7) {
			if (at[0] >= bytes.length) {
				throw new IllegalStateException("per-minute block cut short");
			}
			byte b = bytes[at[0]++];
			value |= (long) (b & 0x7F) << shift;
			if (b >= 0) {
				return value;
			}
		}
		throw new IllegalStateException("per-minute block holds a malformed number");
	}

}
