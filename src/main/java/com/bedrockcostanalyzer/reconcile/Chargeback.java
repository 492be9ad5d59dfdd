package com.bedrockcostanalyzer.reconcile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import com.bedrockcostanalyzer.reconcile.Reconciliation.ChargebackRow;

/**
 * The bill per team: billed dollars per IAM principal (CUR 2.0's caller identity, named
 * by the caller rule the logs use, so a role's bill sits beside the role's logged path)
 * and per value of each chosen tag (the principal's tag, else the resource's), beside the
 * dollars the report gives the same path or the same tag of the application inference
 * profiles the calls went through. Lines are summed as they are read, never kept.
 */
final class Chargeback {

	static final String NO_PRINCIPAL = "(no principal on the line)";

	static final String UNTAGGED = LoggedSpend.UNTAGGED;

	private final UnaryOperator<String> callerPath;

	private final List<String> tagKeys;

	private final Map<String, BigDecimal> byPrincipal = new TreeMap<>();

	private boolean principals;

	private final Map<String, Map<String, BigDecimal>> byTag = new LinkedHashMap<>();

	private final Map<String, Boolean> tagged = new HashMap<>();

	Chargeback(UnaryOperator<String> callerPath, List<String> tagKeys) {
		this.callerPath = callerPath;
		this.tagKeys = tagKeys;
		tagKeys.forEach((tag) -> this.byTag.put(tag, new TreeMap<>()));
	}

	void add(BilledLine line) {
		this.principals |= !line.principal().isEmpty();
		this.byPrincipal.merge(line.principal().isEmpty() ? NO_PRINCIPAL : this.callerPath.apply(line.principal()),
				line.usd(), BigDecimal::add);
		for (String tag : this.tagKeys) {
			String value = line.tags().get(tag);
			if (value != null) {
				this.tagged.put(tag, true);
			}
			this.byTag.get(tag).merge(value != null ? value : UNTAGGED, line.usd(), BigDecimal::add);
		}
	}

	/**
	 * Only the ways the bill can be split: by principal when it names any, by a tag it
	 * carries.
	 */
	List<ChargebackRow> rows(LoggedSpend logged) {
		List<ChargebackRow> rows = new ArrayList<>();
		if (this.principals) {
			rows.addAll(rows("principal", this.byPrincipal, logged.byPath()));
		}
		this.byTag.forEach((tag, billed) -> {
			if (this.tagged.containsKey(tag)) {
				rows.addAll(rows("tag:" + tag, billed, logged.byValueOf(tag)));
			}
		});
		return rows;
	}

	private static List<ChargebackRow> rows(String by, Map<String, BigDecimal> billed, Map<String, BigDecimal> logged) {
		List<ChargebackRow> rows = new ArrayList<>();
		billed.forEach((name, usd) -> {
			BigDecimal ours = logged.get(name);
			rows.add(new ChargebackRow(by, name, usd, ours, ours == null ? null : usd.subtract(ours)));
		});
		rows.sort(Comparator.comparing(ChargebackRow::billedUsd).reversed().thenComparing(ChargebackRow::name));
		return rows;
	}

}
