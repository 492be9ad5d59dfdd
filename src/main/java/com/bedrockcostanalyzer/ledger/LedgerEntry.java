package com.bedrockcostanalyzer.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One proposal in the ledger, as the report shows it.
 *
 * @param status {@code open}, {@code acted-on}, {@code gone} (its traffic stopped) or
 * {@code dismissed}
 * @param estimateMonthlyUsd the latest estimate, a month (estimated)
 * @param changeDay the first day the change was seen in the traffic
 * @param baselineCostPerRequestUsd what a request of the path cost in the 28 days before
 * the change (the baseline)
 * @param realizedWindowUsd savings realized in the report's window, measured from the
 * traffic after the change
 * @param realizedToDateUsd the same since the change, over everything measured
 */
public record LedgerEntry(long id, String type, String model, String path, @Nullable String target, String status,
		LocalDate firstSeen, LocalDate lastSeen, BigDecimal estimateMonthlyUsd, @Nullable String reason,
		@Nullable LocalDate changeDay, @Nullable LocalDate baselineFrom, @Nullable Long baselineRequests,
		@Nullable BigDecimal baselineCostUsd, @Nullable BigDecimal baselineCostPerRequestUsd,
		BigDecimal realizedWindowUsd, BigDecimal realizedToDateUsd, String realizedIs) {

	public static final String OPEN = "open";

	public static final String ACTED_ON = "acted-on";

	public static final String GONE = "gone";

	public static final String DISMISSED = "dismissed";

}
