package com.bedrockcostanalyzer.alerts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The nightly report's alerts: the day judged against each path's and model's own
 * history, the new spenders, and the budgets against the month so far and the forecast.
 *
 * @param historyDays days of stored history before the day (anomalies need
 * {@value Anomalies#BASELINE_DAYS})
 * @param forecastUsd the month-end forecast of the whole spend
 */
public record AlertsSection(LocalDate day, int historyDays, List<Anomaly> anomalies, List<NewSpender> newSpenders,
		BigDecimal monthToDateUsd, BigDecimal forecastUsd, String forecastMethod, List<BudgetStatus> budgets) {
}
