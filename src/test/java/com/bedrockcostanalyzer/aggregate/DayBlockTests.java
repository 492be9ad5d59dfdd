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
				long[] sum = expected.computeIfAbsent(String.format("%04d %016x", minute,
						fingerprint ^ Long.MIN_VALUE), (k) -> new long[width]);
				for (int c = 0; c < width; c++) {
					sum[c] += counters[c];
				}
			}
			List<String> decoded = new ArrayList<>();
			DayBlock.decode(block.encode(), width, fingerprinted, (minute, fingerprint, counters) -> decoded
				.add(String.format("%04d %016x", minute, fingerprint ^ Long.MIN_VALUE) + Arrays.toString(counters)));
			List<String> wanted = new ArrayList<>();
			for (Map.Entry<String, long[]> e : expected.entrySet()) {
				wanted.add(e.getKey() + Arrays.toString(e.getValue()));
			}
			assertThat(decoded).containsExactlyElementsOf(wanted);
		}
	}

	@Test
	void addsBlocksSlotBySlot() {
		DayBlock a = new DayBlock(3, true);
		a.add(0, 42, 1, 100, 0);
		a.add(1439, -5, 2, 200, 1);
		DayBlock b = new DayBlock(3, true);
		b.add(0, 42, 3, 300, 1);
		b.add(0, 43, 1, 10, 0);
		a.addAll(DayBlock.decode(b.encode(), 3, true));
		List<String> slots = new ArrayList<>();
		a.forEach((minute, fingerprint, counters) -> slots.add(minute + "/" + fingerprint + Arrays.toString(counters)));
		assertThat(slots).containsExactly("0/42[4, 400, 1]", "0/43[1, 10, 0]", "1439/-5[2, 200, 1]");
	}

	@Test
	void refusesDamagedOrForeignBytes() {
		DayBlock block = new DayBlock(6, false);
		block.add(12, 0, 1, 2, 3, 4, 5, 300);
		byte[] bytes = block.encode();
		assertThatIllegalStateException()
			.isThrownBy(() -> DayBlock.decode(Arrays.copyOf(bytes, bytes.length - 1), 6, false));
		byte[] foreign = bytes.clone();
		foreign[0] = 9;
		assertThatIllegalStateException().isThrownBy(() -> DayBlock.decode(foreign, 6, false))
			.withMessageContaining("version 9");
		assertThatIllegalStateException().isThrownBy(() -> DayBlock.decode(new byte[0], 6, false));
	}

	@Test
	void refusesMinutesOutsideTheDay() {
		DayBlock block = new DayBlock(6, false);
		assertThatIllegalArgumentException().isThrownBy(() -> block.add(1440, 0, 1, 1, 1, 1, 1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> block.add(-1, 0, 1, 1, 1, 1, 1, 1));
	}

}
