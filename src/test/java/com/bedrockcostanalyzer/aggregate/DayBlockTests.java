package com.bedrockcostanalyzer.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DayBlockTests {

	@Test
	void decodesWhatWasEncodedWithEqualSlotsSummed() {
		Random random = new Random(7);
		for (int round = 0; round < 200; round++) {
			boolean fingerprinted = random.nextBoolean();
			int width = fingerprinted ? 3 : 6;
			DayBlock block = new DayBlock(width, fingerprinted);
			// Expected: a plain sorted map of (minute, fingerprint) to summed counters.
			TreeMap<String, long[]> expected = new TreeMap<>();
			int slots = random.nextInt(300);
			long[] fingerprints = { random.nextLong(), Long.MIN_VALUE, -1, 1, Long.MAX_VALUE };
			for (int i = 0; i < slots; i++) {
				int minute = random.nextInt(1440);
				long fingerprint = fingerprinted ? fingerprints[random.nextInt(fingerprints.length)] : 0;
				long[] counters = new long[width];
				for (int c = 0; c < width; c++) {
					counters[c] = switch (random.nextInt(4)) {
						case 0 -> 0;
						case 1 -> random.nextInt(1000);
						case 2 -> random.nextLong() >> 3;
						default -> -random.nextInt(5);
					};
				}
				block.add(minute, fingerprint, counters);
				addExpected(expected, minute, fingerprint, counters);
			}
			assertThat(slots(block.encode(), width, fingerprinted)).containsExactlyElementsOf(listed(expected));
		}
	}

	@Test
	void addsBlocksSlotBySlot() {
		DayBlock stored = new DayBlock(3, true);
		stored.add(0, 42, 1, 100, 0);
		stored.add(1439, -5, 2, 200, 1);
		DayBlock added = new DayBlock(3, true);
		added.add(0, 42, 3, 300, 1);
		added.add(0, 43, 1, 10, 0);
		List<String> slots = new ArrayList<>();
		DayBlock.decode(added.addTo(stored.encode()), 3, true,
				(minute, fingerprint, counters) -> slots.add(minute + "/" + fingerprint + Arrays.toString(counters)));
		assertThat(slots).containsExactly("0/42[4, 400, 1]", "0/43[1, 10, 0]", "1439/-5[2, 200, 1]");
	}

	@Test
	void addsToAStoredBlockAsAPlainSortedMapWould() {
		Random random = new Random(11);
		for (int round = 0; round < 300; round++) {
			boolean fingerprinted = random.nextBoolean();
			int width = fingerprinted ? 3 : 6;
			// Few minutes and fingerprints, so that the two blocks share many slots;
			// either may be empty.
			int minutes = 1 + random.nextInt(60);
			long[] fingerprints = { random.nextLong(), Long.MIN_VALUE, -1, 0, Long.MAX_VALUE };
			TreeMap<String, long[]> expected = new TreeMap<>();
			DayBlock stored = new DayBlock(width, fingerprinted);
			DayBlock added = new DayBlock(width, fingerprinted);
			for (DayBlock block : List.of(stored, added)) {
				int slots = random.nextInt(4) == 0 ? 0 : random.nextInt(200);
				for (int i = 0; i < slots; i++) {
					addRandomSlot(random, block, width, (random.nextBoolean() ? 0 : 1380) + random.nextInt(minutes),
							fingerprinted ? fingerprints[random.nextInt(fingerprints.length)] : 0, expected);
				}
			}
			assertThat(slots(added.addTo(stored.encode()), width, fingerprinted))
				.containsExactlyElementsOf(listed(expected));
		}
	}

	@Test
	void addsBlocksToBlocksAsAPlainSortedMapWould() {
		Random random = new Random(13);
		for (int round = 0; round < 1000; round++) {
			boolean fingerprinted = random.nextBoolean();
			int width = fingerprinted ? 3 : 6;
			long[] fingerprints = { random.nextLong(), Long.MIN_VALUE, -1, 0, Long.MAX_VALUE };
			TreeMap<String, long[]> expected = new TreeMap<>();
			List<DayBlock> blocks = new ArrayList<>();
			int files = 1 + random.nextInt(6);
			for (int b = 0; b < files; b++) {
				DayBlock block = new DayBlock(width, fingerprinted);
				int slots = random.nextInt(4) == 0 ? 0 : random.nextInt(100);
				// In time order, as a file's records come, or shuffled: both ways of
				// finding a slot's place. Blocks
				// after the first fall before, across or after what was added so far.
				boolean inOrder = random.nextBoolean();
				int minute = random.nextInt(1000);
				for (int i = 0; i < slots; i++) {
					minute = inOrder ? Math.min(1439, minute + random.nextInt(3)) : random.nextInt(1440);
					addRandomSlot(random, block, width, minute,
							fingerprinted ? fingerprints[random.nextInt(fingerprints.length)] : 0, expected);
				}
				blocks.add(block);
			}
			DayBlock sum = new DayBlock(width, fingerprinted);
			blocks.forEach(sum::addAll);
			assertThat(slots(sum.encode(), width, fingerprinted)).containsExactlyElementsOf(listed(expected));
			assertThat(sum.isEmpty()).isEqualTo(expected.isEmpty());
			// Added to itself, every counter doubles.
			sum.addAll(sum);
			expected.values().forEach((counters) -> Arrays.setAll(counters, (i) -> 2 * counters[i]));
			assertThat(slots(sum.encode(), width, fingerprinted)).containsExactlyElementsOf(listed(expected));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> new DayBlock(6, false).addAll(new DayBlock(3, true)));
	}

	@Test
	void refusesAStoredBlockOutOfOrderOrPastTheDay() {
		DayBlock added = new DayBlock(1, false);
		added.add(3, 0, 1);
		// Version 1; minute 5 (counter 1, zigzag 2); minute 5 again (delta 0).
		byte[] repeated = { 1, 5, 2, 0, 2 };
		assertThatIllegalStateException().isThrownBy(() -> added.addTo(repeated)).withMessageContaining("order");
		// Minute 1000, then 1000 + 500: past the day's 1,440 minutes.
		byte[] pastTheDay = { 1, (byte) 0xE8, 0x07, 2, (byte) 0xF4, 0x03, 2 };
		assertThatIllegalStateException().isThrownBy(() -> added.addTo(pastTheDay))
			.withMessageContaining("past the day");
		byte[] inOrder = { 1, 5, 2, (byte) 0xE8, 0x07, 2 };
		List<String> slots = new ArrayList<>();
		DayBlock.decode(added.addTo(inOrder), 1, false,
				(minute, fingerprint, counters) -> slots.add(minute + Arrays.toString(counters)));
		assertThat(slots).containsExactly("3[1]", "5[1]", "1005[1]");
	}

	@Test
	void refusesDamagedOrForeignBytes() {
		DayBlock block = new DayBlock(6, false);
		block.add(12, 0, 1, 2, 3, 4, 5, 300);
		byte[] bytes = block.encode();
		DayBlock added = new DayBlock(6, false);
		assertThatIllegalStateException().isThrownBy(() -> added.addTo(Arrays.copyOf(bytes, bytes.length - 1)));
		byte[] foreign = bytes.clone();
		foreign[0] = 9;
		assertThatIllegalStateException().isThrownBy(() -> added.addTo(foreign)).withMessageContaining("version 9");
		assertThatIllegalStateException().isThrownBy(() -> added.addTo(new byte[0]));
	}

	@Test
	void refusesMinutesOutsideTheDay() {
		DayBlock block = new DayBlock(6, false);
		assertThatIllegalArgumentException().isThrownBy(() -> block.add(1440, 0, 1, 1, 1, 1, 1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> block.add(-1, 0, 1, 1, 1, 1, 1, 1));
	}

	/** Adds a slot of random counters to the block and to what is expected of it. */
	private static void addRandomSlot(Random random, DayBlock block, int width, int minute, long fingerprint,
			TreeMap<String, long[]> expected) {
		long[] counters = new long[width];
		for (int c = 0; c < width; c++) {
			counters[c] = random.nextBoolean() ? random.nextInt(1000) : (random.nextLong() >> 24);
		}
		block.add(minute, fingerprint, counters);
		addExpected(expected, minute, fingerprint, counters);
	}

	/**
	 * A slot as text that sorts as the block orders slots: by minute, then by fingerprint
	 * as a signed number.
	 */
	private static String slot(int minute, long fingerprint) {
		return String.format("%04d %016x", minute, fingerprint ^ Long.MIN_VALUE);
	}

	/** The expectation: a plain sorted map of slots to summed counters. */
	private static void addExpected(TreeMap<String, long[]> expected, int minute, long fingerprint, long[] counters) {
		long[] sum = expected.computeIfAbsent(slot(minute, fingerprint), (k) -> new long[counters.length]);
		for (int c = 0; c < counters.length; c++) {
			sum[c] += counters[c];
		}
	}

	private static List<String> listed(TreeMap<String, long[]> expected) {
		List<String> listed = new ArrayList<>();
		for (Map.Entry<String, long[]> e : expected.entrySet()) {
			listed.add(e.getKey() + Arrays.toString(e.getValue()));
		}
		return listed;
	}

	private static List<String> slots(byte[] block, int width, boolean fingerprinted) {
		List<String> slots = new ArrayList<>();
		DayBlock.decode(block, width, fingerprinted,
				(minute, fingerprint, counters) -> slots.add(slot(minute, fingerprint) + Arrays.toString(counters)));
		return slots;
	}

}
