package com.bedrockcostanalyzer.alerts;

import java.math.BigDecimal;

/**
 * One budget against the month so far and the month-end forecast.
 *
 * @param scope {@code total}, {@code path} or {@code model}
 * @param name the path or model; empty for the total
 * @param status {@code exceeded} (the month so far is over the budget), {@code forecast}
 * (the forecast is over it) or {@code within}
 */
public record BudgetStatus(String scope, String name, BigDecimal budgetUsd, BigDecimal monthToDateUsd,
		BigDecimal forecastUsd, String status) {

	public static final String EXCEEDED = "exceeded";

	public static final String FORECAST = "forecast";

	public static final String WITHIN = "within";

}
