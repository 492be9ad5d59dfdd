package com.bedrockcostanalyzer.source;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The word-at-a-time byte searches against byte-at-a-time ones, on random offsets and the bytes near the targets. */
class ByteScanTests {

	@Test
	void findsTheFirstMatchWhereAPlainScanDoes() {
		Random random = new Random(97);
		for (int round = 0; round < 20_000; round++) {
			byte[] bytes = new byte[random.nextInt(40)];
			for (int i = 0; i < bytes.length; i++) {
				// Bytes next to '\n' (0x09, 0x0B, 0x8A, 0x0A + 0x80) are the ones a word trick could mistake.
				int pick = random.nextInt(8);
				bytes[i] = (byte) (pick == 0 ? '\n' : pick == 1 ? 0x0B : pick == 2 ? 0x09 : pick == 3 ? 0x8A
						: pick == 4 ? 0x00 : pick == 5 ? 0xFF : random.nextInt(256));
			}
			int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
			int to = from + random.nextInt(bytes.length - from + 1);

			assertThat(ByteScan.indexOf(bytes, from, to, (byte) '\n')).as("round %d", round)
				.isEqualTo(plainScan(bytes, from, to, (byte) '\n', (byte) '\n'));
			assertThat(ByteScan.indexOfEither(bytes, from, to, (byte) '\n', (byte) 0x8A)).as("round %d", round)
				.isEqualTo(plainScan(bytes, from, to, (byte) '\n', (byte) 0x8A));
		}
	}

	private static int plainScan(byte[] bytes, int from, int to, byte a, byte b) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == a || bytes[i] == b) {
				return i;
			}
		}
		return -1;
	}

}
