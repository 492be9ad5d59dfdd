package com.bedrockcostanalyzer.aggregate;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DayRangesTests {

	private static LocalDate d(int day) {
		return LocalDate.of(2026, 10, 1).plusDays(day - 1);
	}

	@Test
	void joinsOverlappingAndTouchingRangesAndKeepsGapsApart() {
		DayRanges days = DayRanges.none()
			.plus(d(10), d(12))
			.plus(d(1), d(3))
			.plus(d(3), d(5))
			.plus(d(11), d(15))
			.plus(d(20), d(21))
			.plus(d(7), d(7));

		assertThat(days).hasToString("[2026-10-01, 2026-10-05), [2026-10-10, 2026-10-15), [2026-10-20, 2026-10-21)");
		assertThat(days.plus(d(4), d(21))).isEqualTo(DayRanges.of(d(1), d(21)));
	}

	@Test
	void takesAwayWhatWasCountedAndTellsTheDaysLeft() {
		DayRanges window = DayRanges.of(d(1), d(31));
		DayRanges counted = DayRanges.none().plus(d(5), d(8)).plus(d(30), d(40)).plus(LocalDate.of(2026, 9, 1), d(2));

		DayRanges left = window.minus(counted);

		assertThat(left).hasToString("[2026-10-02, 2026-10-05), [2026-10-08, 2026-10-30)");
		assertThat(left.contains(d(1))).isFalse();
		assertThat(left.contains(d(2))).isTrue();
		assertThat(left.contains(d(4))).isTrue();
		assertThat(left.contains(d(5))).isFalse();
		assertThat(left.contains(d(7))).isFalse();
		assertThat(left.contains(d(8))).isTrue();
		assertThat(left.contains(d(29))).isTrue();
		assertThat(left.contains(d(30))).isFalse();
		assertThat(window.minus(window).isEmpty()).isTrue();
		assertThat(DayRanges.of(d(3), d(3)).isEmpty()).isTrue();
	}

	@Test
	void aTwoYearWindowLessItsCountedDaysIsAFewNumbers() {
		DayRanges window = DayRanges.of(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 3));
		DayRanges counted = DayRanges.none();
		// A unit counted by 365 daily runs: one range, however many runs.
		for (LocalDate day = LocalDate.of(2025, 1, 1); day.isBefore(LocalDate.of(2026, 1, 1)); day = day.plusDays(1)) {
			counted = counted.plus(day, day.plusDays(1));
		}

		assertThat(counted.ranges()).hasSize(1);
		assertThat(window.minus(counted).ranges()).hasSize(1);
		assertThat(window.minus(counted).ranges().get(0)[0]).isEqualTo(LocalDate.of(2026, 1, 1));
	}

}
