package com.bedrockcostanalyzer.source;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The word-at-a-time byte searches against byte-at-a-time ones, on random offsets and the
 * bytes near the targets.
 */
class ByteScanTests {

	@Test
	void findsTheFirstMatchWhereAPlainScanDoes() {
		Random random = new Random(97);
		for (int round = 0; round < 20_000; round++) {
			byte[] bytes = new byte[random.nextInt(40)];
			for (int i = 0; i < bytes.length; i++) {
				// Bytes next to the targets ('\n' 0x0A, '"' 0x22) and those with the high
				// bit set are the ones a word
				// trick could mistake.
				int pick = random.nextInt(12);
				bytes[i] = (byte) (pick == 0 ? '\n'
						: pick == 1 ? 0x0B
								: pick == 2 ? 0x09 : pick == 3 ? 0x8A : pick == 4 ? 0x00 : pick == 5 ? 0xFF : pick == 6
										? '"'
										: pick == 7 ? 0x21 : pick == 8 ? 0x23 : pick == 9 ? 0xA2 : random.nextInt(256));
			}
			int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
			int to = from + random.nextInt(bytes.length - from + 1);

			for (byte target : new byte[] { '\n', '"' }) {
				assertThat(ByteScan.indexOf(bytes, from, to, target)).as("round %d", round)
					.isEqualTo(plainScan(bytes, from, to, target));
			}
		}
	}

	private static int plainScan(byte[] bytes, int from, int to, byte target) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == target) {
				return i;
			}
		}
		return -1;
	}

}
