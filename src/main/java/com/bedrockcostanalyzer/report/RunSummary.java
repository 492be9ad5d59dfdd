package com.bedrockcostanalyzer.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.bedrockcostanalyzer.alerts.AlertsSection;
import com.bedrockcostanalyzer.alerts.BudgetStatus;
import com.bedrockcostanalyzer.lifecycle.ModelEnd;
import com.bedrockcostanalyzer.reconcile.Reconciliation;
import com.bedrockcostanalyzer.savings.Opportunity;

/**
 * The lines the end of a run prints about its report: the savings, the top one, flagged
 * jumps, the bill. No text from the logs.
 */
public final class RunSummary {

	private RunSummary() {
	}

	/**
	 * The headline savings, and where the smaller ones went: a run whose savings are all
	 * under the threshold would otherwise print $0.00 as if nothing had been found.
	 */
	public static String savings(AnalysisReport report) {
		var savings = report.savings();
		String folded = (savings.foldedBelowThreshold() == 0) ? "" : "; " + savings.foldedBelowThreshold() + " under $"
				+ MarkdownReport.twoDecimals(savings.thresholdUsd()) + " a month are only in opportunities.csv";
		return "Potential savings: $" + MarkdownReport.twoDecimals(savings.potentialMonthlySavings())
				+ " a month (see the report" + folded + ")";
	}

	/**
	 * An amount as the console shows money: two decimals, thousands grouped
	 * ({@code 3,898.73}).
	 */
	public static String dollars(BigDecimal amount) {
		return MarkdownReport.twoDecimals(amount);
	}

	/**
	 * What the run left unpriced and what to do about it, or null when the price book
	 * covered everything.
	 */
	public static @Nullable String coverage(AnalysisReport report) {
		var coverage = report.coverage();
		if (coverage.complete()) {
			return null;
		}
		return "Not priced: " + coverage.unpricedTokensPercent().toPlainString() + "% of tokens, "
				+ coverage.unpricedRequestsPercent().toPlainString() + "% of requests; to price them, "
				+ SafeText.plain(coverage.advice());
	}

	/**
	 * How many copies of invocations were left out and where the most were, or null when
	 * there were none.
	 */
	public static @Nullable String duplicates(AnalysisReport report) {
		var duplicates = report.duplicates();
		if (duplicates.dropped() == 0) {
			return null;
		}
		var top = duplicates.from().get(0);
		return "Counted once: " + duplicates.dropped() + " copies of invocations already counted were left out"
				+ " (most from " + SafeText.plain(top.location()) + ", counted from "
				+ SafeText.plain(top.countedFrom()) + "); the report lists them.";
	}

	/** The largest saving shown in the report, or null. */
	public static @Nullable String topSaving(AnalysisReport report) {
		if (report.opportunities().isEmpty() || report.opportunities().get(0).savings() == null) {
			return null;
		}
		Opportunity top = report.opportunities().get(0);
		return top.type() + " on " + SafeText.plain(top.model())
				+ (top.path() == null ? "" : " / " + SafeText.plain(top.path())) + ": $"
				+ MarkdownReport.twoDecimals(top.savings()) + " a month";
	}

	/** One line per flagged jump of the day-over-day section. */
	public static List<String> flags(AnalysisReport report) {
		AnalysisReport.DayOverDay section = report.dayOverDay();
		if (section == null) {
			return List.of();
		}
		List<String> flags = new ArrayList<>(section.flagged().stream().map(RunSummary::flag).toList());
		AlertsSection alerts = report.alerts();
		if (alerts != null) {
			alerts.anomalies()
				.forEach((a) -> flags.add(a.shape() + ": " + a.kind() + " " + SafeText.plain(a.name()) + " "
						+ MarkdownReport.usd(a.spend()) + " against a usual " + MarkdownReport.usd(a.usual())));
			alerts.newSpenders()
				.forEach((n) -> flags.add("new spender: " + n.kind() + " " + SafeText.plain(n.name()) + " "
						+ MarkdownReport.usd(n.spend()) + " on its first day"));
			alerts.budgets()
				.stream()
				.filter((b) -> !b.status().equals(BudgetStatus.WITHIN))
				.forEach((b) -> flags.add("budget " + b.status() + ": "
						+ (b.scope().equals("total") ? "total" : b.scope() + " " + SafeText.plain(b.name())) + " "
						+ MarkdownReport.usd(b.monthToDateUsd()) + " so far, forecast "
						+ MarkdownReport.usd(b.forecastUsd()) + ", budget " + MarkdownReport.usd(b.budgetUsd())));
		}
		// Named once, the first night the date is near.
		report.lifecycle().stream().filter(ModelEnd::firstNotice).forEach((end) -> flags.add(endOfLifeLine(end)));
		Reconciliation bill = report.reconciliation();
		if (bill != null) {
			// The nightly job with a bill: a Region whose logging stopped on the day.
			bill.coverage()
				.loggingStopped()
				.stream()
				.filter((stop) -> stop.day().equals(section.day()))
				.forEach((stop) -> flags.add("logging stopped? " + SafeText.plain(stop.region()) + " was billed $"
						+ MarkdownReport.twoDecimals(stop.billedUsd()) + " of tokens on " + stop.day()
						+ " with none logged, after logging earlier in the window"));
		}
		return flags;
	}

	/** The bill against the logs in a line, or null without a CUR. */
	public static @Nullable String bill(AnalysisReport report) {
		if (report.reconciliation() == null) {
			return null;
		}
		var totals = report.reconciliation().totals();
		var coverage = report.reconciliation().coverage();
		return "Bill: $" + MarkdownReport.twoDecimals(totals.billedUsd()) + " of Bedrock usage"
				+ (coverage.percent() == null ? ""
						: ", " + coverage.percent().toPlainString() + "% explained by the logs")
				+ ", $" + MarkdownReport.twoDecimals(totals.billedTokenUsd()) + " of it per token, against $"
				+ MarkdownReport.twoDecimals(totals.pricedUsd()) + " priced from the logs: difference $"
				+ MarkdownReport.twoDecimals(totals.deltaUsd()) + " (the report says where)";
	}

	/** A model's end of life in a line: the date, its cost now and on the successor. */
	static String endOfLifeLine(ModelEnd end) {
		BigDecimal low = end.successorMonthlyUsd();
		BigDecimal high = end.successorMonthlyHighUsd();
		String successor = (end.successor() == null) ? "no successor in the models file" : "on "
				+ SafeText.plain(end.successor()) + " "
				+ ((low == null || high == null) ? "it is not priced"
						: "it would cost " + MarkdownReport.usd(low) + (low.equals(high) ? "" : " to "
								+ MarkdownReport.usd(high) + " (tokenizer factor " + end.tokenizerFactor() + ")"));
		Long days = end.daysToEndOfLife();
		return "end of life: " + SafeText.plain(end.model()) + " on " + end.endOfLife()
				+ ((days == null) ? "" : (days >= 0) ? " (in " + days + " days)" : " (passed)") + ", "
				+ MarkdownReport.usd(end.monthlyUsd()) + " a month on it now; " + successor;
	}

	private static String flag(AnalysisReport.SpendChange change) {
		return change.kind() + " " + SafeText.plain(change.name()) + ": $" + MarkdownReport.twoDecimals(change.spend())
				+ (change.dayOverDayPercent() == null ? " (nothing the day before)"
						: " (" + MarkdownReport.signed(change.dayOverDayPercent()) + " on $"
								+ MarkdownReport.twoDecimals(change.dayBefore()) + " the day before)");
	}

}
