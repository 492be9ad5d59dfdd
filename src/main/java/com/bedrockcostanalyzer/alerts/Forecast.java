package com.bedrockcostanalyzer.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The month-end spend: the month so far, plus each remaining day of the month at the
 * spend of the same weekday in the 7 days up to the day (the trailing week, weekday by
 * weekday: a business-hours workload is not forecast to spend on Sundays).
 */
public final class Forecast {

	/** How the forecast is made, as the report states it. */
	public static final String METHOD = "month to date + each remaining day at the same weekday's spend of the last 7 days";

	private Forecast() {
	}

	/**
	 * @param series spend per day, holding at least the month so far and the 7 days up to
	 * {@code day}
	 */
	public static BigDecimal monthEnd(Map<LocalDate, BigDecimal> series, LocalDate day) {
		LocalDate first = day.withDayOfMonth(1);
		BigDecimal total = BigDecimal.ZERO;
		for (LocalDate d = first; !d.isAfter(day); d = d.plusDays(1)) {
			total = total.add(series.getOrDefault(d, BigDecimal.ZERO));
		}
		LocalDate last = YearMonth.from(day).atEndOfMonth();
		for (LocalDate d = day.plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
			// The same weekday within the last 7 days: 7, 14, ... days before d.
			LocalDate sameWeekday = d.minusDays(7L * (1 + (d.toEpochDay() - day.toEpochDay() - 1) / 7));
			total = total.add(series.getOrDefault(sameWeekday, BigDecimal.ZERO));
		}
		return total;
	}

	/** The month so far. */
	public static BigDecimal monthToDate(Map<LocalDate, BigDecimal> series, LocalDate day) {
		BigDecimal total = BigDecimal.ZERO;
		for (LocalDate d = day.withDayOfMonth(1); !d.isAfter(day); d = d.plusDays(1)) {
			total = total.add(series.getOrDefault(d, BigDecimal.ZERO));
		}
		return total;
	}

	/** Each budget set, against its subject's series. */
	public static List<BudgetStatus> budgets(BudgetProperties budgets, Map<String, Map<LocalDate, BigDecimal>> byPath,
			Map<String, Map<LocalDate, BigDecimal>> byModel, Map<LocalDate, BigDecimal> total, LocalDate day) {
		List<BudgetStatus> statuses = new ArrayList<>();
		if (budgets.total() != null) {
			statuses.add(status("total", "", budgets.total(), total, day));
		}
		new TreeMap<>(budgets.paths()).forEach(
				(path, budget) -> statuses.add(status("path", path, budget, byPath.getOrDefault(path, Map.of()), day)));
		new TreeMap<>(budgets.models()).forEach((model, budget) -> statuses
			.add(status("model", model, budget, byModel.getOrDefault(model, Map.of()), day)));
		return statuses;
	}

	private static BudgetStatus status(String scope, String name, BigDecimal budget, Map<LocalDate, BigDecimal> series,
			LocalDate day) {
		BigDecimal soFar = monthToDate(series, day);
		BigDecimal forecast = monthEnd(series, day);
		String status = (soFar.compareTo(budget) > 0) ? BudgetStatus.EXCEEDED
				: (forecast.compareTo(budget) > 0) ? BudgetStatus.FORECAST : BudgetStatus.WITHIN;
		return new BudgetStatus(scope, name, budget, soFar.setScale(2, RoundingMode.HALF_EVEN),
				forecast.setScale(2, RoundingMode.HALF_EVEN), status);
	}

}
