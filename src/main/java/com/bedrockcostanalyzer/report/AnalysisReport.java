package com.bedrockcostanalyzer.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.bedrockcostanalyzer.alerts.AlertsSection;
import com.bedrockcostanalyzer.ledger.LedgerProgress;
import com.bedrockcostanalyzer.lifecycle.ModelEnd;
import com.bedrockcostanalyzer.reconcile.LoggedSpend;
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
		Duplicates duplicates, List<ModelEnd> lifecycle, @Nullable DayOverDay dayOverDay,
		@Nullable AlertsSection alerts, @Nullable LedgerProgress savingsLedger, @Nullable Reconciliation reconciliation,
		@JsonIgnore List<Opportunity> allOpportunities, @JsonIgnore List<FocusExport.Row> focus) {

	/**
	 * Builds a report section by section: a new section is one component, one setter and
	 * one argument of {@link #build()}, not a copy of every field. The optional sections
	 * (the nightly job's day-over-day, the bill) stay null unless set.
	 */
	public static final class Builder {

		private @Nullable Tool tool;

		private @Nullable Instant generatedAt;

		private @Nullable Window window;

		private @Nullable List<Source> sources;

		private @Nullable String currency;

		private @Nullable PriceBookInfo priceBook;

		private @Nullable Adjustments adjustments;

		private @Nullable Totals totals;

		private @Nullable List<UsageRow> usage;

		private @Nullable List<Breakdown> byModel;

		private @Nullable List<Breakdown> byPath;

		private @Nullable List<TagBreakdown> byTag;

		private @Nullable List<DaySpend> dailySpend;

		private @Nullable List<WhatIf> whatIf;

		private @Nullable List<Unpriced> unpriced;

		private @Nullable Coverage coverage;

		private @Nullable Savings savings;

		private @Nullable List<Opportunity> opportunities;

		private @Nullable List<Opportunity> allOpportunities;

		private @Nullable Rejects rejects;

		private @Nullable Duplicates duplicates;

		private @Nullable List<ModelEnd> lifecycle;

		private @Nullable List<FocusExport.Row> focus;

		private @Nullable DayOverDay dayOverDay;

		private @Nullable AlertsSection alerts;

		private @Nullable LedgerProgress savingsLedger;

		private @Nullable Reconciliation reconciliation;

		/** What the report is of: the tool, the window, the sources and the prices. */
		public Builder about(Tool tool, Instant generatedAt, Window window, List<Source> sources, String currency,
				PriceBookInfo priceBook, Adjustments adjustments) {
			this.tool = tool;
			this.generatedAt = generatedAt;
			this.window = window;
			this.sources = sources;
			this.currency = currency;
			this.priceBook = priceBook;
			this.adjustments = adjustments;
			return this;
		}

		/** The priced usage and its breakdowns. */
		public Builder spend(Totals totals, List<UsageRow> usage, List<DaySpend> dailySpend, List<WhatIf> whatIf,
				List<Unpriced> unpriced, Coverage coverage) {
			this.totals = totals;
			this.usage = usage;
			this.dailySpend = dailySpend;
			this.whatIf = whatIf;
			this.unpriced = unpriced;
			this.coverage = coverage;
			return this;
		}

		/** Spend by model, by path and by each chosen profile tag. */
		public Builder breakdowns(List<Breakdown> byModel, List<Breakdown> byPath, List<TagBreakdown> byTag) {
			this.byModel = byModel;
			this.byPath = byPath;
			this.byTag = byTag;
			return this;
		}

		/**
		 * The headline and the opportunities shown, and every one found (for the CSV).
		 */
		public Builder savings(Savings savings, List<Opportunity> shown, List<Opportunity> all) {
			this.savings = savings;
			this.opportunities = shown;
			this.allOpportunities = all;
			return this;
		}

		/** What was rejected, and the copies counted once. */
		public Builder input(Rejects rejects, Duplicates duplicates) {
			this.rejects = rejects;
			this.duplicates = duplicates;
			return this;
		}

		/** The priced days, for the FOCUS export. */
		public Builder focus(List<FocusExport.Row> rows) {
			this.focus = rows;
			return this;
		}

		/** The models reaching their end of life, with the cost on their successors. */
		public Builder lifecycle(List<ModelEnd> section) {
			this.lifecycle = section;
			return this;
		}

		public Builder dayOverDay(DayOverDay section) {
			this.dayOverDay = section;
			return this;
		}

		/** The nightly day's anomalies, new spenders, budgets and forecast. */
		public Builder alerts(AlertsSection section) {
			this.alerts = section;
			return this;
		}

		/** The savings ledger: realized, open and dismissed proposals. */
		public Builder savingsLedger(LedgerProgress section) {
			this.savingsLedger = section;
			return this;
		}

		public Builder reconciliation(Reconciliation section) {
			this.reconciliation = section;
			return this;
		}

		/**
		 * @throws IllegalStateException when a section other than the optional ones is
		 * missing
		 */
		public AnalysisReport build() {
			return new AnalysisReport(required(this.tool), required(this.generatedAt), required(this.window),
					required(this.sources), required(this.currency), required(this.priceBook),
					required(this.adjustments), required(this.totals), required(this.usage), required(this.byModel),
					required(this.byPath), required(this.byTag), required(this.dailySpend), required(this.whatIf),
					required(this.unpriced), required(this.coverage), required(this.savings),
					required(this.opportunities), required(this.rejects), required(this.duplicates),
					required(this.lifecycle), this.dayOverDay, this.alerts, this.savingsLedger, this.reconciliation,
					required(this.allOpportunities), required(this.focus));
		}

		private static <T> T required(@Nullable T section) {
			if (section == null) {
				throw new IllegalStateException("a report section is missing");
			}
			return section;
		}

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
			@Nullable BigDecimal dayOverDayPercent, @Nullable BigDecimal weekOverWeekPercent, boolean flagged) {
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

	public record PriceBookInfo(String name, List<PriceFile> files, @Nullable LocalDate earliestEffectiveFrom,
			@Nullable LocalDate latestEffectiveFrom, List<String> sources) {
	}

	public record PriceFile(String file, String sha256, int rows) {
	}

	/**
	 * What was done to list prices: private-pricing discounts (percent off per model-id
	 * prefix; empty = all models), and the currency the human reports convert to at the
	 * user's rate. Money fields stay in USD.
	 */
	public record Adjustments(List<Discount> discounts, @Nullable DisplayCurrency displayCurrency) {
	}

	public record Discount(String family, BigDecimal percent) {
	}

	public record DisplayCurrency(String code, BigDecimal ratePerUsd, String rateSource) {
	}

	public record Totals(long requests, long errors, long inputTokens, long outputTokens, long cacheReadInputTokens,
			long cacheWriteInputTokens, long cacheWrite5mInputTokens, long cacheWrite1hInputTokens, BigDecimal cost,
			BigDecimal listCost, @Nullable BigDecimal displayCost, long unpricedRequests) {
	}

	/**
	 * @param tags the chosen tags of the application inference profile the calls went
	 * through, in the chosen order; empty for calls without one
	 */
	public record UsageRow(String model, String scope, String region, String tier, String context, String path,
			Map<String, String> tags, long requests, long errors, long streamingRequests, long truncatedRequests,
			long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens,
			long cacheWrite5mInputTokens, long cacheWrite1hInputTokens, @Nullable BigDecimal cost,
			@Nullable BigDecimal listCost, @Nullable String unpricedReason, CostByMode costByMode) {
	}

	/**
	 * The same tokens at each tier's rates, after discount; null where the model does not
	 * offer the tier.
	 */
	public record CostByMode(@Nullable BigDecimal onDemand, @Nullable BigDecimal batch, @Nullable BigDecimal flex,
			@Nullable BigDecimal priority) {
	}

	public record Breakdown(String name, long requests, long inputTokens, long outputTokens, long cacheReadInputTokens,
			long cacheWriteInputTokens, BigDecimal cost, boolean partlyUnpriced) {
	}

	/**
	 * Spend per value of one application-inference-profile tag (team, cost centre);
	 * traffic without the tag is under {@link #UNTAGGED}.
	 */
	public record TagBreakdown(String tag, List<Breakdown> values) {

		public static final String UNTAGGED = LoggedSpend.UNTAGGED;

	}

	/** Spend of one model on one day, after discount (priced usage only). */
	public record DaySpend(LocalDate day, String model, BigDecimal cost) {
	}

	/**
	 * One model's whole usage bought each way: as billed, and the same tokens on demand,
	 * on batch, flex and priority, and through the global profile; null where the model
	 * does not offer that way for some of the usage.
	 */
	public record WhatIf(String model, @Nullable BigDecimal actual, @Nullable BigDecimal onDemand,
			@Nullable BigDecimal batch, @Nullable BigDecimal flex, @Nullable BigDecimal priority,
			@Nullable BigDecimal global) {
	}

	public record Unpriced(String model, String scope, String region, String tier, @Nullable String reason,
			long requests, long inputTokens, long outputTokens) {
	}

	/**
	 * How much of the window the price book covers: requests and tokens (all five kinds)
	 * left unpriced and their share in percent, the date of the book's newest price and
	 * how many days it is older than the window's last day (0 when newer), and what to do
	 * when something is unpriced (null when nothing is).
	 */
	public record Coverage(long unpricedRequests, BigDecimal unpricedRequestsPercent, long unpricedTokens,
			BigDecimal unpricedTokensPercent, @Nullable LocalDate priceBookDate, long priceBookAgeDays,
			@Nullable String advice) {

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
