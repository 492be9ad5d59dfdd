package com.bedrockcostanalyzer.aggregate;

import java.time.LocalDate;

import com.bedrockcostanalyzer.usage.RequestId;

/**
 * The request ids one unit counted, each with its day, held until the chunk's transaction
 * stores them.
 */
final class RequestIdSet {

	private final IdTable ids = new IdTable();

	/** Adds the id; false when it is in already. */
	boolean add(RequestId id, LocalDate on) {
		return this.ids.add(id.high(), id.low(), on.toEpochDay());
	}

	boolean contains(RequestId id) {
		return this.ids.contains(id.high(), id.low());
	}

	int size() {
		return this.ids.size();
	}

	void addAll(RequestIdSet other) {
		other.ids.forEach(this.ids::add);
	}

	/** Calls back with each id and its day, in no particular order. */
	void forEach(Entry entry) {
		this.ids.forEach((high, low, day) -> entry.accept(high, low, LocalDate.ofEpochDay(day)));
	}

	interface Entry {

		void accept(long high, long low, LocalDate day);

	}

}
