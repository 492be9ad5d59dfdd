package com.bedrockcostanalyzer.aggregate;

import java.util.Arrays;
import java.util.Iterator;
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
			return compare(this.minute, this.fingerprint, other.minute, other.fingerprint);
		}

		/** Slot order: by minute, then by fingerprint (signed). */
		static int compare(int minute, long fingerprint, int otherMinute, long otherFingerprint) {
			int byMinute = Integer.compare(minute, otherMinute);
			return (byMinute != 0) ? byMinute : Long.compare(fingerprint, otherFingerprint);
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

	boolean isEmpty() {
		return this.slots.isEmpty();
	}

	void forEach(SlotConsumer consumer) {
		for (Map.Entry<Slot, long[]> slot : this.slots.entrySet()) {
			consumer.accept(slot.getKey().minute(), slot.getKey().fingerprint(), slot.getValue());
		}
	}

	byte[] encode() {
		Encoder out = new Encoder(this.width, this.fingerprinted, encodedSizeGuess());
		forEach(out::write);
		return out.toByteArray();
	}

	/**
	 * The encoding of a stored block with this block's slots added to it, in one pass over both in slot order. A
	 * chunk adds a few slots to each of many day blocks of hundreds, and these merges are the larger part of writing
	 * the per-minute tables: the stored bytes are read once and the stored block is never built.
	 * @throws IllegalStateException if the stored bytes are not a block of this shape, or not in slot order
	 */
	byte[] addTo(byte[] stored) {
		Encoder out = new Encoder(this.width, this.fingerprinted, stored.length + encodedSizeGuess());
		Merge merge = new Merge(out);
		decode(stored, this.width, this.fingerprinted, merge);
		merge.finish();
		return out.toByteArray();
	}

	/** Room for this block's slots encoded, most counters taking a few bytes; the encoder grows if it is short. */
	private int encodedSizeGuess() {
		return 16 + this.slots.size() * (this.width * 3 + 10);
	}

	/** Writes the stored slots as they come, with this block's slots written (or added) in their places. */
	private final class Merge implements SlotConsumer {

		private final Encoder out;

		private final Iterator<Map.Entry<Slot, long[]>> added = DayBlock.this.slots.entrySet().iterator();

		private Map.Entry<Slot, long[]> next;

		private final long[] sum = new long[DayBlock.this.width];

		Merge(Encoder out) {
			this.out = out;
			this.next = this.added.hasNext() ? this.added.next() : null;
		}

		@Override
		public void accept(int minute, long fingerprint, long[] counters) {
			int order = -1;
			while (this.next != null && (order = Slot.compare(this.next.getKey().minute(),
					this.next.getKey().fingerprint(), minute, fingerprint)) < 0) {
				writeNext();
			}
			if (this.next != null && order == 0) {
				long[] more = this.next.getValue();
				for (int i = 0; i < this.sum.length; i++) {
					this.sum[i] = Math.addExact(counters[i], more[i]);
				}
				this.out.write(minute, fingerprint, this.sum);
				advance();
			}
			else {
				this.out.write(minute, fingerprint, counters);
			}
		}

		void finish() {
			while (this.next != null) {
				writeNext();
			}
		}

		private void writeNext() {
			this.out.write(this.next.getKey().minute(), this.next.getKey().fingerprint(), this.next.getValue());
			advance();
		}

		private void advance() {
			this.next = this.added.hasNext() ? this.added.next() : null;
		}

	}

	/**
	 * Writes slots in the block format; refuses a slot that does not come strictly after the one before it, so that
	 * a stored block that is out of order is reported rather than merged into duplicates.
	 */
	private static final class Encoder {

		private final int width;

		private final boolean fingerprinted;

		private byte[] bytes;

		private int length;

		private int minute = -1;

		private long fingerprint;

		Encoder(int width, boolean fingerprinted, int capacity) {
			this.width = width;
			this.fingerprinted = fingerprinted;
			this.bytes = new byte[capacity];
			this.bytes[this.length++] = VERSION;
		}

		void write(int minute, long fingerprint, long[] counters) {
			// The first slot of a block comes after minute -1.
			if (Slot.compare(minute, fingerprint, this.minute, this.fingerprint) <= 0) {
				throw new IllegalStateException("per-minute block with its slots out of order");
			}
			ensure(10 + 8 + this.width * 10);
			writeVarLong(minute - Math.max(this.minute, 0));
			this.minute = minute;
			this.fingerprint = fingerprint;
			if (this.fingerprinted) {
				for (int shift = 56; shift >= 0; shift -= 8) {
					this.bytes[this.length++] = (byte) (fingerprint >>> shift);
				}
			}
			for (int i = 0; i < this.width; i++) {
				long counter = counters[i];
				writeVarLong((counter << 1) ^ (counter >> 63));
			}
		}

		byte[] toByteArray() {
			return Arrays.copyOf(this.bytes, this.length);
		}

		private void ensure(int more) {
			if (this.length + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
			}
		}

		private void writeVarLong(long value) {
			while ((value & ~0x7FL) != 0) {
				this.bytes[this.length++] = (byte) ((value & 0x7F) | 0x80);
				value >>>= 7;
			}
			this.bytes[this.length++] = (byte) value;
		}

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
			long delta = readVarLong(bytes, at);
			if (delta < 0 || delta >= 1440 - minute) {
				throw new IllegalStateException("per-minute block with a minute past the day");
			}
			minute += (int) delta;
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
