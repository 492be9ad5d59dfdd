package com.bedrockcostanalyzer.aggregate;

/**
 * Invocation ids (two longs) mapped to a long: open addressing over plain arrays, 25
 * bytes a slot and at most half the slots used (a {@code HashMap} of records takes
 * several times that), since a run holds hundreds of thousands of them.
 */
final class IdTable {

	private long[] high = new long[16];

	private long[] low = new long[16];

	private long[] value = new long[16];

	private boolean[] used = new boolean[16];

	private int size;

	/** Adds the id with its value; false, and the value left as it was, when it is in. */
	boolean add(long h, long l, long v) {
		int at = slot(h, l, this.used.length - 1);
		if (this.used[at]) {
			return false;
		}
		this.used[at] = true;
		this.high[at] = h;
		this.low[at] = l;
		this.value[at] = v;
		if (++this.size * 2 > this.used.length) {
			grow();
		}
		return true;
	}

	boolean contains(long h, long l) {
		return this.used[slot(h, l, this.used.length - 1)];
	}

	/** The id's value, or {@code absent} when it is not in. */
	long get(long h, long l, long absent) {
		int at = slot(h, l, this.used.length - 1);
		return this.used[at] ? this.value[at] : absent;
	}

	int size() {
		return this.size;
	}

	/** Calls back with each id and its value, in no particular order. */
	void forEach(Entry entry) {
		for (int i = 0; i < this.used.length; i++) {
			if (this.used[i]) {
				entry.accept(this.high[i], this.low[i], this.value[i]);
			}
		}
	}

	interface Entry {

		void accept(long high, long low, long value);

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
		long[] oldValue = this.value;
		boolean[] oldUsed = this.used;
		int capacity = oldUsed.length * 2;
		this.high = new long[capacity];
		this.low = new long[capacity];
		this.value = new long[capacity];
		this.used = new boolean[capacity];
		this.size = 0;
		for (int i = 0; i < oldUsed.length; i++) {
			if (oldUsed[i]) {
				add(oldHigh[i], oldLow[i], oldValue[i]);
			}
		}
	}

}
