package com.bedrockcostanalyzer.reconcile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.bedrockcostanalyzer.reconcile.Reconciliation.Gap;
import com.bedrockcostanalyzer.reconcile.Reconciliation.Row;

/**
 * What the bill charges that invocation logs cannot or did not explain, by name. Runtime
 * invocation logs cover the InvokeModel and Converse APIs only: the OpenAI-compatible
 * {@code bedrock-mantle} endpoint, AgentCore, Guardrails, Knowledge Bases and provisioned
 * throughput hours show only in the bill; so does usage in a Region whose logging is off.
 */
final class BillGaps {

	static final String MANTLE = "bedrock-mantle endpoint";

	static final String AGENTCORE = "AgentCore";

	static final String GUARDRAILS = "Guardrails";

	static final String KNOWLEDGE_BASES = "Knowledge Bases";

	static final String PROVISIONED = "provisioned throughput";

	static final String OTHER = "other charges not per token";

	static final String REGION_WITHOUT_LOGS = "Region with no logs";

	static final String BEYOND_THE_LOGS = "tokens billed beyond the logs";

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private BillGaps() {
	}

	/**
	 * The gap a line is by what it bills, or null for runtime usage the logs can hold.
	 */
	static Gap outsideTheLogs(BilledLine line) {
		String usageType = line.usageType().toLowerCase(Locale.ROOT);
		String product = line.product().toLowerCase(Locale.ROOT);
		if (usageType.contains("-mantle-")) {
			String project = line.tags().get("Project");
			return new Gap(MANTLE, project != null ? "project " + project : nameOf(line), line.usd(),
					"calls to the OpenAI-compatible endpoint write no invocation logs: attribute them by their "
							+ "Project tag");
		}
		if (product.contains("agentcore") || usageType.contains("agentcore")) {
			return new Gap(AGENTCORE, nameOf(line), line.usd(), "agent runtime, not model inference: outside the logs");
		}
		if (usageType.contains("guardrail")) {
			return new Gap(GUARDRAILS, nameOf(line), line.usd(),
					"charged per text unit checked, not per token: outside the logs");
		}
		if (usageType.contains("knowledgebase") || usageType.contains("knowledge-base")) {
			return new Gap(KNOWLEDGE_BASES, nameOf(line), line.usd(),
					"retrieval, not model inference: outside the logs");
		}
		if (usageType.contains("provisionedthroughput")) {
			return new Gap(PROVISIONED, nameOf(line), line.usd(),
					"model-unit hours, billed whether used or not: see PROVISIONED_THROUGHPUT among the savings for "
							+ "how much of it the logged traffic uses");
		}
		return null;
	}

	static Gap otherCharge(BilledLine line) {
		return new Gap(OTHER, nameOf(line), line.usd(), "not per token: see the charges listed with the bill");
	}

	static void add(Map<List<String>, Gap> gaps, Gap gap) {
		gaps.merge(List.of(gap.kind(), gap.name()), gap,
				(a, b) -> new Gap(a.kind(), a.name(), a.usd().add(b.usd()), a.action()));
	}

	/**
	 * Explained dollars are each token row's billed dollars times the share of its tokens
	 * the logs hold; what the per-token rows leave unexplained is named by Region when
	 * the Region logged nothing in the window, and as tokens beyond the logs otherwise.
	 */
	static Reconciliation.BillCoverage coverage(BigDecimal billedUsd, List<Row> rows, Map<List<String>, Gap> named) {
		BigDecimal explained = BigDecimal.ZERO;
		Set<String> loggingRegions = new HashSet<>();
		rows.stream().filter((r) -> r.loggedTokens() > 0).forEach((r) -> loggingRegions.add(r.region()));
		Map<String, BigDecimal> silentRegions = new TreeMap<>();
		BigDecimal beyond = BigDecimal.ZERO;
		for (Row row : rows) {
			if (row.billedTokens() <= 0 || row.billedUsd().signum() == 0) {
				continue;
			}
			BigDecimal share = BigDecimal.valueOf(Math.min(row.loggedTokens(), row.billedTokens()))
				.divide(BigDecimal.valueOf(row.billedTokens()), 12, RoundingMode.HALF_EVEN);
			BigDecimal explainedHere = row.billedUsd().multiply(share);
			explained = explained.add(explainedHere);
			BigDecimal unexplained = row.billedUsd().subtract(explainedHere);
			if (unexplained.signum() == 0) {
				continue;
			}
			if (!loggingRegions.contains(row.region())) {
				silentRegions.merge(row.region(), unexplained, BigDecimal::add);
			}
			else {
				beyond = beyond.add(unexplained);
			}
		}
		List<Gap> gaps = new ArrayList<>(named.values());
		silentRegions.forEach((region, usd) -> gaps.add(new Gap(REGION_WITHOUT_LOGS, region, usd,
				"logging off in " + region + "? Enable model-invocation logging there, or add its logs as a source")));
		if (beyond.signum() != 0) {
			gaps.add(new Gap(BEYOND_THE_LOGS, "in Regions that log", beyond,
					"days with more tokens billed than logged: see the days that differ"));
		}
		gaps.sort(Comparator.comparing((Gap g) -> g.usd().abs()).reversed().thenComparing(Gap::kind));
		explained = explained.setScale(6, RoundingMode.HALF_EVEN);
		BigDecimal percent = billedUsd.signum() == 0 ? null
				: explained.multiply(HUNDRED).divide(billedUsd, 1, RoundingMode.HALF_EVEN);
		return new Reconciliation.BillCoverage(billedUsd, explained, percent, List.copyOf(gaps), loggingStopped(rows));
	}

	private record RegionDay(String region, LocalDate day) implements Comparable<RegionDay> {

		@Override
		public int compareTo(RegionDay o) {
			int byRegion = this.region.compareTo(o.region);
			return (byRegion != 0) ? byRegion : this.day.compareTo(o.day);
		}

	}

	/**
	 * The Region-days billed with nothing logged, in Regions that logged on an earlier
	 * day.
	 */
	static List<Reconciliation.LoggingStop> loggingStopped(List<Row> rows) {
		Map<String, LocalDate> firstLogged = new TreeMap<>();
		Map<RegionDay, long[]> tokens = new TreeMap<>();
		Map<RegionDay, BigDecimal> billed = new TreeMap<>();
		for (Row row : rows) {
			if (row.region() == null || row.day() == null) {
				continue;
			}
			RegionDay key = new RegionDay(row.region(), row.day());
			long[] t = tokens.computeIfAbsent(key, (k) -> new long[2]);
			t[0] += row.billedTokens();
			t[1] += row.loggedTokens();
			billed.merge(key, row.billedUsd(), BigDecimal::add);
			if (row.loggedTokens() > 0) {
				firstLogged.merge(row.region(), row.day(), (x, y) -> x.isBefore(y) ? x : y);
			}
		}
		List<Reconciliation.LoggingStop> stops = new ArrayList<>();
		tokens.forEach((key, t) -> {
			LocalDate first = firstLogged.get(key.region());
			if (t[0] > 0 && t[1] == 0 && first != null && first.isBefore(key.day())) {
				stops.add(new Reconciliation.LoggingStop(key.region(), key.day(), billed.get(key)));
			}
		});
		return stops;
	}

	private static String nameOf(BilledLine line) {
		return line.model() != null ? line.model() : line.usageType();
	}

}
