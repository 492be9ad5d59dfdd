package com.bedrockcostanalyzer.lifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One model with traffic in the window and an end of life (or a public extended access
 * period, when prices may rise) within {@value LifecycleList#NOTICE_DAYS} days of the
 * run: what the window's traffic on it costs a month, and what the same traffic would
 * cost on the successor, at today's prices and, where the successor counts tokens
 * differently, at both ends of the published tokenizer factor.
 *
 * @param state {@code end of life}, {@code extended access}, {@code legacy} or
 * {@code active} on the run's day
 * @param daysToEndOfLife from the run's day; negative once passed; null when no end of
 * life is announced
 * @param monthlyUsd the model's traffic in the window, scaled to a month; null when some
 * of it is unpriced
 * @param paths the paths that call it, most expensive first
 * @param successorMonthlyUsd the same traffic on the successor at the low end of the
 * factor; null when there is no successor or it is not priced for all of it
 * @param successorMonthlyHighUsd at the high end; equal to the low end when the factor is
 * one number
 * @param tokenizerFactor tokens on the successor per token now, "1.0-1.35"; null when not
 * documented
 * @param firstNotice whether this nightly run is the first to name the model and date
 * @param note what the figures leave out, or null
 */
public record ModelEnd(String model, String state, @Nullable LocalDate legacyDate,
		@Nullable LocalDate extendedAccessDate, @Nullable LocalDate endOfLife, @Nullable Long daysToEndOfLife,
		@Nullable BigDecimal monthlyUsd, List<String> paths, @Nullable String successor,
		@Nullable BigDecimal successorMonthlyUsd, @Nullable BigDecimal successorMonthlyHighUsd,
		@Nullable String tokenizerFactor, boolean firstNotice, @Nullable String note) {

	ModelEnd noticedFirst() {
		return new ModelEnd(this.model, this.state, this.legacyDate, this.extendedAccessDate, this.endOfLife,
				this.daysToEndOfLife, this.monthlyUsd, this.paths, this.successor, this.successorMonthlyUsd,
				this.successorMonthlyHighUsd, this.tokenizerFactor, true, this.note);
	}

}
