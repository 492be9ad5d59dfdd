package com.bedrockcostanalyzer.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated five weeks of four paths, each judged on its last day against its own four
 * weeks before, with the figures worked out by hand.
 */
class AnomaliesTests {

	/** A Saturday: a weekday-blind baseline would read the weekend path as a drop. */
	private static final LocalDate DAY = LocalDate.of(2026, 10, 31);

	private static final LocalDate FIRST = DAY.minusDays(34);

	@Test
	void leavesASteadyPathAndAQuietWeekendAlone() {
		// Steady: 95 to 105 a day. Weekly: 100 on weekdays, 20 on weekends; the day is a
		// Saturday at 20.
		Map<LocalDate, BigDecimal> steady = series((i) -> 100 + (i * 37) % 11 - 5);
		Map<LocalDate, BigDecimal> weekly = series((i) -> weekend(FIRST.plusDays(i)) ? 20 : 100);

		assertThat(Anomalies.judge("path", "steady", steady, DAY, FIRST)).isNull();
		assertThat(Anomalies.judge("path", "weekly", weekly, DAY, FIRST)).isNull();
	}

	@Test
	void flagsASpikeAgainstTheUsualSpendOfThatWeekday() {
		// 100 every day, 160 on the day: the usual is 100, every deviation 0, so the
		// spread
		// is its floor, 10% of 100: (160 - 100) / 10 = 6.00 spreads.
		Map<LocalDate, BigDecimal> spiked = series((i) -> FIRST.plusDays(i).equals(DAY) ? 160 : 100);

		Anomaly anomaly = Anomalies.judge("path", "search", spiked, DAY, FIRST);

		assertThat(anomaly).isNotNull();
		assertThat(anomaly.shape()).isEqualTo("spike");
		assertThat(anomaly.usual()).isEqualByComparingTo("100");
		assertThat(anomaly.score()).isEqualByComparingTo("6.00");
	}

	@Test
	void flagsASlowClimbThatNoSingleDayShows() {
		// 2.5% more every day: no day is 40% over the one before, but each week is
		// 1.025^7 = 1.1887 times the one before: +18.9%.
		Map<LocalDate, BigDecimal> climbing = series((i) -> 50 * Math.pow(1.025, i));

		Anomaly anomaly = Anomalies.judge("path", "agents", climbing, DAY, FIRST);

		assertThat(anomaly).isNotNull();
		assertThat(anomaly.shape()).isEqualTo("climb");
		assertThat(anomaly.score()).isEqualByComparingTo("18.9");
	}

	@Test
	void judgesNothingWithoutFourWeeksOfHistory() {
		Map<LocalDate, BigDecimal> spiked = series((i) -> FIRST.plusDays(i).equals(DAY) ? 160 : 100);

		assertThat(Anomalies.judge("path", "search", spiked, DAY, DAY.minusDays(20))).isNull();
	}

	@Test
	void forecastsTheMonthWeekdayByWeekday() {
		// October 2026, judged on Thursday the 15th: weekdays $10, weekends $2. So far 11
		// weekdays and 4 weekend days: 118. Left: the 16th to the 31st, 11 weekdays and 5
		// weekend days at the last week's: 120. Forecast 238.
		Map<LocalDate, BigDecimal> spend = new TreeMap<>();
		for (LocalDate d = LocalDate.of(2026, 9, 1); !d.isAfter(LocalDate.of(2026, 10, 15)); d = d.plusDays(1)) {
			spend.put(d, BigDecimal.valueOf(weekend(d) ? 2 : 10));
		}
		LocalDate day = LocalDate.of(2026, 10, 15);

		assertThat(Forecast.monthToDate(spend, day)).isEqualByComparingTo("118");
		assertThat(Forecast.monthEnd(spend, day)).isEqualByComparingTo("238");
		BudgetProperties budgets = new BudgetProperties(new BigDecimal("200"), Map.of(), Map.of());
		assertThat(Forecast.budgets(budgets, Map.of(), Map.of(), spend, day)).singleElement()
			.satisfies((b) -> assertThat(b.status()).isEqualTo(BudgetStatus.FORECAST));
	}

	@Test
	void flagsNoNewSpenderOnTheFirstDayTheDatabaseHolds() {
		// A first nightly run on an empty job database: every path is "new".
		Map<String, Map<LocalDate, BigDecimal>> spend = Map.of("search", Map.of(DAY, new BigDecimal("80")));
		NightlyAlerts.History first = new NightlyAlerts.History(spend, Map.of("search", DAY));
		NightlyAlerts.History models = new NightlyAlerts.History(Map.of("m", Map.of(DAY, new BigDecimal("80"))),
				Map.of("m", DAY));
		BudgetProperties none = new BudgetProperties(null, Map.of(), Map.of());

		assertThat(NightlyAlerts.of(DAY, first, models, first, none, BigDecimal.TEN).newSpenders()).isEmpty();

		NightlyAlerts.History older = new NightlyAlerts.History(Map.of("m", Map.of(DAY, new BigDecimal("80"))),
				Map.of("m", DAY.minusDays(3)));
		assertThat(NightlyAlerts.of(DAY, first, older, first, none, BigDecimal.TEN).newSpenders()).hasSize(2);
	}

	private static boolean weekend(LocalDate d) {
		return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	private static Map<LocalDate, BigDecimal> series(IntFunction<Number> spend) {
		Map<LocalDate, BigDecimal> series = new TreeMap<>();
		for (int i = 0; i <= 34; i++) {
			series.put(FIRST.plusDays(i),
					new BigDecimal(spend.apply(i).toString()).setScale(4, RoundingMode.HALF_EVEN));
		}
		return series;
	}

}
