package com.bedrockcostanalyzer.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.bedrockcostanalyzer.alerts.AlertsSection;
import com.bedrockcostanalyzer.alerts.Anomaly;
import com.bedrockcostanalyzer.alerts.BudgetStatus;
import com.bedrockcostanalyzer.alerts.NewSpender;
import com.bedrockcostanalyzer.alerts.Notice;
import com.bedrockcostanalyzer.lifecycle.ModelEnd;
import com.bedrockcostanalyzer.reconcile.Reconciliation;

/**
 * What of a report is worth telling people, as notices: the day's jumps and new spend,
 * anomalies, new spenders, budgets passed or forecast to be, a model's end of life named
 * the first time, models newly unpriced, and with a bill the days logging stopped and the
 * largest unexplained amounts. Each with its figure and the action; names cleaned of
 * control characters here and escaped per channel when sent.
 */
public final class ReportNotices {

	private static final int LARGEST_GAPS = 3;

	private ReportNotices() {
	}

	public static List<Notice> of(AnalysisReport report) {
		List<Notice> notices = new ArrayList<>();
		AnalysisReport.DayOverDay trend = report.dayOverDay();
		LocalDate reportDay = (trend != null) ? trend.day() : report.window().to().minusDays(1);
		if (trend != null) {
			for (AnalysisReport.SpendChange change : trend.flagged()) {
				String name = SafeText.plain(change.name());
				notices.add(new Notice("jump|" + trend.day() + "|" + change.kind() + "|" + change.name(), trend.day(),
						"jump",
						((change.dayOverDayPercent() == null) ? "New spend: " : "Jump: ") + change.kind() + " " + name
								+ " spent " + MarkdownReport.usd(change.spend()) + " on " + trend.day()
								+ ((change.dayOverDayPercent() == null) ? ", nothing the day before"
										: " (" + MarkdownReport.signed(change.dayOverDayPercent()) + " on "
												+ MarkdownReport.usd(change.dayBefore()) + " the day before)")
								+ ". See which models and callers grew in the report's day-over-day tables."));
			}
		}
		AlertsSection alerts = report.alerts();
		if (alerts != null) {
			alerts.anomalies().forEach((a) -> notices.add(anomaly(alerts.day(), a)));
			for (NewSpender spender : alerts.newSpenders()) {
				notices.add(new Notice("new|" + spender.kind() + "|" + spender.name(), alerts.day(), "new-spender",
						"New spender: " + spender.kind() + " " + SafeText.plain(spender.name()) + " spent "
								+ MarkdownReport.usd(spender.spend()) + " on its first day, " + alerts.day()
								+ ". If nobody expected it, check whose credentials are calling Bedrock: stolen keys "
								+ "are used for other people's inference."));
			}
			YearMonth month = YearMonth.from(alerts.day());
			for (BudgetStatus budget : alerts.budgets()) {
				if (budget.status().equals(BudgetStatus.WITHIN)) {
					continue;
				}
				String subject = budget.scope().equals("total") ? "Total spend"
						: budget.scope() + " " + SafeText.plain(budget.name());
				String message = budget.status().equals(BudgetStatus.EXCEEDED)
						? "Budget passed: " + subject + " has spent " + MarkdownReport.usd(budget.monthToDateUsd())
								+ " in " + month + ", over its " + MarkdownReport.usd(budget.budgetUsd())
								+ " budget (forecast " + MarkdownReport.usd(budget.forecastUsd()) + " by month end)."
						: "Budget forecast: " + subject + " is forecast to spend "
								+ MarkdownReport.usd(budget.forecastUsd()) + " in " + month + ", over its "
								+ MarkdownReport.usd(budget.budgetUsd()) + " budget ("
								+ MarkdownReport.usd(budget.monthToDateUsd()) + " so far).";
				notices.add(new Notice(
						"budget|" + month + "|" + budget.scope() + "|" + budget.name() + "|" + budget.status(),
						alerts.day(), "budget", message));
			}
		}
		for (ModelEnd end : report.lifecycle()) {
			if (end.firstNotice()) {
				notices.add(new Notice("eol|" + end.model() + "|" + end.endOfLife(), reportDay, "end-of-life",
						RunSummary.endOfLifeLine(end) + ". Test the successor and move before the date."));
			}
		}
		for (AnalysisReport.Unpriced unpriced : report.unpriced()) {
			notices.add(new Notice("unpriced|"
					+ unpriced.model() + "|" + unpriced.region() + "|" + unpriced.scope() + "|" + unpriced.tier(),
					reportDay, "unpriced",
					"Not priced: " + SafeText.plain(unpriced.model()) + " (" + unpriced.scope() + ", "
							+ SafeText.plain(unpriced.region()) + ", " + unpriced.tier() + "), " + unpriced.requests()
							+ " requests left out of the spend. Add its price ('prices update', or a --prices file)."));
		}
		Reconciliation bill = report.reconciliation();
		if (bill != null) {
			for (Reconciliation.LoggingStop stop : bill.coverage().loggingStopped()) {
				notices.add(new Notice("logging-stopped|" + stop.day() + "|" + stop.region(), stop.day(), "bill",
						"Logging stopped? " + SafeText.plain(stop.region()) + " was billed "
								+ MarkdownReport.usd(stop.billedUsd()) + " of tokens on " + stop.day()
								+ " with none logged, after logging earlier in the window. Check the invocation "
								+ "logging configuration of that Region."));
			}
			bill.coverage()
				.gaps()
				.stream()
				.limit(LARGEST_GAPS)
				.forEach((gap) -> notices.add(new Notice(
						"bill-gap|" + report.window().from() + "|" + report.window().to() + "|" + gap.kind() + "|"
								+ gap.name(),
						reportDay, "bill",
						"Bill not explained by the logs: " + gap.kind() + " " + SafeText.plain(gap.name()) + ", "
								+ MarkdownReport.usd(gap.usd()) + ". " + SafeText.plain(gap.action()))));
		}
		return notices;
	}

	private static Notice anomaly(LocalDate day, Anomaly a) {
		String name = SafeText.plain(a.name());
		String message = a.shape().equals("climb")
				? "Climbing: " + a.kind() + " " + name + " spent " + MarkdownReport.usd(a.spend())
						+ " in the 7 days to " + day + ", at least " + a.score().toPlainString()
						+ "% more each week for three weeks (" + MarkdownReport.usd(a.usual())
						+ " in the week three weeks before). Check whether the growth is planned."
				: "Anomaly: " + a.kind() + " " + name + " spent " + MarkdownReport.usd(a.spend()) + " on " + day
						+ ", a " + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
						+ ", against a usual " + MarkdownReport.usd(a.usual()) + " (" + a.score().abs().toPlainString()
						+ " spreads " + (a.shape().equals("spike") ? "above" : "below")
						+ ", from its last four weeks). " + (a.shape().equals("spike")
								? "See what changed in the report." : "Check the calls, or their logging, stopped.");
		return new Notice("anomaly|" + day + "|" + a.kind() + "|" + a.name(), day, "anomaly", message);
	}

}
