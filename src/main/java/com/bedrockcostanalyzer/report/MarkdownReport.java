package com.bedrockcostanalyzer.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.bedrockcostanalyzer.alerts.AlertsSection;
import com.bedrockcostanalyzer.alerts.Anomalies;
import com.bedrockcostanalyzer.alerts.BudgetStatus;
import com.bedrockcostanalyzer.ledger.LedgerEntry;
import com.bedrockcostanalyzer.ledger.LedgerProgress;
import com.bedrockcostanalyzer.lifecycle.ModelEnd;
import com.bedrockcostanalyzer.reconcile.Reconciliation;
import com.bedrockcostanalyzer.report.AnalysisReport.Breakdown;
import com.bedrockcostanalyzer.report.AnalysisReport.UsageRow;
import com.bedrockcostanalyzer.savings.Opportunity;

/**
 * The report as Markdown, for chat and pull requests. Every value from the logs goes
 * through {@link SafeText}.
 */
final class MarkdownReport {

	private static final int MAX_USAGE_ROWS = 100;

	private final AnalysisReport report;

	private final StringBuilder out = new StringBuilder();

	MarkdownReport(AnalysisReport report) {
		this.report = report;
	}

	String render() {
		var totals = this.report.totals();
		line("# Amazon Bedrock cost report");
		line("");
		line("Window: **" + this.report.window().from() + "** to **" + this.report.window().to()
				+ "** (end excluded, UTC).  ");
		var adjustments = this.report.adjustments();
		line("Spend: **" + usd(totals.cost()) + "**" + converted(totals.displayCost()) + " on "
				+ count(totals.requests()) + " requests (" + count(totals.errors())
				+ " failed requests, not billed).  ");
		if (!adjustments.discounts().isEmpty()) {
			line("At list prices: " + usd(totals.listCost()) + "; discounts applied: "
					+ String.join(", ",
							adjustments.discounts()
								.stream()
								.map((d) -> d.percent().toPlainString() + "% on "
										+ (d.family().isEmpty() ? "all models" : cell(d.family())))
								.toList())
					+ ".  ");
		}
		if (adjustments.displayCurrency() != null) {
			line("Converted at " + adjustments.displayCurrency().ratePerUsd().toPlainString() + " "
					+ adjustments.displayCurrency().code() + " per USD (" + adjustments.displayCurrency().rateSource()
					+ "); Bedrock bills in USD.  ");
		}
		var coverage = this.report.coverage();
		if (!coverage.complete()) {
			line("**Not priced: " + coverage.unpricedTokensPercent().toPlainString() + "% of tokens and "
					+ coverage.unpricedRequestsPercent().toPlainString() + "% of requests** ("
					+ count(coverage.unpricedRequests())
					+ " requests on models, Regions or modes missing from the price"
					+ " book; see below); the spend and savings above leave them out. To price them: "
					+ cell(coverage.advice()) + ".  ");
		}
		if (this.report.rejects().count() > 0) {
			line("Rejected input: " + count(this.report.rejects().count())
					+ " lines or files could not be counted (see Rejected input).  ");
		}
		var savings = this.report.savings();
		line("Potential savings: **" + usd(savings.potentialMonthlySavings()) + " a month** from "
				+ this.report.opportunities().stream().filter((o) -> o.savings() != null).count()
				+ " opportunities (each path's traffic counted once; " + savings.foldedBelowThreshold() + " under "
				+ usd(savings.thresholdUsd()) + " a month are in opportunities.csv).  ");
		line("Price book: " + cell(this.report.priceBook().name()) + ", effective dates "
				+ this.report.priceBook().earliestEffectiveFrom() + " to "
				+ this.report.priceBook().latestEffectiveFrom()
				+ (coverage.priceBookAgeDays() > 0
						? " (newest price " + coverage.priceBookAgeDays() + " days older than the window's last day)"
						: "")
				+ ".");
		line("");
		line("Tokens: " + count(totals.inputTokens()) + " uncached input, " + count(totals.cacheReadInputTokens())
				+ " cache read, " + count(totals.cacheWriteInputTokens()) + " cache write ("
				+ count(totals.cacheWrite1hInputTokens()) + " of them 1-hour), " + count(totals.outputTokens())
				+ " output.");
		line("");
		dayOverDay();
		alerts();
		reconciliation();
		opportunities();
		savingsProgress();
		lifecycle();
		breakdown("Spend by model", "Model", this.report.byModel());
		breakdown("Spend by path", "Path", this.report.byPath());
		for (AnalysisReport.TagBreakdown tag : this.report.byTag()) {
			breakdown("Spend by profile tag " + cell(tag.tag()), cell(tag.tag()), tag.values());
		}
		daily();
		whatIf();
		usage();
		unpriced();
		rejects();
		duplicates();
		sources();
		return this.out.toString();
	}

	private void opportunities() {
		line("## Savings opportunities");
		line("");
		var estimated = this.report.opportunities().stream().filter((o) -> o.savings() != null).toList();
		if (estimated.isEmpty()) {
			line("None above the threshold in this window.");
			line("");
		}
		else {
			line("Monthly figures, scaled from the window. A saving in *italics* overlaps a bigger one on the same "
					+ "traffic and is not added to the headline.");
			line("");
			line("| # | Type | Model | Path | Now / month | After / month | Saving / month | Confidence |");
			line("|---:|---|---|---|---:|---:|---:|---|");
			int n = 1;
			for (Opportunity o : estimated) {
				String saving = usd(o.savings());
				line("| " + n++ + " | " + o.type() + " | " + cell(o.model()) + " | " + cell(o.path()) + " | "
						+ usd(o.currentCost()) + " | " + usd(o.projectedCost()) + " | "
						+ (o.countedInHeadline() ? saving : "*" + saving + "*") + " | " + o.confidence() + " |");
			}
			line("");
			n = 1;
			for (Opportunity o : estimated) {
				line(n++ + ". **" + o.type() + "**, " + cell(o.model()) + " on " + cell(o.path()) + ": "
						+ cell(o.action()));
				line("   Evidence: " + evidence(o));
			}
			line("");
		}
		var needing = this.report.opportunities().stream().filter((o) -> o.savings() == null).toList();
		if (!needing.isEmpty()) {
			line("### Findings without a saving estimate");
			line("");
			for (Opportunity o : needing) {
				line("- **" + o.type() + "**, " + cell(o.model()) + " on " + cell(o.path()) + ": " + cell(o.action()));
				line("  Evidence: " + evidence(o));
			}
			line("");
		}
	}

	private static String evidence(Opportunity o) {
		return String.join(", ",
				o.evidence().entrySet().stream().map((e) -> cell(e.getKey() + " " + e.getValue())).toList()) + ".";
	}

	private void breakdown(String title, String what, List<Breakdown> rows) {
		line("## " + title);
		line("");
		line("| " + what + " | Requests | Input tokens | Cache read | Cache write | Output tokens | Spend |");
		line("|---|---:|---:|---:|---:|---:|---:|");
		for (Breakdown row : rows) {
			line("| " + cell(row.name()) + " | " + count(row.requests()) + " | " + count(row.inputTokens()) + " | "
					+ count(row.cacheReadInputTokens()) + " | " + count(row.cacheWriteInputTokens()) + " | "
					+ count(row.outputTokens()) + " | " + spend(row) + " |");
		}
		line("");
	}

	private static String spend(Breakdown row) {
		if (!row.partlyUnpriced()) {
			return usd(row.cost());
		}
		return row.cost().signum() == 0 ? "unpriced" : usd(row.cost()) + " + unpriced";
	}

	private void dayOverDay() {
		AnalysisReport.DayOverDay section = this.report.dayOverDay();
		if (section == null) {
			return;
		}
		line("## " + section.day() + " against the day and the week before");
		line("");
		if (section.flagged().isEmpty()) {
			line("Nothing flagged: no path or model rose by " + section.jumpPercent()
					+ "% or more over the day before.");
		}
		else {
			line("**Flagged** (up " + section.jumpPercent()
					+ "% or more on the day before, or new, at $1 a day or more):");
			line("");
			section.flagged()
				.forEach((c) -> line("- " + c.kind() + " " + cell(c.name()) + ": " + usd(c.spend())
						+ (c.dayOverDayPercent() == null ? ", nothing the day before"
								: ", " + signed(c.dayOverDayPercent()) + " on " + usd(c.dayBefore()))));
		}
		line("");
		changeTable("Path", section.day(), section.byPath());
		changeTable("Model", section.day(), section.byModel());
	}

	private void alerts() {
		AlertsSection section = this.report.alerts();
		if (section == null) {
			return;
		}
		line("## Alerts for " + section.day());
		line("");
		line("Month to date " + usd(section.monthToDateUsd()) + "; forecast for the month " + usd(section.forecastUsd())
				+ " (" + section.forecastMethod() + ").");
		line("");
		if (section.historyDays() < Anomalies.BASELINE_DAYS) {
			line("Anomalies need " + Anomalies.BASELINE_DAYS + " days of history before the day; the job database has "
					+ section.historyDays() + ".");
			line("");
		}
		section.anomalies()
			.forEach((a) -> line("- " + a.shape() + ": " + a.kind() + " " + cell(a.name()) + ", " + usd(a.spend())
					+ " against a usual " + usd(a.usual())
					+ (a.shape().equals("climb") ? " (at least +" + a.score() + "% a week for three weeks)"
							: " (" + a.score() + " spreads)")));
		section.newSpenders()
			.forEach((n) -> line(
					"- new spender: " + n.kind() + " " + cell(n.name()) + ", " + usd(n.spend()) + " on its first day"));
		if (section.anomalies().isEmpty() && section.newSpenders().isEmpty()) {
			line("No anomaly and no new spender.");
		}
		line("");
		if (!section.budgets().isEmpty()) {
			line("| Budget | Per month | Month to date | Forecast | Status |");
			line("|---|---:|---:|---:|---|");
			for (BudgetStatus b : section.budgets()) {
				line("| " + (b.scope().equals("total") ? "Total" : b.scope() + " " + cell(b.name())) + " | "
						+ usd(b.budgetUsd()) + " | " + usd(b.monthToDateUsd()) + " | " + usd(b.forecastUsd()) + " | "
						+ b.status() + " |");
			}
			line("");
		}
	}

	private void changeTable(String what, java.time.LocalDate day, List<AnalysisReport.SpendChange> changes) {
		line("| " + what + " | " + day + " | Day before | Change | Week before | Change |");
		line("|---|---:|---:|---:|---:|---:|");
		changes.forEach((c) -> line("| " + cell(c.name()) + (c.flagged() ? " ⚑" : "") + " | " + usd(c.spend()) + " | "
				+ usd(c.dayBefore()) + " | " + signed(c.dayOverDayPercent()) + " | " + usd(c.weekBefore()) + " | "
				+ signed(c.weekOverWeekPercent()) + " |"));
		line("");
	}

	/** A change in percent with its sign, or "new" when there was nothing before. */
	static String signed(@Nullable BigDecimal percent) {
		return percent == null ? "new" : (percent.signum() > 0 ? "+" : "") + percent.toPlainString() + "%";
	}

	private void reconciliation() {
		Reconciliation bill = this.report.reconciliation();
		if (bill == null) {
			return;
		}
		var totals = bill.totals();
		line("## The bill against the logs");
		line("");
		line("CUR: " + cell(String.join(", ", bill.files())) + ". Bedrock usage billed in the window: **"
				+ usd(totals.billedUsd()) + "**, of which " + usd(totals.billedTokenUsd())
				+ " per token; the logged tokens at the price book: **" + usd(totals.pricedUsd())
				+ "**; difference (billed − logged) **" + usd(totals.deltaUsd()) + "**.  ");
		line("Tokens billed: " + count(totals.billedTokens()) + "; logged: " + count(totals.loggedTokens()) + ".");
		line("");
		billCoverage(bill.coverage());
		chargeback(bill.chargeback());
		line("| What explains it | Billed − logged |");
		line("|---|---:|");
		bill.deltaByFinding().forEach((finding, usd) -> line("| " + finding + " | " + usd(usd) + " |"));
		line("");
		if (!bill.daysBilledNotLogged().isEmpty()) {
			line("**Logging gaps**: tokens billed and none logged on "
					+ String.join(", ", bill.daysBilledNotLogged().stream().map(Object::toString).toList())
					+ ". Check that invocation logging was on, and for every account and Region.");
			line("");
		}
		line("### Per model and token type");
		line("");
		reconciliationTable(bill.byModel(), false);
		List<Reconciliation.Row> shown = bill.shownDifferences();
		if (!shown.isEmpty()) {
			int differing = bill.differing().size();
			line("### Days that differ" + (differing > shown.size()
					? " (the " + shown.size() + " largest of " + differing + "; all in reconciliation.csv)" : ""));
			line("");
			reconciliationTable(shown, true);
		}
		if (!bill.otherCharges().isEmpty()) {
			line("Charged, not per token (provisioned throughput, reserved capacity, other): "
					+ String.join(", ",
							bill.otherCharges().stream().map((c) -> cell(c.usageType()) + " " + usd(c.usd())).toList())
					+ ".");
			line("");
		}
		if (!bill.otherLineTypes().isEmpty()) {
			line("Not usage, left out: " + String.join(", ",
					bill.otherLineTypes()
						.entrySet()
						.stream()
						.map((e) -> cell(e.getKey()) + " " + usd(e.getValue()))
						.toList())
					+ ".");
			line("");
		}
		bill.notes().forEach((n) -> line("Note: " + cell(n) + ".  "));
		if (!bill.rejects().isEmpty()) {
			line("CUR lines not read: " + bill.rejects().size() + " (" + String.join("; ",
					bill.rejects().stream().limit(5).map((r) -> cell(r.location() + ": " + r.reason())).toList())
					+ ").");
		}
		line("");
	}

	private void billCoverage(Reconciliation.BillCoverage coverage) {
		if (coverage.percent() == null) {
			return;
		}
		line("**Bill coverage: " + coverage.percent().toPlainString() + "%** — the logs explain "
				+ usd(coverage.explainedUsd()) + " of the " + usd(coverage.billedUsd()) + " billed.");
		line("");
		coverage.loggingStopped()
			.forEach((stop) -> line("**Logging stopped?** " + cell(stop.region()) + " was billed "
					+ usd(stop.billedUsd()) + " of tokens on " + stop.day()
					+ " with none logged, after logging earlier in the window.  "));
		if (coverage.gaps().isEmpty()) {
			return;
		}
		line("| What the logs do not explain | | Billed | What to do |");
		line("|---|---|---:|---|");
		coverage.gaps()
			.forEach((g) -> line(
					"| " + g.kind() + " | " + cell(g.name()) + " | " + usd(g.usd()) + " | " + cell(g.action()) + " |"));
		line("");
	}

	private void chargeback(List<Reconciliation.ChargebackRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		line("### Chargeback");
		line("");
		line("| By | Who | Billed | Logged | Billed − logged |");
		line("|---|---|---:|---:|---:|");
		rows.forEach((r) -> line("| " + r.by() + " | " + cell(r.name()) + " | " + usd(r.billedUsd()) + " | "
				+ usd(r.loggedUsd()) + " | " + usd(r.differenceUsd()) + " |"));
		line("");
	}

	private void reconciliationTable(List<Reconciliation.Row> rows, boolean withDay) {
		line((withDay ? "| Day | Region " : "")
				+ "| Model | Tier | Scope | Tokens | Billed tokens | Billed | Logged tokens "
				+ "| Priced | Difference | Finding |");
		line((withDay ? "|---|---" : "") + "|---|---|---|---|---:|---:|---:|---:|---:|---|");
		for (Reconciliation.Row r : rows) {
			line((withDay ? "| " + r.day() + " | " + cell(r.region()) + " " : "") + "| "
					+ cell(r.model() != null ? r.model() : r.usageType()) + " | " + r.tier() + " | " + r.scope() + " | "
					+ r.tokenType() + " | " + count(r.billedTokens()) + " | " + usd(r.billedUsd()) + " | "
					+ count(r.loggedTokens()) + " | " + usd(r.pricedUsd()) + " | " + usd(r.usdDelta()) + " | "
					+ r.finding() + " |");
		}
		line("");
	}

	private void daily() {
		line("## Daily spend");
		line("");
		line("| Day | Spend | Top model that day |");
		line("|---|---:|---|");
		java.util.Map<java.time.LocalDate, List<AnalysisReport.DaySpend>> byDay = new java.util.TreeMap<>();
		this.report.dailySpend()
			.forEach((d) -> byDay.computeIfAbsent(d.day(), (k) -> new java.util.ArrayList<>()).add(d));
		byDay.forEach((day, spends) -> {
			BigDecimal total = spends.stream()
				.map(AnalysisReport.DaySpend::cost)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			AnalysisReport.DaySpend top = spends.stream()
				.max(java.util.Comparator.comparing(AnalysisReport.DaySpend::cost))
				.orElseThrow();
			line("| " + day + " | " + usd(total) + " | " + cell(top.model()) + " (" + usd(top.cost()) + ") |");
		});
		line("");
	}

	private void savingsProgress() {
		LedgerProgress ledger = this.report.savingsLedger();
		if (ledger == null || ledger.entries().isEmpty()) {
			return;
		}
		line("## Savings progress");
		line("");
		line("Realized in this window " + usd(ledger.realizedWindowUsd()) + ", " + usd(ledger.realizedToDateUsd())
				+ " to date (measured from the traffic after each change); " + ledger.open() + " open ("
				+ usd(ledger.openEstimateMonthlyUsd()) + " a month, estimated), " + ledger.actedOn() + " acted on, "
				+ ledger.dismissed() + " dismissed, " + ledger.gone() + " gone.");
		line("");
		line("| Id | Status | Type | Model | Path | Estimate / month | Changed | Realized in window | Realized to date |");
		line("|---:|---|---|---|---|---:|---|---:|---:|");
		for (LedgerEntry e : ledger.entries()) {
			line("| " + e.id() + " | " + e.status() + ((e.reason() != null) ? " (" + cell(e.reason()) + ")" : "")
					+ " | " + e.type() + " | " + cell(e.model()) + " | " + cell(e.path()) + " | "
					+ usd(e.estimateMonthlyUsd()) + " | " + ((e.changeDay() == null) ? "—" : e.changeDay()) + " | "
					+ usd(e.realizedWindowUsd()) + " | " + usd(e.realizedToDateUsd()) + " |");
		}
		line("");
	}

	private void lifecycle() {
		if (this.report.lifecycle().isEmpty()) {
			return;
		}
		line("## Models reaching end of life");
		line("");
		line("| Model | State | End of life | Days left | Paths | Now / month | Successor | On successor / month | Tokens × |");
		line("|---|---|---|---:|---|---:|---|---:|---|");
		for (ModelEnd e : this.report.lifecycle()) {
			String successorCost = (e.successorMonthlyUsd() == null) ? "—"
					: (e.successorMonthlyUsd().equals(e.successorMonthlyHighUsd())) ? usd(e.successorMonthlyUsd())
							: usd(e.successorMonthlyUsd()) + " to " + usd(e.successorMonthlyHighUsd());
			line("| " + cell(e.model()) + (e.firstNotice() ? " (new)" : "") + " | " + e.state()
					+ ((e.extendedAccessDate() != null && !e.state().equals("end of life"))
							? " (extended access from " + e.extendedAccessDate() + ")" : "")
					+ " | " + ((e.endOfLife() == null) ? "—" : e.endOfLife()) + " | "
					+ ((e.daysToEndOfLife() == null) ? "—" : e.daysToEndOfLife()) + " | "
					+ cell(String.join(", ", e.paths())) + " | " + usd(e.monthlyUsd()) + " | "
					+ ((e.successor() == null) ? "—" : cell(e.successor())) + " | " + successorCost + " | "
					+ ((e.tokenizerFactor() == null) ? "not documented" : e.tokenizerFactor()) + " |");
		}
		line("");
		line("Dates from the models file (AWS's lifecycle pages): models within 90 days of end of life or of public "
				+ "extended access (when prices may rise). The successor is priced at today's prices, its tokens "
				+ "scaled by the published tokenizer factor.");
		for (ModelEnd e : this.report.lifecycle()) {
			if (e.note() != null) {
				line("- " + cell(e.model()) + ": " + cell(e.note()));
			}
		}
		line("");
	}

	private void whatIf() {
		line("## What if: the same tokens bought each way");
		line("");
		line("| Model | As billed | On demand | Batch | Flex | Priority | Global profile |");
		line("|---|---:|---:|---:|---:|---:|---:|");
		this.report.whatIf()
			.forEach((w) -> line("| " + cell(w.model()) + " | " + usd(w.actual()) + " | " + usd(w.onDemand()) + " | "
					+ usd(w.batch()) + " | " + usd(w.flex()) + " | " + usd(w.priority()) + " | " + usd(w.global())
					+ " |"));
		line("");
		line("— where the model does not offer that way, or the price book lacks a rate for some of the tokens.");
		line("");
	}

	private void usage() {
		List<UsageRow> rows = this.report.usage();
		line("## Usage by model, scope, region, tier and path");
		line("");
		line("Each row priced at its own tier; the last four columns price the same tokens at each tier (— where the model does not offer the tier, or the price book has no rate for some of the tokens, such as cache tokens on batch).");
		line("");
		line("| Model | Scope | Region | Tier | Path | Requests | Errors | Spend | On-demand | Batch | Flex | Priority |");
		line("|---|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
		rows.stream()
			.limit(MAX_USAGE_ROWS)
			.forEach((row) -> line("| " + cell(row.model()) + " | " + row.scope() + " | " + cell(row.region()) + " | "
					+ row.tier() + " | " + cell(row.path()) + " | " + count(row.requests()) + " | "
					+ count(row.errors()) + " | " + (row.cost() == null ? "unpriced" : usd(row.cost())) + " | "
					+ usd(row.costByMode().onDemand()) + " | " + usd(row.costByMode().batch()) + " | "
					+ usd(row.costByMode().flex()) + " | " + usd(row.costByMode().priority()) + " |"));
		if (rows.size() > MAX_USAGE_ROWS) {
			line("");
			line("… and " + (rows.size() - MAX_USAGE_ROWS) + " more rows in usage.csv.");
		}
		line("");
	}

	private void unpriced() {
		if (this.report.unpriced().isEmpty()) {
			return;
		}
		line("## Not priced");
		line("");
		line("| Model | Scope | Region | Tier | Requests | Input tokens | Output tokens | Why |");
		line("|---|---|---|---|---:|---:|---:|---|");
		this.report.unpriced()
			.forEach((u) -> line("| " + cell(u.model()) + " | " + u.scope() + " | " + cell(u.region()) + " | "
					+ u.tier() + " | " + count(u.requests()) + " | " + count(u.inputTokens()) + " | "
					+ count(u.outputTokens()) + " | " + cell(u.reason()) + " |"));
		line("");
	}

	private void rejects() {
		var rejects = this.report.rejects();
		if (rejects.count() == 0) {
			return;
		}
		line("## Rejected input");
		line("");
		line("| Reason | Count |");
		line("|---|---:|");
		for (Map.Entry<String, Long> entry : rejects.byReason().entrySet()) {
			line("| " + cell(entry.getKey()) + " | " + count(entry.getValue()) + " |");
		}
		line("");
		line("First locations:");
		line("");
		rejects.samples().forEach((s) -> line("- " + cell(s.location()) + ": " + cell(s.reason())));
		line("");
	}

	private void duplicates() {
		var duplicates = this.report.duplicates();
		if (duplicates.dropped() == 0) {
			return;
		}
		line("## Copies counted once");
		line("");
		line(count(duplicates.dropped()) + " invocations were delivered again (the same `requestId`) and left out: each"
				+ " counts once, where it was first counted.");
		line("");
		line("| Input holding copies | Counted from | Copies |");
		line("|---|---|---:|");
		duplicates.from()
			.forEach((d) -> line("| " + cell(d.location()) + " | " + cell(d.countedFrom()) + " ("
					+ cell(d.countedFromSource()) + ") | " + count(d.dropped()) + " |"));
		line("");
	}

	private void sources() {
		line("## Sources");
		line("");
		for (var source : this.report.sources()) {
			line("- " + cell(source.name()) + ": " + count(source.unitsRead()) + " files read for this window");
			source.notes().forEach((n) -> line("  - " + cell(n.location()) + ": " + cell(n.note())));
		}
		line("");
	}

	private String converted(@Nullable BigDecimal displayCost) {
		var display = this.report.adjustments().displayCurrency();
		if (display == null || displayCost == null) {
			return "";
		}
		return " (" + twoDecimals(displayCost) + " " + display.code() + ")";
	}

	private void line(String text) {
		this.out.append(text).append('\n');
	}

	private static String cell(@Nullable String text) {
		return SafeText.markdownCell(text);
	}

	/** An amount to the cent, grouped by thousands: {@code 1,234.57}. */
	static String twoDecimals(BigDecimal amount) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return format.format(amount.setScale(2, RoundingMode.HALF_EVEN));
	}

	static String usd(@Nullable BigDecimal amount) {
		if (amount == null) {
			return "—";
		}
		return "$" + twoDecimals(amount);
	}

	private static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

}
