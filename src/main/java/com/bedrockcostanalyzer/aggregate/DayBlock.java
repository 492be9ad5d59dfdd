package com.bedrockcostanalyzer.aggregate;

import java.util.Arrays;

/**
 * One UTC day of per-minute counters of one model, path and price dimension, packed into
 * a single value: the per-minute tables hold a row per day and series instead of a row
 * per minute, so that a month of sparse traffic is a few thousand rows rather than one
 * per record. Slots are kept in (minute, fingerprint) order; a slot's counters have the
 * table's fixed width and are added slot by slot.
 *
 * <p>
 * Format (version 1): a version byte, then per slot the minute of day as a varint delta
 * from the previous slot's, the fingerprint as 8 bytes when the table has one, and each
 * counter as a zigzag varint.
 */
final class DayBlock {

	private static final int VERSION = 1;

	/** Slot order: by minute, then by fingerprint (signed). */
	static int compareSlots(int minute, long fingerprint, int otherMinute, long otherFingerprint) {
		int byMinute = Integer.compare(minute, otherMinute);
		return (byMinute != 0) ? byMinute : Long.compare(fingerprint, otherFingerprint);
	}

	/** Receives a block's slots in order. */
	@FunctionalInterface
	interface SlotConsumer {

		void accept(int minute, long fingerprint, long[] counters);

	}

	private final int width;

	private final boolean fingerprinted;

	/*
	 * The slots in order, as parallel arrays (slot i's counters at [i * width, (i + 1) *
	 * width)): a file's records come in time order, so a slot is nearly always added
	 * after the last one, and two blocks add up in one merge in place, without a node and
	 * a key object per slot.
	 */
	private int size;

	private int[] minutes = new int[8];

	private long[] fingerprints = new long[8];

	private long[] counters;

	DayBlock(int width, boolean fingerprinted) {
		this.width = width;
		this.fingerprinted = fingerprinted;
		this.counters = new long[8 * width];
	}

	/** An empty block of the same shape. */
	DayBlock emptyLike() {
		return new DayBlock(this.width, this.fingerprinted);
	}

	void add(int minute, long fingerprint, long... counters) {
		if (counters.length != this.width) {
			throw new IllegalArgumentException("expected " + this.width + " counters, got " + counters.length);
		}
		if (minute < 0 || minute >= 1440) {
			throw new IllegalArgumentException("minute of day out of range: " + minute);
		}
		long slotFingerprint = this.fingerprinted ? fingerprint : 0;
		int at = find(minute, slotFingerprint);
		if (at < 0) {
			at = -at - 1;
			insert(at, minute, slotFingerprint);
		}
		addCounters(at, counters, 0);
	}

	/**
	 * Adds another block's slots, merging in place from the back. The writer adds a
	 * chunk's files one by one to a growing block and their slots fall at or near its end
	 * (files come in time order), so only the slots from the first one added on are
	 * moved, not the whole block copied for every file.
	 */
	void addAll(DayBlock other) {
		if (other.width != this.width || other.fingerprinted != this.fingerprinted) {
			throw new IllegalArgumentException("blocks of different shapes");
		}
		if (other == this) {
			addAll(copy());
			return;
		}
		if (other.size == 0) {
			return;
		}
		int first = find(other.minutes[0], other.fingerprints[0]);
		int start = (first >= 0) ? first : -first - 1;
		// The other block's slots that are new here, counted first so that the merge can
		// fill from the back.
		int added = 0;
		for (int i = start, j = 0; j < other.size;) {
			int order = (i == this.size) ? 1
					: compareSlots(this.minutes[i], this.fingerprints[i], other.minutes[j], other.fingerprints[j]);
			if (order < 0) {
				i++;
			}
			else {
				// An equal slot is passed over with the next comparison: the other
				// block's next slot is later.
				added += (order > 0) ? 1 : 0;
				j++;
			}
		}
		ensureCapacity(this.size + added);
		int i = this.size - 1;
		int j = other.size - 1;
		int k = this.size + added - 1;
		// When the other block is used up, every new slot has its place, so the rest of
		// this block stays where it is.
		while (j >= 0) {
			int order = (i < start) ? -1
					: compareSlots(this.minutes[i], this.fingerprints[i], other.minutes[j], other.fingerprints[j]);
			if (order >= 0) {
				copySlot(this, i, k);
				if (order == 0) {
					addCounters(k, other.counters, j * this.width);
					j--;
				}
				i--;
			}
			else {
				copySlot(other, j, k);
				j--;
			}
			k--;
		}
		this.size += added;
	}

	/** Adds {@code width} counters from {@code source[from…]} to slot {@code at}'s. */
	private void addCounters(int at, long[] source, int from) {
		int base = at * this.width;
		for (int i = 0; i < this.width; i++) {
			this.counters[base + i] = Math.addExact(this.counters[base + i], source[from + i]);
		}
	}

	/**
	 * Puts slot {@code from} of {@code source} (this block or another of its shape) in
	 * this block's slot {@code to}.
	 */
	private void copySlot(DayBlock source, int from, int to) {
		if (source != this || from != to) {
			this.minutes[to] = source.minutes[from];
			this.fingerprints[to] = source.fingerprints[from];
			System.arraycopy(source.counters, from * this.width, this.counters, to * this.width, this.width);
		}
	}

	private DayBlock copy() {
		DayBlock copy = new DayBlock(this.width, this.fingerprinted);
		copy.ensureCapacity(this.size);
		System.arraycopy(this.minutes, 0, copy.minutes, 0, this.size);
		System.arraycopy(this.fingerprints, 0, copy.fingerprints, 0, this.size);
		System.arraycopy(this.counters, 0, copy.counters, 0, this.size * this.width);
		copy.size = this.size;
		return copy;
	}

	boolean isEmpty() {
		return this.size == 0;
	}

	void forEach(SlotConsumer consumer) {
		long[] slot = new long[this.width];
		for (int i = 0; i < this.size; i++) {
			System.arraycopy(this.counters, i * this.width, slot, 0, this.width);
			consumer.accept(this.minutes[i], this.fingerprints[i], slot);
		}
	}

	byte[] encode() {
		Encoder out = new Encoder(this.width, this.fingerprinted, encodedSizeGuess());
		forEach(out::write);
		return out.toByteArray();
	}

	/**
	 * The encoding of a stored block with this block's slots added to it, in one pass
	 * over both in slot order. A chunk adds a few slots to each of many day blocks of
	 * hundreds, and these merges are the larger part of writing the per-minute tables:
	 * the stored bytes are read once and the stored block is never built.
	 * @throws IllegalStateException if the stored bytes are not a block of this shape, or
	 * not in slot order
	 */
	byte[] addTo(byte[] stored) {
		Encoder out = new Encoder(this.width, this.fingerprinted, stored.length + encodedSizeGuess());
		Merge merge = new Merge(out);
		decode(stored, this.width, this.fingerprinted, merge);
		merge.finish();
		return out.toByteArray();
	}

	/**
	 * The slot's index, or (-(where it would go) - 1); a slot after the last one is found
	 * without a search.
	 */
	private int find(int minute, long fingerprint) {
		if (this.size == 0) {
			return -1;
		}
		int last = compareSlots(minute, fingerprint, this.minutes[this.size - 1], this.fingerprints[this.size - 1]);
		if (last >= 0) {
			return (last == 0) ? this.size - 1 : -this.size - 1;
		}
		int low = 0;
		int high = this.size - 2;
		while (low <= high) {
			int middle = (low + high) >>> 1;
			int order = compareSlots(this.minutes[middle], this.fingerprints[middle], minute, fingerprint);
			if (order < 0) {
				low = middle + 1;
			}
			else if (order > 0) {
				high = middle - 1;
			}
			else {
				return middle;
			}
		}
		return -low - 1;
	}

	/** Opens an empty slot at {@code at}, moving the later ones up. */
	private void insert(int at, int minute, long fingerprint) {
		ensureCapacity(this.size + 1);
		System.arraycopy(this.minutes, at, this.minutes, at + 1, this.size - at);
		System.arraycopy(this.fingerprints, at, this.fingerprints, at + 1, this.size - at);
		System.arraycopy(this.counters, at * this.width, this.counters, (at + 1) * this.width,
				(this.size - at) * this.width);
		this.minutes[at] = minute;
		this.fingerprints[at] = fingerprint;
		Arrays.fill(this.counters, at * this.width, (at + 1) * this.width, 0);
		this.size++;
	}

	private void ensureCapacity(int slots) {
		if (slots > this.minutes.length) {
			int capacity = Math.max(slots, this.minutes.length * 2);
			this.minutes = Arrays.copyOf(this.minutes, capacity);
			this.fingerprints = Arrays.copyOf(this.fingerprints, capacity);
			this.counters = Arrays.copyOf(this.counters, capacity * this.width);
		}
	}

	/**
	 * Room for this block's slots encoded, most counters taking a few bytes; the encoder
	 * grows if it is short.
	 */
	private int encodedSizeGuess() {
		return 16 + this.size * (this.width * 3 + 10);
	}

	/**
	 * Writes the stored slots as they come, with this block's slots written (or added) in
	 * their places.
	 */
	private final class Merge implements SlotConsumer {

		private final Encoder out;

		/** The next of this block's slots to place. */
		private int next;

		private final long[] slot = new long[DayBlock.this.width];

		Merge(Encoder out) {
			this.out = out;
		}

		@Override
		public void accept(int minute, long fingerprint, long[] counters) {
			int order = -1;
			while (this.next < DayBlock.this.size && (order = compareSlots(DayBlock.this.minutes[this.next],
					DayBlock.this.fingerprints[this.next], minute, fingerprint)) < 0) {
				writeNext();
			}
			if (this.next < DayBlock.this.size && order == 0) {
				int base = this.next * DayBlock.this.width;
				for (int i = 0; i < this.slot.length; i++) {
					this.slot[i] = Math.addExact(counters[i], DayBlock.this.counters[base + i]);
				}
				this.out.write(minute, fingerprint, this.slot);
				this.next++;
			}
			else {
				this.out.write(minute, fingerprint, counters);
			}
		}

		void finish() {
			while (this.next < DayBlock.this.size) {
				writeNext();
			}
		}

		private void writeNext() {
			System.arraycopy(DayBlock.this.counters, this.next * DayBlock.this.width, this.slot, 0, this.slot.length);
			this.out.write(DayBlock.this.minutes[this.next], DayBlock.this.fingerprints[this.next], this.slot);
			this.next++;
		}

	}

	/**
	 * Writes slots in the block format; refuses a slot that does not come strictly after
	 * the one before it, so that a stored block that is out of order is reported rather
	 * than merged into duplicates.
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
			if (compareSlots(minute, fingerprint, this.minute, this.fingerprint) <= 0) {
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
			throw new IllegalStateException(
					"per-minute block of an unknown format (version " + (bytes.length == 0 ? "none" : bytes[0]) + ")");
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
