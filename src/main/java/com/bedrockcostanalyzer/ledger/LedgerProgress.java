package com.bedrockcostanalyzer.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * The report's "Savings progress": realized in the window and to date (measured), what is
 * still open (estimated, a month), and what was dismissed.
 */
public record LedgerProgress(BigDecimal realizedWindowUsd, BigDecimal realizedToDateUsd, int open,
		BigDecimal openEstimateMonthlyUsd, int actedOn, int dismissed, int gone, List<LedgerEntry> entries) {
}
