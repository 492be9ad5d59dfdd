package com.bedrockcostanalyzer.aggregate;

import java.time.LocalDate;

import com.bedrockcostanalyzer.usage.RequestId;

/**
 * The request ids one unit counted, each with its day: open addressing over plain arrays,
 * 21 bytes a slot and at most half the slots used (a {@code HashSet} of records takes
 * about twice that), since a chunk's ids are held until its transaction stores them.
 */
final class RequestIdSet {

	private long[] high = new long[16];

	private long[] low = new long[16];

	private int[] day = new int[16];

	private boolean[] used = new boolean[16];

	private int size;

	/** Adds the id; false when it is in already. */
	boolean add(RequestId id, LocalDate on) {
		return add(id.high(), id.low(), (int) on.toEpochDay());
	}

	boolean contains(RequestId id) {
		return this.used[slot(id.high(), id.low(), this.used.length - 1)];
	}

	int size() {
		return this.size;
	}

	void addAll(RequestIdSet other) {
		for (int i = 0; i < other.used.length; i++) {
			if (other.used[i]) {
				add(other.high[i], other.low[i], other.day[i]);
			}
		}
	}

	/** Calls back with each id and its day, in no particular order. */
	void forEach(Entry entry) {
		for (int i = 0; i < this.used.length; i++) {
			if (this.used[i]) {
				entry.accept(this.high[i], this.low[i], LocalDate.ofEpochDay(this.day[i]));
			}
		}
	}

	interface Entry {

		void accept(long high, long low, LocalDate day);

	}

	private boolean add(long h, long l, int d) {
		int at = slot(h, l, this.used.length - 1);
		if (this.used[at]) {
			return false;
		}
		this.used[at] = true;
		this.high[at] = h;
		this.low[at] = l;
		this.day[at] = d;
		if (++this.size * 2 > this.used.length) {
			grow();
		}
		return true;
	}

	/** The slot holding the id, or the empty one where it would go. */
	private int slot(long h, long l, int mask) {
		// UUIDs are random already, hashed ids too; mixing still guards against ids that
		// share their low bits.
		int at = (int) mix(h ^ Long.rotateLeft(l, 32)) & mask;
		while (this.used[at] && (this.high[at] != h || this.low[at] != l)) {
			at = (at + 1) & mask;
		}
		return at;
	}

	private static long mix(long x) {
		x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
		x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
		return x ^ (x >>> 33);
	}

	private void grow() {
		long[] oldHigh = this.high;
		long[] oldLow = this.low;
		int[] oldDay = this.day;
		boolean[] oldUsed = this.used;
		int capacity = oldUsed.length * 2;
		this.high = new long[capacity];
		this.low = new long[capacity];
		this.day = new int[capacity];
		this.used = new boolean[capacity];
		this.size = 0;
		for (int i = 0; i < oldUsed.length; i++) {
			if (oldUsed[i]) {
				add(oldHigh[i], oldLow[i], oldDay[i]);
			}
		}
	}

}
