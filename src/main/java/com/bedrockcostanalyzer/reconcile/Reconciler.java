package com.bedrockcostanalyzer.reconcile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import com.bedrockcostanalyzer.aggregate.DailyUsage;
import com.bedrockcostanalyzer.aggregate.UsageKey;
import com.bedrockcostanalyzer.pricing.Cost;
import com.bedrockcostanalyzer.pricing.CostCalculator;
import com.bedrockcostanalyzer.pricing.Discounts;
import com.bedrockcostanalyzer.pricing.UsageType.TokenKind;
import com.bedrockcostanalyzer.reconcile.Reconciliation.Row;
import com.bedrockcostanalyzer.usage.Context;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;
import com.bedrockcostanalyzer.usage.Window;

/**
 * Sets the bill beside the logs. Both sides are summed to the same key — day, Region,
 * model, tier, scope, token type — and every key either side has becomes a row, so usage
 * billed but never logged (logging off, another account, a delivery gap) shows up with
 * its token type and dollars, as does logged usage the bill does not carry.
 */
public final class Reconciler {

	/**
	 * Token counts within this share of each other agree (CUR amounts are rounded to
	 * their unit).
	 */
	private static final BigDecimal TOKEN_TOLERANCE = new BigDecimal("0.001");

	/** Dollar amounts within this share (or a cent) agree. */
	private static final BigDecimal USD_TOLERANCE = new BigDecimal("0.005");

	private static final BigDecimal CENT = new BigDecimal("0.01");

	private final CostCalculator calculator;

	private final Discounts discounts;

	private final BilledModels models;

	public Reconciler(CostCalculator calculator, Discounts discounts) {
		this.calculator = calculator;
		this.discounts = discounts;
		this.models = BilledModels.shipped();
	}

	private record Key(LocalDate day, String region, String model, String usageType, Tier tier, Context context,
			String scope, TokenKind kind) implements Comparable<Key> {

		private static final Comparator<Key> ORDER = Comparator.comparing(Key::day)
			.thenComparing(Key::region, Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparing(Key::model, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Key::usageType, Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparing(Key::tier)
			.thenComparing(Key::context)
			.thenComparing(Key::scope)
			.thenComparing(Key::kind);

		@Override
		public int compareTo(Key o) {
			return ORDER.compare(this, o);
		}

	}

	private static final class Side {

		BigDecimal billedTokens = BigDecimal.ZERO;

		BigDecimal billedUsd = BigDecimal.ZERO;

		long loggedTokens;

		BigDecimal pricedUsd = BigDecimal.ZERO;

		boolean unpriced;

	}

	/**
	 * @param callerPath the path the logs give a caller ARN that names no path itself
	 * (pseudonymized when callers are), to set a principal's bill beside its logged usage
	 * @param tagKeys the tag keys to charge back by (team, cost centre)
	 * @param logged what the report gives each path and tag value, beside their bill
	 */
	public Reconciliation reconcile(List<Path> curFiles, Window window, List<DailyUsage> daily,
			UnaryOperator<String> callerPath, List<String> tagKeys, LoggedSpend logged) {
		CurReader reader = new CurReader(this.models);
		CurReader.Findings findings = new CurReader.Findings();
		Map<Key, Side> sides = new TreeMap<>();
		Map<String, Reconciliation.OtherCharge> other = new TreeMap<>();
		Map<List<String>, Reconciliation.Gap> gaps = new LinkedHashMap<>();
		Chargeback chargeback = new Chargeback(callerPath, tagKeys);
		BigDecimal billedUsd = BigDecimal.ZERO;
		for (Path file : curFiles) {
			List<BilledLine> lines = new ArrayList<>();
			reader.read(file, window, lines::add, findings);
			for (BilledLine line : lines) {
				billedUsd = billedUsd.add(line.usd());
				chargeback.add(line);
				Reconciliation.Gap gap = BillGaps.outsideTheLogs(line);
				if (gap != null) {
					BillGaps.add(gaps, gap);
				}
				if (line.placement() == null) {
					other.merge(line.usageType(),
							new Reconciliation.OtherCharge(line.usageType(), line.model(), line.usd()),
							(a, b) -> new Reconciliation.OtherCharge(a.usageType(), a.model(), a.usd().add(b.usd())));
					if (gap == null) {
						BillGaps.add(gaps, BillGaps.otherCharge(line));
					}
					continue;
				}
				if (gap != null) {
					// Per token, but through a way of calling Bedrock that writes no
					// invocation logs.
					continue;
				}
				var p = line.placement();
				Key key = new Key(line.day(), line.region(), line.model(),
						line.model() == null ? line.usageType() : null, p.tier(), p.context(), p.scope().label(),
						p.kind());
				Side side = sides.computeIfAbsent(key, (k) -> new Side());
				side.billedTokens = side.billedTokens.add(line.tokens());
				side.billedUsd = side.billedUsd.add(line.usd());
			}
		}
		addLogged(daily, sides);
		List<Row> rows = new ArrayList<>();
		sides.forEach((key, side) -> rows.add(row(key, side)));
		return new Reconciliation(curFiles.stream().map((f) -> f.getFileName().toString()).toList(),
				totals(billedUsd, rows), deltaByFinding(rows, other), byModel(sides), rows, List.copyOf(other.values()),
				findings.otherLineTypes, daysBilledNotLogged(rows), List.copyOf(findings.notes), findings.rejects,
				BillGaps.coverage(billedUsd, rows, gaps), chargeback.rows(logged));
	}

	private void addLogged(List<DailyUsage> daily, Map<Key, Side> sides) {
		// Paths do not reach the bill: sum them away first, then price each kind of token
		// alone at the day's rates.
		Map<UsageKey, TokenCounts> byKey = new LinkedHashMap<>();
		for (DailyUsage usage : daily) {
			UsageKey k = usage.key();
			byKey.merge(new UsageKey(k.day(), k.region(), k.model(), k.scope(), k.tier(), k.context(), ""),
					usage.totals().tokens(), TokenCounts::plus);
		}
		byKey.forEach((k, tokens) -> {
			for (TokenKind kind : TokenKind.values()) {
				long count = kind.of(tokens);
				if (count == 0) {
					continue;
				}
				Side side = sides.computeIfAbsent(
						new Key(k.day(), k.region(), k.model(), null, k.tier(), k.context(), k.scope().label(), kind),
						(key) -> new Side());
				side.loggedTokens += count;
				Cost cost = this.calculator.cost(k.model(), k.region(), k.scope(), k.tier(), k.context(), k.day(),
						kind.only(count));
				if (cost.priced()) {
					side.pricedUsd = side.pricedUsd.add(this.discounts.apply(k.model(), cost.usd()));
				}
				else {
					side.unpriced = true;
				}
			}
		});
	}

	private static Row row(Key key, Side side) {
		long billed = side.billedTokens.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
		BigDecimal priced = side.unpriced ? null : side.pricedUsd;
		return new Row(key.day(), key.region(), key.model(), key.usageType(), key.tier().label(), key.context().label(),
				key.scope(), key.kind().label(), billed, side.billedUsd, side.loggedTokens, priced,
				billed - side.loggedTokens, side.billedUsd.subtract(priced == null ? BigDecimal.ZERO : priced),
				finding(key.model(), key.tier(), billed, side.billedUsd, side.loggedTokens, priced));
	}

	static String finding(String model, Tier tier, long billed, BigDecimal billedUsd, long logged, BigDecimal priced) {
		if (model == null) {
			return Reconciliation.UNRECOGNISED;
		}
		if (logged == 0) {
			return Reconciliation.NOT_LOGGED;
		}
		if (billed == 0) {
			return Reconciliation.NOT_BILLED;
		}
		long larger = Math.max(billed, logged);
		if (BigDecimal.valueOf(Math.abs(billed - logged))
			.compareTo(TOKEN_TOLERANCE.multiply(BigDecimal.valueOf(larger))) > 0) {
			return Reconciliation.TOKENS_DIFFER;
		}
		if (priced == null) {
			return Reconciliation.UNPRICED;
		}
		BigDecimal allowed = USD_TOLERANCE.multiply(billedUsd.abs()).max(CENT);
		return billedUsd.subtract(priced).abs().compareTo(allowed) > 0 ? Reconciliation.PRICE_DIFFERS
				: Reconciliation.MATCHES;
	}

	private static Reconciliation.Totals totals(BigDecimal billedUsd, List<Row> rows) {
		BigDecimal billedTokenUsd = BigDecimal.ZERO;
		BigDecimal priced = BigDecimal.ZERO;
		long billedTokens = 0;
		long loggedTokens = 0;
		for (Row row : rows) {
			billedTokenUsd = billedTokenUsd.add(row.billedUsd());
			priced = priced.add(row.pricedUsd() == null ? BigDecimal.ZERO : row.pricedUsd());
			billedTokens += row.billedTokens();
			loggedTokens += row.loggedTokens();
		}
		return new Reconciliation.Totals(billedUsd, billedTokenUsd, priced, billedTokenUsd.subtract(priced),
				billedTokens, loggedTokens);
	}

	/**
	 * The findings in the order a reader takes them, the explained ones first; a finding
	 * no row has is left out.
	 */
	private static final List<String> FINDING_ORDER = List.of(Reconciliation.NOT_LOGGED, Reconciliation.NOT_BILLED,
			Reconciliation.TOKENS_DIFFER, Reconciliation.PRICE_DIFFERS, Reconciliation.UNPRICED,
			Reconciliation.UNRECOGNISED, Reconciliation.MATCHES);

	private static Map<String, BigDecimal> deltaByFinding(List<Row> rows,
			Map<String, Reconciliation.OtherCharge> other) {
		Map<String, BigDecimal> sums = new HashMap<>();
		rows.forEach((r) -> sums.merge(r.finding(), r.usdDelta(), BigDecimal::add));
		Map<String, BigDecimal> result = new LinkedHashMap<>();
		FINDING_ORDER.stream().filter(sums::containsKey).forEach((f) -> result.put(f, sums.get(f)));
		if (!other.isEmpty()) {
			result.put("charged, not per token",
					other.values()
						.stream()
						.map(Reconciliation.OtherCharge::usd)
						.reduce(BigDecimal.ZERO, BigDecimal::add));
		}
		return result;
	}

	/**
	 * The window per model and token type; the finding is that of the sums, so a month
	 * can match while days do not.
	 */
	private static List<Row> byModel(Map<Key, Side> sides) {
		Map<Key, Side> sums = new HashMap<>();
		sides.forEach((k, side) -> {
			Side sum = sums.computeIfAbsent(
					new Key(null, null, k.model(), k.usageType(), k.tier(), k.context(), k.scope(), k.kind()),
					(m) -> new Side());
			sum.billedTokens = sum.billedTokens.add(side.billedTokens);
			sum.billedUsd = sum.billedUsd.add(side.billedUsd);
			sum.loggedTokens += side.loggedTokens;
			sum.pricedUsd = sum.pricedUsd.add(side.pricedUsd);
			sum.unpriced |= side.unpriced;
		});
		List<Row> rows = new ArrayList<>();
		sums.forEach((k, side) -> rows.add(row(k, side)));
		rows.sort(Comparator
			.comparing((Row r) -> r.billedUsd().max(Objects.requireNonNullElse(r.pricedUsd(), BigDecimal.ZERO)))
			.reversed()
			.thenComparing(Row::tokenType));
		return rows;
	}

	private static List<LocalDate> daysBilledNotLogged(List<Row> rows) {
		TreeSet<LocalDate> billed = new TreeSet<>();
		TreeSet<LocalDate> logged = new TreeSet<>();
		for (Row row : rows) {
			if (row.billedTokens() > 0) {
				billed.add(row.day());
			}
			if (row.loggedTokens() > 0) {
				logged.add(row.day());
			}
		}
		billed.removeAll(logged);
		return List.copyOf(billed);
	}

}
