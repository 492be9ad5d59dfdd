package com.bedrockcostanalyzer.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alerts of one nightly day from the priced history of its paths, models and Regions.
 */
public final class NightlyAlerts {

	private NightlyAlerts() {
	}

	/**
	 * Spend per day of each subject of one kind (path, model, Region), priced, and the
	 * first day each was seen in the job database.
	 */
	public record History(Map<String, Map<LocalDate, BigDecimal>> byName, Map<String, LocalDate> firstDays) {
	}

	/**
	 * @param paths, models, regions the priced history of the 28 days before the day and
	 * the day (and of the month so far)
	 * @param newSpenderUsd the first day's spend above which a new subject is flagged
	 */
	public static AlertsSection of(LocalDate day, History paths, History models, History regions,
			BudgetProperties budgets, BigDecimal newSpenderUsd) {
		List<Anomaly> anomalies = new ArrayList<>();
		anomalies.addAll(Anomalies.judgeAll("path", paths.byName(), day, paths.firstDays()));
		anomalies.addAll(Anomalies.judgeAll("model", models.byName(), day, models.firstDays()));
		List<NewSpender> newSpenders = new ArrayList<>();
		LocalDate earliest = models.firstDays().values().stream().min(LocalDate::compareTo).orElse(day);
		if (earliest.isBefore(day)) {
			// On the first day the job database holds, everything is new: nothing is
			// flagged.
			newSpenders(newSpenders, "path", paths, day, newSpenderUsd);
			newSpenders(newSpenders, "Region", regions, day, newSpenderUsd);
			newSpenders(newSpenders, "model", models, day, newSpenderUsd);
		}
		Map<LocalDate, BigDecimal> total = new TreeMap<>();
		models.byName().values().forEach((series) -> series.forEach((d, usd) -> total.merge(d, usd, BigDecimal::add)));
		int historyDays = (int) Math.min(Anomalies.BASELINE_DAYS, ChronoUnit.DAYS.between(earliest, day));
		return new AlertsSection(day, historyDays, anomalies, newSpenders,
				Forecast.monthToDate(total, day).setScale(2, RoundingMode.HALF_EVEN),
				Forecast.monthEnd(total, day).setScale(2, RoundingMode.HALF_EVEN), Forecast.METHOD,
				Forecast.budgets(budgets, paths.byName(), models.byName(), total, day));
	}

	private static void newSpenders(List<NewSpender> found, String kind, History history, LocalDate day,
			BigDecimal threshold) {
		history.byName().forEach((name, series) -> {
			BigDecimal spend = series.getOrDefault(day, BigDecimal.ZERO);
			if (day.equals(history.firstDays().get(name)) && spend.compareTo(threshold) >= 0) {
				found.add(new NewSpender(kind, name, spend.setScale(2, RoundingMode.HALF_EVEN)));
			}
		});
	}

}
