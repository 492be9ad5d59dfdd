package com.bedrockcostanalyzer.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import com.bedrockcostanalyzer.aggregate.DailyUsage;
import com.bedrockcostanalyzer.aggregate.DroppedCopies;
import com.bedrockcostanalyzer.aggregate.StoredReject;
import com.bedrockcostanalyzer.aggregate.UnitNote;
import com.bedrockcostanalyzer.aggregate.UsageKey;
import com.bedrockcostanalyzer.aggregate.UsageTotals;
import com.bedrockcostanalyzer.alerts.AlertsSection;
import com.bedrockcostanalyzer.alerts.BudgetProperties;
import com.bedrockcostanalyzer.alerts.NightlyAlerts;
import com.bedrockcostanalyzer.ledger.LedgerProgress;
import com.bedrockcostanalyzer.ledger.SavingsLedger;
import com.bedrockcostanalyzer.lifecycle.LifecycleList;
import com.bedrockcostanalyzer.pricing.Cost;
import com.bedrockcostanalyzer.pricing.CostCalculator;
import com.bedrockcostanalyzer.pricing.Discounts;
import com.bedrockcostanalyzer.pricing.DisplayCurrency;
import com.bedrockcostanalyzer.pricing.PriceBook;
import com.bedrockcostanalyzer.pricing.ProvisionedBook;
import com.bedrockcostanalyzer.pricing.ReservedBook;
import com.bedrockcostanalyzer.reconcile.LoggedSpend;
import com.bedrockcostanalyzer.reconcile.Reconciler;
import com.bedrockcostanalyzer.reconcile.Reconciliation;
import com.bedrockcostanalyzer.report.AnalysisReport.Breakdown;
import com.bedrockcostanalyzer.report.AnalysisReport.CostByMode;
import com.bedrockcostanalyzer.report.AnalysisReport.Coverage;
import com.bedrockcostanalyzer.report.AnalysisReport.DuplicateSource;
import com.bedrockcostanalyzer.report.AnalysisReport.Duplicates;
import com.bedrockcostanalyzer.report.AnalysisReport.Note;
import com.bedrockcostanalyzer.report.AnalysisReport.PriceBookInfo;
import com.bedrockcostanalyzer.report.AnalysisReport.PriceFile;
import com.bedrockcostanalyzer.report.AnalysisReport.RejectSample;
import com.bedrockcostanalyzer.report.AnalysisReport.Rejects;
import com.bedrockcostanalyzer.report.AnalysisReport.Source;
import com.bedrockcostanalyzer.report.AnalysisReport.Totals;
import com.bedrockcostanalyzer.report.AnalysisReport.Unpriced;
import com.bedrockcostanalyzer.report.AnalysisReport.UsageRow;
import com.bedrockcostanalyzer.savings.Opportunity;
import com.bedrockcostanalyzer.savings.ProfileSource;
import com.bedrockcostanalyzer.savings.SavingsAnalysis;
import com.bedrockcostanalyzer.savings.SavingsContext;
import com.bedrockcostanalyzer.savings.SavingsProperties;
import com.bedrockcostanalyzer.usage.Attribution;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;
import com.bedrockcostanalyzer.usage.Window;

/**
 * Prices the stored daily aggregates (each day at the prices in force that day) and rolls
 * them up into the report. Works on aggregates only, so a report is regenerated without
 * reading a log again.
 */
public final class ReportBuilder {

	static final int MAX_REJECT_SAMPLES = 50;

	private final CostCalculator calculator;

	private final String version;

	private final Discounts discounts;

	private final DisplayCurrency display;

	private final SavingsProperties savings;

	private final ProvisionedBook provisioned;

	private final ReservedBook reserved;

	public ReportBuilder(PriceBook book, String version, Discounts discounts, DisplayCurrency display,
			SavingsProperties savings, ProvisionedBook provisioned, ReservedBook reserved) {
		this.reserved = reserved;
		this.calculator = new CostCalculator(book);
		this.version = version;
		this.discounts = discounts;
		this.display = display;
		this.savings = savings.withModelFacts(book.facts());
		this.provisioned = provisioned;
	}

	public record SourceInput(String name, long unitsRead) {
	}

	/**
	 * What the report is built from: the stored aggregates of the window, never the logs.
	 */
	public record Inputs(Window window, List<SourceInput> sources, List<DailyUsage> daily, ProfileSource profile,
			List<StoredReject> rejects, List<UnitNote> notes, List<DroppedCopies> duplicates, Set<String> dismissed) {

		/** Inputs with no proposal dismissed. */
		public Inputs(Window window, List<SourceInput> sources, List<DailyUsage> daily, ProfileSource profile,
				List<StoredReject> rejects, List<UnitNote> notes, List<DroppedCopies> duplicates) {
			this(window, sources, daily, profile, rejects, notes, duplicates, Set.of());
		}

	}

	/**
	 * The report's sections from the stored usage; the optional ones are the caller's to
	 * add.
	 */
	public AnalysisReport.Builder sections(Inputs inputs) {
		Window window = inputs.window();
		List<SourceInput> sources = inputs.sources();
		List<DailyUsage> daily = inputs.daily();
		List<StoredReject> storedRejects = inputs.rejects();
		List<UnitNote> notes = inputs.notes();
		Map<RowKey, RowAccumulator> rows = new TreeMap<>();
		Map<DayModel, BigDecimal> spendByDay = new TreeMap<>();
		List<FocusExport.Row> focus = new ArrayList<>();
		for (DailyUsage usage : daily) {
			UsageKey key = usage.key();
			// Each day is priced once, at the prices in force that day; usage rows and
			// the daily trend share it.
			Cost actual = this.calculator.cost(key.model(), key.region(), key.scope(), key.tier(), key.context(),
					key.day(), usage.totals().tokens());
			RowKey rowKey = new RowKey(key.model(), key.scope().label(), key.region(), key.tier().label(),
					key.context().label(), key.path(), key.attribution());
			rows.computeIfAbsent(rowKey, (k) -> new RowAccumulator()).add(usage, actual, this.calculator);
			if (actual.priced()) {
				BigDecimal cost = this.discounts.apply(key.model(), actual.amount());
				spendByDay.merge(new DayModel(key.day(), key.model()), cost, BigDecimal::add);
				focus.add(new FocusExport.Row(key, usage.totals().requests(), usage.totals().tokens(), actual.amount(),
						cost));
			}
		}
		List<UsageRow> usageRows = new ArrayList<>();
		rows.forEach((key, acc) -> usageRows.add(acc.toRow(key, this.discounts)));
		usageRows.sort(Comparator.comparing((UsageRow r) -> r.cost() == null ? BigDecimal.valueOf(-1) : r.cost())
			.reversed()
			.thenComparing(UsageRow::model)
			.thenComparing(UsageRow::path));

		// A proposal a person dismissed is never shown again, nor counted in the
		// headline.
		List<Opportunity> opportunities = new SavingsAnalysis()
			.analyse(new SavingsContext(window, daily, inputs.profile(), this.calculator, this.discounts, this.savings,
					this.provisioned, this.reserved))
			.stream()
			.filter((o) -> !inputs.dismissed().contains(SavingsLedger.identity(o)))
			.toList();
		Instant generatedAt = Instant.now();
		PriceBook book = this.calculator.book();
		PriceBookInfo priceBook = new PriceBookInfo(book.name(),
				book.files().stream().map((f) -> new PriceFile(f.name(), f.sha256(), f.rows())).toList(),
				book.earliestEffectiveFrom(), book.latestEffectiveFrom(), book.sources());
		return new AnalysisReport.Builder()
			.about(new AnalysisReport.Tool("bedrock-cost-analyzer", this.version), generatedAt,
					new AnalysisReport.Window(window.from(), window.to()), sources(sources, notes), "USD", priceBook,
					adjustments())
			.spend(totals(usageRows, this.display), usageRows, dailySpend(spendByDay), whatIf(daily),
					unpriced(usageRows), coverage(usageRows, window, book))
			.breakdowns(breakdown(usageRows, UsageRow::model), breakdown(usageRows, UsageRow::path), byTag(usageRows))
			.savings(summary(opportunities), shown(opportunities), opportunities)
			.input(rejects(storedRejects), duplicates(inputs.duplicates()))
			.focus(focus)
			.lifecycle(new LifecycleList(this.calculator, this.discounts).of(daily, window,
					LocalDate.ofInstant(generatedAt, ZoneOffset.UTC)));
	}

	public AnalysisReport build(Inputs inputs) {
		return sections(inputs).build();
	}

	/**
	 * The bill's Bedrock lines in the window set beside the window's logged usage, at
	 * this report's prices.
	 */
	public Reconciliation reconcile(List<Path> curFiles, Window window, List<DailyUsage> daily,
			UnaryOperator<String> callerPath, List<String> tagKeys, AnalysisReport report) {
		Map<String, BigDecimal> byPath = new TreeMap<>();
		report.byPath().forEach((b) -> byPath.put(b.name(), b.cost()));
		Map<String, Map<String, BigDecimal>> byTag = new TreeMap<>();
		report.byTag()
			.forEach((t) -> t.values()
				.forEach((b) -> byTag.computeIfAbsent(t.tag(), (k) -> new TreeMap<>()).put(b.name(), b.cost())));
		return new Reconciler(this.calculator, this.discounts).reconcile(curFiles, window, daily, callerPath, tagKeys,
				new LoggedSpend(report.totals().cost(), byPath, byTag));
	}

	/**
	 * The alerts of a nightly day: the rows of the 28 days before it and of its month so
	 * far, priced per path, model and Region, judged by {@link NightlyAlerts}.
	 */
	public AlertsSection alerts(LocalDate day, List<DailyUsage> rows, Map<String, Map<String, LocalDate>> firstDays,
			BudgetProperties budgets, BigDecimal newSpenderUsd) {
		Map<String, Map<LocalDate, BigDecimal>> byPath = new TreeMap<>();
		Map<String, Map<LocalDate, BigDecimal>> byModel = new TreeMap<>();
		Map<String, Map<LocalDate, BigDecimal>> byRegion = new TreeMap<>();
		for (DailyUsage usage : rows) {
			UsageKey key = usage.key();
			Cost cost = this.calculator.cost(key.model(), key.region(), key.scope(), key.tier(), key.context(),
					key.day(), usage.totals().tokens());
			if (!cost.priced()) {
				continue;
			}
			BigDecimal usd = this.discounts.apply(key.model(), cost.amount());
			byPath.computeIfAbsent(key.path(), (p) -> new TreeMap<>()).merge(key.day(), usd, BigDecimal::add);
			byModel.computeIfAbsent(key.model(), (m) -> new TreeMap<>()).merge(key.day(), usd, BigDecimal::add);
			byRegion.computeIfAbsent(key.region(), (r) -> new TreeMap<>()).merge(key.day(), usd, BigDecimal::add);
		}
		return NightlyAlerts.of(day, history(byPath, firstDays.get("path")), history(byModel, firstDays.get("model")),
				history(byRegion, firstDays.get("region")), budgets, newSpenderUsd);
	}

	private static NightlyAlerts.History history(Map<String, Map<LocalDate, BigDecimal>> byName,
			@Nullable Map<String, LocalDate> firstDays) {
		return new NightlyAlerts.History(byName, (firstDays != null) ? firstDays : Map.of());
	}

	/**
	 * The run's proposals into the savings ledger, and its progress: changes found in the
	 * window's traffic, measured at this report's prices.
	 */
	public LedgerProgress ledger(SavingsLedger ledger, List<Opportunity> proposed, List<String> sources, Window window,
			List<DailyUsage> daily, java.util.function.Function<Window, List<DailyUsage>> history) {
		return ledger.update(proposed, sources, window, daily, (key, tokens) -> {
			Cost cost = this.calculator.cost(key.model(), key.region(), key.scope(), key.tier(), key.context(),
					key.day(), tokens);
			return cost.priced() ? this.discounts.apply(key.model(), cost.amount()) : null;
		}, history);
	}

	/** A dollar: smaller daily spend is never flagged, whatever its jump. */
	private static final BigDecimal FLAG_MINIMUM_USD = BigDecimal.ONE;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * {@code day}'s spend against the day before and the week before, per model and per
	 * path.
	 * @param rows the stored aggregates of {@code [day − 7, day + 1)} or longer (other
	 * days are left out)
	 */
	public AnalysisReport.DayOverDay dayOverDay(LocalDate day, int jumpPercent, List<DailyUsage> rows) {
		Map<String, BigDecimal[]> byModel = new TreeMap<>();
		Map<String, BigDecimal[]> byPath = new TreeMap<>();
		for (DailyUsage usage : rows) {
			UsageKey key = usage.key();
			int slot = key.day().equals(day) ? 0
					: key.day().equals(day.minusDays(1)) ? 1 : key.day().equals(day.minusDays(7)) ? 2 : -1;
			if (slot < 0) {
				continue;
			}
			Cost cost = this.calculator.cost(key.model(), key.region(), key.scope(), key.tier(), key.context(),
					key.day(), usage.totals().tokens());
			if (!cost.priced()) {
				continue;
			}
			BigDecimal usd = this.discounts.apply(key.model(), cost.amount());
			add(byModel, key.model(), slot, usd);
			add(byPath, key.path(), slot, usd);
		}
		List<AnalysisReport.SpendChange> models = changes("model", byModel, jumpPercent);
		List<AnalysisReport.SpendChange> paths = changes("path", byPath, jumpPercent);
		List<AnalysisReport.SpendChange> flagged = new ArrayList<>();
		paths.stream().filter(AnalysisReport.SpendChange::flagged).forEach(flagged::add);
		models.stream().filter(AnalysisReport.SpendChange::flagged).forEach(flagged::add);
		return new AnalysisReport.DayOverDay(day, jumpPercent, models, paths, flagged);
	}

	private static void add(Map<String, BigDecimal[]> spend, String name, int slot, BigDecimal usd) {
		BigDecimal[] days = spend.computeIfAbsent(name,
				(n) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
		days[slot] = days[slot].add(usd);
	}

	private static List<AnalysisReport.SpendChange> changes(String kind, Map<String, BigDecimal[]> spend,
			int jumpPercent) {
		List<AnalysisReport.SpendChange> result = new ArrayList<>();
		BigDecimal jump = BigDecimal.valueOf(jumpPercent);
		spend.forEach((name, days) -> {
			BigDecimal dayChange = percentChange(days[0], days[1]);
			boolean flagged = days[0].compareTo(FLAG_MINIMUM_USD) >= 0
					&& (dayChange == null || dayChange.compareTo(jump) >= 0);
			result.add(new AnalysisReport.SpendChange(kind, name, days[0], days[1], days[2], dayChange,
					percentChange(days[0], days[2]), flagged));
		});
		result.sort(Comparator.comparing(AnalysisReport.SpendChange::spend)
			.reversed()
			.thenComparing(AnalysisReport.SpendChange::name));
		return result;
	}

	/**
	 * Percent change from {@code before} to {@code now}, one decimal; null when there was
	 * nothing before.
	 */
	private static @Nullable BigDecimal percentChange(BigDecimal now, BigDecimal before) {
		if (before.signum() == 0) {
			return null;
		}
		return now.subtract(before).multiply(HUNDRED).divide(before, 1, RoundingMode.HALF_EVEN);
	}

	private record DayModel(LocalDate day, String model) implements Comparable<DayModel> {

		@Override
		public int compareTo(DayModel o) {
			int byDay = this.day.compareTo(o.day);
			return byDay != 0 ? byDay : this.model.compareTo(o.model);
		}

	}

	private static List<AnalysisReport.DaySpend> dailySpend(Map<DayModel, BigDecimal> spend) {
		List<AnalysisReport.DaySpend> result = new ArrayList<>();
		spend.forEach((key, cost) -> result.add(new AnalysisReport.DaySpend(key.day(), key.model(), cost)));
		return result;
	}

	private List<AnalysisReport.WhatIf> whatIf(List<DailyUsage> daily) {
		Map<String, List<DailyUsage>> byModel = new TreeMap<>();
		daily.forEach((d) -> byModel.computeIfAbsent(d.key().model(), (m) -> new ArrayList<>()).add(d));
		List<AnalysisReport.WhatIf> result = new ArrayList<>();
		byModel.forEach((model, rows) -> result.add(new AnalysisReport.WhatIf(model, priced(rows, null, null),
				priced(rows, Tier.STANDARD, null), priced(rows, Tier.BATCH, null), priced(rows, Tier.FLEX, null),
				priced(rows, Tier.PRIORITY, null), priced(rows, Tier.STANDARD, Scope.GLOBAL))));
		return result;
	}

	/**
	 * The rows at another tier and/or scope, after discount; null when any usage cannot
	 * be priced that way.
	 */
	private @Nullable BigDecimal priced(List<DailyUsage> rows, @Nullable Tier tier, @Nullable Scope scope) {
		BigDecimal total = BigDecimal.ZERO;
		for (DailyUsage usage : rows) {
			UsageKey k = usage.key();
			if (usage.totals().tokens().equals(TokenCounts.ZERO)) {
				continue;
			}
			Cost cost = this.calculator.cost(k.model(), k.region(), scope != null ? scope : k.scope(),
					tier != null ? tier : k.tier(), k.context(), k.day(), usage.totals().tokens());
			if (!cost.priced()) {
				return null;
			}
			total = total.add(this.discounts.apply(k.model(), cost.amount()));
		}
		return total;
	}

	private AnalysisReport.Savings summary(List<Opportunity> opportunities) {
		BigDecimal threshold = this.savings.thresholdUsd();
		return new AnalysisReport.Savings(SavingsAnalysis.headline(opportunities, threshold), threshold,
				opportunities.stream()
					.filter((o) -> o.savings() != null && o.savings().compareTo(threshold) < 0)
					.count(),
				opportunities.stream().filter((o) -> o.savings() == null).count());
	}

	/** Folded: savings under the threshold stay in opportunities.csv only. */
	private List<Opportunity> shown(List<Opportunity> opportunities) {
		return opportunities.stream()
			.filter((o) -> o.savings() == null || o.savings().compareTo(this.savings.thresholdUsd()) >= 0)
			.toList();
	}

	private static List<Source> sources(List<SourceInput> sources, List<UnitNote> notes) {
		return sources.stream()
			.map((s) -> new Source(s.name(), s.unitsRead(),
					notes.stream()
						.filter((n) -> n.source().equals(s.name()))
						.map((n) -> new Note(n.location(), n.note()))
						.toList()))
			.toList();
	}

	private AnalysisReport.Adjustments adjustments() {
		return new AnalysisReport.Adjustments(
				this.discounts.rules()
					.stream()
					.map((r) -> new AnalysisReport.Discount(r.family(), r.percent()))
					.toList(),
				this.display.isUsd() ? null : new AnalysisReport.DisplayCurrency(this.display.code(),
						this.display.ratePerUsd(), "rate given by the user"));
	}

	private static Totals totals(List<UsageRow> rows, DisplayCurrency display) {
		long requests = 0, errors = 0, input = 0, output = 0, read = 0, write5m = 0, write1h = 0, unpriced = 0;
		BigDecimal cost = BigDecimal.ZERO;
		BigDecimal listCost = BigDecimal.ZERO;
		for (UsageRow row : rows) {
			requests += row.requests();
			errors += row.errors();
			input += row.inputTokens();
			output += row.outputTokens();
			read += row.cacheReadInputTokens();
			write5m += row.cacheWrite5mInputTokens();
			write1h += row.cacheWrite1hInputTokens();
			if (row.cost() != null) {
				cost = cost.add(row.cost());
				listCost = listCost.add(row.listCost());
			}
			else {
				unpriced += row.requests();
			}
		}
		return new Totals(requests, errors, input, output, read, write5m + write1h, write5m, write1h, cost, listCost,
				display.isUsd() ? null : display.convert(cost), unpriced);
	}

	private static List<Breakdown> breakdown(List<UsageRow> rows, Function<UsageRow, String> by) {
		Map<String, List<UsageRow>> groups = new LinkedHashMap<>();
		rows.forEach((row) -> groups.computeIfAbsent(by.apply(row), (k) -> new ArrayList<>()).add(row));
		List<Breakdown> result = new ArrayList<>();
		groups.forEach((name, group) -> {
			BigDecimal cost = BigDecimal.ZERO;
			boolean partlyUnpriced = false;
			for (UsageRow row : group) {
				if (row.cost() != null) {
					cost = cost.add(row.cost());
				}
				else if (row.requests() > 0) {
					partlyUnpriced = true;
				}
			}
			result.add(new Breakdown(name, group.stream().mapToLong(UsageRow::requests).sum(),
					group.stream().mapToLong(UsageRow::inputTokens).sum(),
					group.stream().mapToLong(UsageRow::outputTokens).sum(),
					group.stream().mapToLong(UsageRow::cacheReadInputTokens).sum(),
					group.stream().mapToLong(UsageRow::cacheWriteInputTokens).sum(), cost, partlyUnpriced));
		});
		result.sort(Comparator.comparing(Breakdown::cost).reversed().thenComparing(Breakdown::name));
		return result;
	}

	/**
	 * One breakdown per tag key the rows carry, in the order the keys were chosen: each
	 * row's tags keep that order, and the rows with the most tags are read first.
	 */
	private static List<AnalysisReport.TagBreakdown> byTag(List<UsageRow> rows) {
		Set<String> keys = new LinkedHashSet<>();
		rows.stream()
			.sorted(Comparator.comparingInt((UsageRow row) -> row.tags().size()).reversed())
			.forEach((row) -> keys.addAll(row.tags().keySet()));
		return keys.stream()
			.map((tag) -> new AnalysisReport.TagBreakdown(tag,
					breakdown(rows, (row) -> row.tags().getOrDefault(tag, AnalysisReport.TagBreakdown.UNTAGGED))))
			.toList();
	}

	private static List<Unpriced> unpriced(List<UsageRow> rows) {
		return rows.stream()
			.filter((row) -> row.cost() == null && row.requests() > 0)
			.map((row) -> new Unpriced(row.model(), row.scope(), row.region(), row.tier(), row.unpricedReason(),
					row.requests(), row.inputTokens(), row.outputTokens()))
			.toList();
	}

	/** Shares in percent to two places; a window with no traffic is wholly covered. */
	static Coverage coverage(List<UsageRow> rows, Window window, PriceBook book) {
		long requests = 0;
		long tokens = 0;
		long unpricedRequests = 0;
		long unpricedTokens = 0;
		Set<String> missing = new TreeSet<>();
		TreeSet<String> profiles = new TreeSet<>();
		for (UsageRow row : rows) {
			long rowTokens = row.inputTokens() + row.outputTokens() + row.cacheReadInputTokens()
					+ row.cacheWriteInputTokens();
			requests += row.requests();
			tokens += rowTokens;
			if (row.cost() == null && (row.requests() > 0 || rowTokens > 0)) {
				unpricedRequests += row.requests();
				unpricedTokens += rowTokens;
				if (row.model().startsWith("application-inference-profile/")) {
					profiles.add(row.model());
				}
				else {
					missing.add(row.model() + " " + row.region() + " " + row.scope() + " " + row.tier());
				}
			}
		}
		LocalDate newest = book.latestEffectiveFrom();
		LocalDate lastDay = window.to().minusDays(1);
		long age = newest == null || !newest.isBefore(lastDay) ? 0 : ChronoUnit.DAYS.between(newest, lastDay);
		List<String> advice = new ArrayList<>();
		if (!missing.isEmpty()) {
			advice.add("run 'prices update' for the current AWS prices, or add rows to a --prices book for: "
					+ String.join("; ", missing.stream().limit(5).toList())
					+ (missing.size() > 5 ? " and " + (missing.size() - 5) + " more (see Unpriced)" : ""));
		}
		if (!profiles.isEmpty()) {
			// No price is missing here: the model behind the profile is unknown until the
			// profile is resolved.
			advice.add("resolve "
					+ (profiles.size() == 1 ? "the application inference profile " + profiles.first()
							: profiles.size() + " application inference profiles")
					+ " with --profile-lookup (Bedrock credentials) or --inference-profiles FILE");
		}
		return new Coverage(unpricedRequests, percent(unpricedRequests, requests), unpricedTokens,
				percent(unpricedTokens, tokens), newest, age, advice.isEmpty() ? null : String.join("; and ", advice));
	}

	private static BigDecimal percent(long part, long whole) {
		return whole == 0 ? BigDecimal.ZERO.setScale(2)
				: BigDecimal.valueOf(part)
					.multiply(BigDecimal.valueOf(100))
					.divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_EVEN);
	}

	private static Duplicates duplicates(List<DroppedCopies> stored) {
		long dropped = 0;
		for (DroppedCopies copies : stored) {
			dropped = Math.addExact(dropped, copies.dropped());
		}
		return new Duplicates(dropped,
				stored.stream()
					.limit(MAX_REJECT_SAMPLES)
					.map((c) -> new DuplicateSource(c.location(), c.countedFrom(), c.countedFromSource(), c.dropped()))
					.toList());
	}

	private static Rejects rejects(List<StoredReject> stored) {
		long count = 0;
		Map<String, Long> byReason = new TreeMap<>();
		List<RejectSample> samples = new ArrayList<>();
		for (StoredReject reject : stored) {
			count += reject.count();
			byReason.merge(reject.reason(), reject.count(), Long::sum);
			for (String location : reject.sampleLocations()) {
				if (samples.size() < MAX_REJECT_SAMPLES) {
					samples.add(new RejectSample(reject.location() + " " + location, reject.reason()));
				}
			}
		}
		return new Rejects(count, byReason, samples);
	}

	private record RowKey(String model, String scope, String region, String tier, String context, String path,
			String attribution) implements Comparable<RowKey> {

		@Override
		public int compareTo(RowKey o) {
			return Comparator.comparing(RowKey::model)
				.thenComparing(RowKey::scope)
				.thenComparing(RowKey::region)
				.thenComparing(RowKey::tier)
				.thenComparing(RowKey::context)
				.thenComparing(RowKey::path)
				.thenComparing(RowKey::attribution)
				.compare(this, o);
		}

	}

	/** Sums one usage row's days, pricing each day at the rates in force on it. */
	private static final class RowAccumulator {

		private final UsageTotals totals = new UsageTotals();

		private @Nullable BigDecimal cost = BigDecimal.ZERO;

		private @Nullable String unpricedReason;

		private final @Nullable BigDecimal[] byMode = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
				BigDecimal.ZERO };

		private static final Tier[] MODES = { Tier.STANDARD, Tier.BATCH, Tier.FLEX, Tier.PRIORITY };

		void add(DailyUsage usage, Cost day, CostCalculator calculator) {
			UsageKey key = usage.key();
			TokenCounts tokens = usage.totals().tokens();
			this.totals.add(usage.totals());
			if (this.cost != null) {
				if (day.priced()) {
					this.cost = this.cost.add(day.amount());
				}
				else if (usage.totals().requests() > 0 || !tokens.equals(TokenCounts.ZERO)) {
					this.cost = null;
					this.unpricedReason = day.unpricedReason();
				}
			}
			for (int i = 0; i < MODES.length; i++) {
				if (this.byMode[i] != null) {
					Cost mode = calculator.cost(key.model(), key.region(), key.scope(), MODES[i], key.context(),
							key.day(), tokens);
					this.byMode[i] = mode.priced() ? this.byMode[i].add(mode.amount()) : null;
				}
			}
		}

		UsageRow toRow(RowKey key, Discounts discounts) {
			TokenCounts t = this.totals.tokens();
			String model = key.model();
			return new UsageRow(model, key.scope(), key.region(), key.tier(), key.context(), key.path(),
					Attribution.tags(key.attribution()), this.totals.requests(), this.totals.errors(),
					this.totals.streamingRequests(), this.totals.truncatedRequests(), t.input(), t.output(),
					t.cacheRead(), t.cacheWrite(), t.cacheWrite5m(), t.cacheWrite1h(),
					discounts.apply(model, this.cost), this.cost, this.unpricedReason,
					new CostByMode(discounts.apply(model, this.byMode[0]), discounts.apply(model, this.byMode[1]),
							discounts.apply(model, this.byMode[2]), discounts.apply(model, this.byMode[3])));
		}

	}

}
