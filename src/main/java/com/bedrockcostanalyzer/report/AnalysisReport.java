package com.bedrockcostanalyzer.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.bedrockcostanalyzer.reconcile.Reconciliation;
import com.bedrockcostanalyzer.savings.Opportunity;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Everything a report says, its field names those of {@code report.json}, which other
 * tools read. Money is BigDecimal USD; {@code cost} is after any private-pricing discount
 * and {@code listCost} before it; a null cost means "not priced", never zero.
 */
public record AnalysisReport(Tool tool, Instant generatedAt, Window window, List<Source> sources, String currency,
		PriceBookInfo priceBook, Adjustments adjustments, Totals totals, List<UsageRow> usage, List<Breakdown> byModel,
		List<Breakdown> byPath, List<TagBreakdown> byTag, List<DaySpend> dailySpend, List<WhatIf> whatIf,
		List<Unpriced> unpriced, Coverage coverage, Savings savings, List<Opportunity> opportunities, Rejects rejects,
		Duplicates duplicates, DayOverDay dayOverDay, Reconciliation reconciliation,
		@JsonIgnore List<Opportunity> allOpportunities) {

	/** The same report with the nightly job's day-over-day section. */
	public AnalysisReport withDayOverDay(DayOverDay section) {
		return new AnalysisReport(this.tool, this.generatedAt, this.window, this.sources, this.currency, this.priceBook,
				this.adjustments, this.totals, this.usage, this.byModel, this.byPath, this.byTag, this.dailySpend,
				this.whatIf, this.unpriced, this.coverage, this.savings, this.opportunities, this.rejects,
				this.duplicates, section, this.reconciliation, this.allOpportunities);
	}

	/** The same report with the bill set beside it. */
	public AnalysisReport withReconciliation(Reconciliation section) {
		return new AnalysisReport(this.tool, this.generatedAt, this.window, this.sources, this.currency, this.priceBook,
				this.adjustments, this.totals, this.usage, this.byModel, this.byPath, this.byTag, this.dailySpend,
				this.whatIf, this.unpriced, this.coverage, this.savings, this.opportunities, this.rejects,
				this.duplicates, this.dayOverDay, section, this.allOpportunities);
	}

	/**
	 * One day's spend against the day and the week before, per model and per path (after
	 * discount), with a flag where it rose by {@code jumpPercent} or more over the day
	 * before, or appeared from nothing, at a dollar or more.
	 */
	public record DayOverDay(LocalDate day, int jumpPercent, List<SpendChange> byModel, List<SpendChange> byPath,
			List<SpendChange> flagged) {
	}

	/** Changes in percent, null when the earlier day had no spend. */
	public record SpendChange(String kind, String name, BigDecimal spend, BigDecimal dayBefore, BigDecimal weekBefore,
			BigDecimal dayOverDayPercent, BigDecimal weekOverWeekPercent, boolean flagged) {
	}

	public record Tool(String name, String version) {
	}

	/**
	 * {@code to} is exclusive: the window is {@code [from, to)} on each record's UTC
	 * timestamp.
	 */
	public record Window(LocalDate from, LocalDate to) {
	}

	public record Source(String name, long unitsRead, List<Note> notes) {
	}

	public record Note(String location, String note) {
	}

	public record PriceBookInfo(String name, List<PriceFile> files, LocalDate earliestEffectiveFrom,
			LocalDate latestEffectiveFrom, List<String> sources) {
	}

	public record PriceFile(String file, String sha256, int rows) {
	}

	/**
	 * What was done to list prices: private-pricing discounts (percent off per model-id
	 * prefix; empty = all models), and the currency the human reports convert to at the
	 * user's rate. Money fields stay in USD.
	 */
	public record Adjustments(List<Discount> discounts, DisplayCurrency displayCurrency) {
	}

	public record Discount(String family, BigDecimal percent) {
	}

	public record DisplayCurrency(String code, BigDecimal ratePerUsd, String rateSource) {
	}

	public record Totals(long requests, long errors, long inputTokens, long outputTokens, long cacheReadInputTokens,
			long cacheWriteInputTokens, long cacheWrite5mInputTokens, long cacheWrite1hInputTokens, BigDecimal cost,
			BigDecimal listCost, BigDecimal displayCost, long unpricedRequests) {
	}

	/**
	 * @param tags the chosen tags of the application inference profile the calls went
	 * through, in the chosen order; empty for calls without one
	 */
	public record UsageRow(String model, String scope, String region, String tier, String context, String path,
			Map<String, String> tags, long requests, long errors, long streamingRequests, long truncatedRequests,
			long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens,
			long cacheWrite5mInputTokens, long cacheWrite1hInputTokens, BigDecimal cost, BigDecimal listCost,
			String unpricedReason, CostByMode costByMode) {
	}

	/**
	 * The same tokens at each tier's rates, after discount; null where the model does not
	 * offer the tier.
	 */
	public record CostByMode(BigDecimal onDemand, BigDecimal batch, BigDecimal flex, BigDecimal priority) {
	}

	public record Breakdown(String name, long requests, long inputTokens, long outputTokens, long cacheReadInputTokens,
			long cacheWriteInputTokens, BigDecimal cost, boolean partlyUnpriced) {
	}

	/**
	 * Spend per value of one application-inference-profile tag (team, cost centre);
	 * traffic without the tag is under {@link #UNTAGGED}.
	 */
	public record TagBreakdown(String tag, List<Breakdown> values) {

		public static final String UNTAGGED = "(untagged)";

	}

	/** Spend of one model on one day, after discount (priced usage only). */
	public record DaySpend(LocalDate day, String model, BigDecimal cost) {
	}

	/**
	 * One model's whole usage bought each way: as billed, and the same tokens on demand,
	 * on batch, flex and priority, and through the global profile; null where the model
	 * does not offer that way for some of the usage.
	 */
	public record WhatIf(String model, BigDecimal actual, BigDecimal onDemand, BigDecimal batch, BigDecimal flex,
			BigDecimal priority, BigDecimal global) {
	}

	public record Unpriced(String model, String scope, String region, String tier, String reason, long requests,
			long inputTokens, long outputTokens) {
	}

	/**
	 * How much of the window the price book covers: requests and tokens (all five kinds)
	 * left unpriced and their share in percent, the date of the book's newest price and
	 * how many days it is older than the window's last day (0 when newer), and what to do
	 * when something is unpriced (null when nothing is).
	 */
	public record Coverage(long unpricedRequests, BigDecimal unpricedRequestsPercent, long unpricedTokens,
			BigDecimal unpricedTokensPercent, LocalDate priceBookDate, long priceBookAgeDays, String advice) {

		public boolean complete() {
			return this.unpricedRequests == 0 && this.unpricedTokens == 0;
		}

	}

	/**
	 * The headline of the opportunities: monthly savings counted once per path (the best
	 * of the ways to buy the same traffic), above the threshold; how many smaller ones
	 * were folded away (all are in opportunities.csv).
	 */
	public record Savings(BigDecimal potentialMonthlySavings, BigDecimal thresholdUsd, long foldedBelowThreshold,
			long needingInput) {
	}

	public record Rejects(long count, Map<String, Long> byReason, List<RejectSample> samples) {
	}

	public record RejectSample(String location, String reason) {
	}

	/**
	 * Copies of invocations left out: the same {@code requestId} delivered by more than
	 * one input (a copied file, S3 and CloudWatch Logs both given) or logged twice in
	 * one, counted once.
	 *
	 * @param from the inputs holding copies, most copies first, with where each was
	 * counted (which may be a source outside this report: it was counted there, by an
	 * earlier run)
	 */
	public record Duplicates(long dropped, List<DuplicateSource> from) {
	}

	public record DuplicateSource(String location, String countedFrom, String countedFromSource, long dropped) {
	}

}
