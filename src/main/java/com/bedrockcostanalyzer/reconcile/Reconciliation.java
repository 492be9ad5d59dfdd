package com.bedrockcostanalyzer.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The bill set beside the logs: per day, Region, model, tier, scope and token type, the
 * tokens and dollars the CUR billed against the tokens the logs hold and what the price
 * book makes of them. Dollars are USD; our side is after the run's discount. Each row
 * says what its difference most likely is.
 *
 * @param files the CUR files read
 * @param totals the month in a line
 * @param deltaByFinding the dollar difference (billed − priced) grouped by what explains
 * it
 * @param byModel per model and token type over the window
 * @param rows per day (every key either side has)
 * @param otherCharges Bedrock charges that are not per token (provisioned throughput,
 * reserved capacity, long context)
 * @param otherLineTypes credits, tax, refunds and other non-usage line types, by type, in
 * USD
 * @param daysBilledNotLogged days with billed tokens and no logged tokens at all: logging
 * gaps
 * @param notes how the file was read (units assumed)
 * @param rejects lines that could not be read, with file and line
 * @param coverage how much of the bill the logs explain, and the rest by name
 * @param chargeback billed dollars per IAM principal and per chosen tag, beside the
 * logged dollars of the same caller or tag (empty when the bill carries neither)
 */
public record Reconciliation(List<String> files, Totals totals, Map<String, BigDecimal> deltaByFinding,
		List<Row> byModel, List<Row> rows, List<OtherCharge> otherCharges, Map<String, BigDecimal> otherLineTypes,
		List<LocalDate> daysBilledNotLogged, List<String> notes, List<Reject> rejects, BillCoverage coverage,
		List<ChargebackRow> chargeback) {

	/**
	 * How many of the rows that differ the human reports show; reconciliation.csv has
	 * them all.
	 */
	static final int SHOWN_DIFFERENCES = 30;

	public static final String MATCHES = "matches";

	public static final String NOT_LOGGED = "billed, not in the logs";

	public static final String NOT_BILLED = "logged, not billed";

	public static final String TOKENS_DIFFER = "tokens differ";

	public static final String PRICE_DIFFERS = "price differs";

	public static final String UNPRICED = "not in the price book";

	public static final String UNRECOGNISED = "usage type not recognised";

	/** The rows whose finding is not "matches", largest dollar difference first. */
	@JsonIgnore
	public List<Row> differing() {
		return this.rows.stream()
			.filter((r) -> !r.finding().equals(MATCHES))
			.sorted(Comparator.comparing((Row r) -> r.usdDelta().abs()).reversed())
			.toList();
	}

	/** The largest of {@link #differing()}, as many as the human reports show. */
	@JsonIgnore
	public List<Row> shownDifferences() {
		List<Row> all = differing();
		return all.subList(0, Math.min(all.size(), SHOWN_DIFFERENCES));
	}

	/**
	 * @param billedUsd every Bedrock usage line of the window (per-token and other
	 * charges)
	 * @param billedTokenUsd the per-token lines only
	 * @param pricedUsd our price for the logged tokens
	 * @param deltaUsd billedTokenUsd − pricedUsd
	 */
	public record Totals(BigDecimal billedUsd, BigDecimal billedTokenUsd, BigDecimal pricedUsd, BigDecimal deltaUsd,
			long billedTokens, long loggedTokens) {
	}

	/**
	 * One comparison. {@code model} is null and {@code usageType} set when the bill
	 * line's model is not known; {@code day} and {@code region} are null in the per-model
	 * summary. {@code pricedUsd} is null when the price book has no price for the logged
	 * tokens.
	 */
	public record Row(LocalDate day, String region, String model, String usageType, String tier, String context,
			String scope, String tokenType, long billedTokens, BigDecimal billedUsd, long loggedTokens,
			BigDecimal pricedUsd, long tokenDelta, BigDecimal usdDelta, String finding) {
	}

	public record OtherCharge(String usageType, String model, BigDecimal usd) {
	}

	/**
	 * The share of the window's Bedrock bill the logs explain: each per-token row's
	 * billed dollars times the share of its billed tokens the logs hold (at most all of
	 * them), over every Bedrock usage line billed. The rest is named in {@code gaps}.
	 *
	 * @param percent explained / billed, in percent to one decimal; null with no bill
	 */
	public record BillCoverage(BigDecimal billedUsd, BigDecimal explainedUsd, BigDecimal percent, List<Gap> gaps,
			List<LoggingStop> loggingStopped) {
	}

	/**
	 * A Region that logged earlier in the window and then, on this day, was billed for
	 * tokens with none logged: its logging most likely stopped.
	 */
	public record LoggingStop(String region, LocalDate day, BigDecimal billedUsd) {
	}

	/** Billed dollars the logs do not explain, by what they are and what to do. */
	public record Gap(String kind, String name, BigDecimal usd, String action) {
	}

	/**
	 * Billed dollars of one IAM principal (as its caller path, the same rule as the
	 * logs') or one tag value, beside the dollars the logs price for that caller's path
	 * or that tag's value (from application inference profiles); {@code loggedUsd} null
	 * when the logs have nothing under that name.
	 */
	public record ChargebackRow(String by, String name, BigDecimal billedUsd, BigDecimal loggedUsd,
			BigDecimal differenceUsd) {
	}

	public record Reject(String location, String reason) {
	}

}
