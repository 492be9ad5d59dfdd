package com.bedrockcostanalyzer.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.bedrockcostanalyzer.aggregate.DailyUsage;
import com.bedrockcostanalyzer.aggregate.UsageKey;
import com.bedrockcostanalyzer.savings.Opportunity;
import com.bedrockcostanalyzer.savings.OpportunityType;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;
import com.bedrockcostanalyzer.usage.Window;

/**
 * The savings ledger in the job database. Each report run adds what it proposes (or
 * updates its estimate), looks in the window's traffic for the change each open proposal
 * asked for — caching now in use on the path, its traffic on batch or flex, on the global
 * profile, on the cheaper model — and measures the savings of each acted-on proposal day
 * by day: the changed traffic as billed against the same traffic priced the old way. When
 * the change is first seen the path's 28 days before it are kept as its baseline.
 */
@Repository
public class SavingsLedger {

	/** Days before a change that make its baseline. */
	static final int BASELINE_DAYS = 28;

	/** A window this long with no traffic on a path means its proposals are gone. */
	static final int GONE_AFTER_DAYS = 7;

	private final JdbcTemplate jdbc;

	public SavingsLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Prices a day's usage the way it was, or another way; null when it cannot. */
	@FunctionalInterface
	public interface Pricing {

		@Nullable BigDecimal cost(UsageKey key, TokenCounts tokens);

	}

	/** A proposal's identity: its type, model and path, and its Region for capacity. */
	public static String identity(Opportunity o) {
		Object region = o.evidence().get("region");
		return o.type() + "|" + o.model() + "|" + o.path() + ((region != null) ? "|" + region : "");
	}

	/** The identities a person dismissed: never proposed again as open. */
	public Set<String> dismissed() {
		return new HashSet<>(this.jdbc.queryForList("SELECT identity FROM bca_savings_ledger WHERE status = ?",
				String.class, LedgerEntry.DISMISSED));
	}

	/**
	 * Dismisses a proposal for good.
	 * @throws IllegalArgumentException when the ledger has no such id
	 */
	public void dismiss(long id, String reason, LocalDate today) {
		int updated = this.jdbc.update(
				"UPDATE bca_savings_ledger SET status = ?, reason = ?, status_since = ? WHERE id = ?",
				LedgerEntry.DISMISSED, reason, Date.valueOf(today), id);
		if (updated == 0) {
			throw new IllegalArgumentException("the savings ledger has no proposal " + id);
		}
	}

	/**
	 * Records the run's proposals, finds the changes and measures them in the window.
	 * @param proposed every opportunity the run found (findings without a saving are left
	 * out)
	 * @param sources the run's sources: a proposal's change is looked for only in the
	 * traffic of the sources that proposed it
	 * @param daily the window's stored usage
	 * @param history the stored usage of another window (for baselines)
	 */
	public LedgerProgress update(List<Opportunity> proposed, List<String> sources, Window window,
			List<DailyUsage> daily, Pricing pricing, Function<Window, List<DailyUsage>> history) {
		LocalDate lastDay = window.to().minusDays(1);
		String sourceKey = String.join("\n", new java.util.TreeSet<>(sources));
		for (Opportunity o : proposed) {
			if (o.savings() != null) {
				propose(o, sourceKey, lastDay);
			}
		}
		// Read once; the rows are kept in step with what is written.
		List<Row> rows = rows();
		for (Row row : rows) {
			if (!row.sources.equals(sourceKey)) {
				continue;
			}
			if (row.status.equals(LedgerEntry.OPEN)) {
				LocalDate changed = firstChange(row, daily);
				if (changed != null) {
					actedOn(row, changed, pricing, history);
				}
				else if (window.days().size() >= GONE_AFTER_DAYS
						&& daily.stream().noneMatch((d) -> onPath(row, d) || onTarget(row, d))) {
					this.jdbc.update("UPDATE bca_savings_ledger SET status = ?, status_since = ? WHERE id = ?",
							LedgerEntry.GONE, Date.valueOf(lastDay), row.id);
					row.status = LedgerEntry.GONE;
				}
			}
			if (row.status.equals(LedgerEntry.ACTED_ON) && row.changeDay != null) {
				measure(row, daily, pricing);
			}
		}
		return progress(rows, window);
	}

	private void propose(Opportunity o, String sources, LocalDate day) {
		String identity = identity(o);
		BigDecimal estimate = o.savings().setScale(6, RoundingMode.HALF_EVEN);
		int updated = this.jdbc.update("""
				UPDATE bca_savings_ledger SET last_seen = CASE WHEN last_seen < ? THEN ? ELSE last_seen END,
				  estimate = ?, status = CASE WHEN status = 'gone' THEN 'open' ELSE status END
				WHERE identity = ?""", Date.valueOf(day), Date.valueOf(day), estimate, identity);
		if (updated == 0) {
			this.jdbc.update("""
					INSERT INTO bca_savings_ledger (identity, sources, type, model, path, target, status, first_seen,
					  last_seen, first_estimate, estimate, status_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					identity, sources, o.type().name(), o.model(), o.path(), target(o), LedgerEntry.OPEN,
					Date.valueOf(day), Date.valueOf(day), estimate, estimate, Date.valueOf(day));
		}
	}

	/**
	 * What the change moves the traffic to: the cheaper model of a routing proposal, the
	 * scope a global-profile proposal moves from.
	 */
	private static @Nullable String target(Opportunity o) {
		if (o.type() == OpportunityType.MODEL_ROUTING) {
			Object cheaper = o.evidence().get("cheaperModel");
			return (cheaper != null) ? cheaper.toString() : null;
		}
		if (o.type() == OpportunityType.GLOBAL_PROFILE && o.evidence().get("currentScopes") instanceof List<?> scopes
				&& !scopes.isEmpty()) {
			return scopes.get(0).toString();
		}
		return null;
	}

	/** The rows of the window that show the change the proposal asked for. */
	private static Predicate<DailyUsage> changed(Row row) {
		return switch (row.type) {
			case "PROMPT_CACHING" ->
				(d) -> onPath(row, d) && (d.totals().tokens().cacheRead() > 0 || d.totals().tokens().cacheWrite() > 0);
			case "BATCH" -> (d) -> onPath(row, d) && d.key().tier() == Tier.BATCH;
			case "SERVICE_TIER" -> (d) -> onPath(row, d) && d.key().tier() == Tier.FLEX;
			case "GLOBAL_PROFILE" -> (d) -> onPath(row, d) && d.key().scope() == Scope.GLOBAL;
			case "MODEL_ROUTING" -> (d) -> onTarget(row, d);
			default -> (d) -> false;
		};
	}

	private static boolean onPath(Row row, DailyUsage d) {
		return d.key().model().equals(row.model) && d.key().path().equals(row.path);
	}

	private static boolean onTarget(Row row, DailyUsage d) {
		return row.type.equals("MODEL_ROUTING") && row.target != null && d.key().model().equals(row.target)
				&& d.key().path().equals(row.path);
	}

	private static @Nullable LocalDate firstChange(Row row, List<DailyUsage> daily) {
		return daily.stream()
			.filter(changed(row))
			.filter((d) -> !d.key().day().isBefore(row.firstSeen))
			.map((d) -> d.key().day())
			.min(LocalDate::compareTo)
			.orElse(null);
	}

	/** Marks the change and keeps the path's 28 days before it as the baseline. */
	private void actedOn(Row row, LocalDate changeDay, Pricing pricing, Function<Window, List<DailyUsage>> history) {
		long requests = 0;
		BigDecimal cost = BigDecimal.ZERO;
		for (DailyUsage d : history.apply(new Window(changeDay.minusDays(BASELINE_DAYS), changeDay))) {
			if (onPath(row, d)) {
				BigDecimal c = pricing.cost(d.key(), d.totals().tokens());
				requests += d.totals().requests();
				cost = cost.add((c != null) ? c : BigDecimal.ZERO);
			}
		}
		this.jdbc.update("""
				UPDATE bca_savings_ledger SET status = ?, status_since = ?, change_day = ?, baseline_from = ?,
				  baseline_requests = ?, baseline_cost = ? WHERE id = ?""", LedgerEntry.ACTED_ON,
				Date.valueOf(changeDay), Date.valueOf(changeDay), Date.valueOf(changeDay.minusDays(BASELINE_DAYS)),
				requests, cost.setScale(6, RoundingMode.HALF_EVEN), row.id);
		row.status = LedgerEntry.ACTED_ON;
		row.changeDay = changeDay;
		row.baselineFrom = changeDay.minusDays(BASELINE_DAYS);
		row.baselineRequests = requests;
		row.baselineCost = cost.setScale(6, RoundingMode.HALF_EVEN);
	}

	/**
	 * Each day of the window from the change on: the changed traffic as billed against
	 * the same traffic priced the old way.
	 */
	private void measure(Row row, List<DailyUsage> daily, Pricing pricing) {
		Map<LocalDate, BigDecimal> byDay = new TreeMap<>();
		Predicate<DailyUsage> changed = changed(row);
		for (DailyUsage d : daily) {
			if (d.key().day().isBefore(row.changeDay) || !changed.test(d)) {
				continue;
			}
			BigDecimal now = pricing.cost(d.key(), d.totals().tokens());
			BigDecimal before = oldWay(row, d, pricing);
			if (now != null && before != null) {
				byDay.merge(d.key().day(), before.subtract(now), BigDecimal::add);
			}
		}
		byDay.forEach((day, usd) -> {
			this.jdbc.update("DELETE FROM bca_savings_realized WHERE ledger_id = ? AND usage_day = ?", row.id,
					Date.valueOf(day));
			this.jdbc.update("INSERT INTO bca_savings_realized (ledger_id, usage_day, realized_usd) VALUES (?, ?, ?)",
					row.id, Date.valueOf(day), usd.setScale(6, RoundingMode.HALF_EVEN));
		});
	}

	private static @Nullable BigDecimal oldWay(Row row, DailyUsage d, Pricing pricing) {
		UsageKey k = d.key();
		TokenCounts t = d.totals().tokens();
		return switch (row.type) {
			case "PROMPT_CACHING" ->
				pricing.cost(k, new TokenCounts(t.input() + t.cacheRead() + t.cacheWrite(), t.output(), 0, 0, 0));
			case "BATCH", "SERVICE_TIER" -> pricing.cost(k.with(k.model(), k.scope(), Tier.STANDARD), t);
			case "GLOBAL_PROFILE" ->
				(row.target == null) ? null : pricing.cost(k.with(k.model(), Scope.fromLabel(row.target), k.tier()), t);
			case "MODEL_ROUTING" -> pricing.cost(k.with(row.model, k.scope(), k.tier()), t);
			default -> null;
		};
	}

	private LedgerProgress progress(List<Row> rows, Window window) {
		// Per proposal: realized in the window, and to date.
		Map<Long, BigDecimal[]> realized = new TreeMap<>();
		this.jdbc.query("""
				SELECT ledger_id, SUM(CASE WHEN usage_day >= ? AND usage_day < ? THEN realized_usd ELSE 0 END),
				  SUM(realized_usd) FROM bca_savings_realized GROUP BY ledger_id""", (rs) -> {
			realized.put(rs.getLong(1), new BigDecimal[] { rs.getBigDecimal(2), rs.getBigDecimal(3) });
		}, Date.valueOf(window.from()), Date.valueOf(window.to()));
		List<LedgerEntry> entries = new ArrayList<>();
		BigDecimal inWindow = BigDecimal.ZERO;
		BigDecimal toDate = BigDecimal.ZERO;
		BigDecimal openEstimate = BigDecimal.ZERO;
		int open = 0;
		int actedOn = 0;
		int dismissed = 0;
		int gone = 0;
		for (Row row : rows) {
			BigDecimal[] sums = realized.getOrDefault(row.id, new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			BigDecimal perRequest = (row.baselineRequests == null || row.baselineRequests == 0
					|| row.baselineCost == null) ? null
							: row.baselineCost.divide(BigDecimal.valueOf(row.baselineRequests), 6,
									RoundingMode.HALF_EVEN);
			entries.add(new LedgerEntry(row.id, row.type, row.model, row.path, row.target, row.status, row.firstSeen,
					row.lastSeen, row.estimate.setScale(2, RoundingMode.HALF_EVEN), row.reason, row.changeDay,
					row.baselineFrom, row.baselineRequests,
					(row.baselineCost == null) ? null : row.baselineCost.setScale(2, RoundingMode.HALF_EVEN),
					perRequest, sums[0].setScale(2, RoundingMode.HALF_EVEN),
					sums[1].setScale(2, RoundingMode.HALF_EVEN), row.status.equals(LedgerEntry.ACTED_ON) ? "measured"
							: row.status.equals(LedgerEntry.OPEN) ? "estimated" : "none"));
			inWindow = inWindow.add(sums[0]);
			toDate = toDate.add(sums[1]);
			switch (row.status) {
				case LedgerEntry.OPEN -> {
					open++;
					openEstimate = openEstimate.add(row.estimate);
				}
				case LedgerEntry.ACTED_ON -> actedOn++;
				case LedgerEntry.DISMISSED -> dismissed++;
				default -> gone++;
			}
		}
		return new LedgerProgress(inWindow.setScale(2, RoundingMode.HALF_EVEN),
				toDate.setScale(2, RoundingMode.HALF_EVEN), open, openEstimate.setScale(2, RoundingMode.HALF_EVEN),
				actedOn, dismissed, gone, entries);
	}

	/** The ledger as it stands, for the command line. */
	public List<LedgerEntry> entries(Window window) {
		return progress(rows(), window).entries();
	}

	/** A ledger row as stored. */
	private static final class Row {

		long id;

		String type = "";

		String model = "";

		String path = "";

		@Nullable String target;

		String status = "";

		String sources = "";

		LocalDate firstSeen = LocalDate.MIN;

		LocalDate lastSeen = LocalDate.MIN;

		BigDecimal estimate = BigDecimal.ZERO;

		@Nullable String reason;

		@Nullable LocalDate changeDay;

		@Nullable LocalDate baselineFrom;

		@Nullable Long baselineRequests;

		@Nullable BigDecimal baselineCost;

	}

	private List<Row> rows() {
		return this.jdbc.query("""
				SELECT id, type, model, path, target, status, first_seen, last_seen, estimate, reason, change_day,
				  baseline_from, baseline_requests, baseline_cost, sources FROM bca_savings_ledger ORDER BY id""",
				(rs, n) -> {
					Row row = new Row();
					row.id = rs.getLong(1);
					row.type = rs.getString(2);
					row.model = rs.getString(3);
					row.path = rs.getString(4);
					row.target = rs.getString(5);
					row.status = rs.getString(6);
					row.firstSeen = rs.getDate(7).toLocalDate();
					row.lastSeen = rs.getDate(8).toLocalDate();
					row.estimate = rs.getBigDecimal(9);
					row.reason = rs.getString(10);
					row.changeDay = (rs.getDate(11) != null) ? rs.getDate(11).toLocalDate() : null;
					row.baselineFrom = (rs.getDate(12) != null) ? rs.getDate(12).toLocalDate() : null;
					long requests = rs.getLong(13);
					row.baselineRequests = rs.wasNull() ? null : requests;
					row.baselineCost = rs.getBigDecimal(14);
					row.sources = rs.getString(15);
					return row;
				});
	}

}
