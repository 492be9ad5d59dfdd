package com.bedrockcostanalyzer.job;

import java.util.Iterator;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemReader;

import com.bedrockcostanalyzer.source.InputUnit;

/**
 * Yields the units of one partition, not records. It keeps no position of its own: a
 * partition read again finds its counted units in the ledger and skips them without
 * opening them.
 */
class PartitionUnitReader implements ItemReader<InputUnit> {

	private final Iterator<InputUnit> units;

	PartitionUnitReader(List<InputUnit> units) {
		this.units = units.iterator();
	}

	@Override
	public synchronized InputUnit read() {
		return this.units.hasNext() ? this.units.next() : null;
	}

}
