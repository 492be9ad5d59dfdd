package com.bedrockcostanalyzer.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.lang.Contract;

import org.jspecify.annotations.Nullable;

/**
 * Private-pricing discounts, in percent off list: one for everything ({@code 7}) and/or
 * per model family, a model-id prefix ({@code anthropic=12}, {@code amazon.nova=5}). The
 * longest matching prefix wins, so a family rule overrides the overall one.
 */
public final class Discounts {

	public static final Discounts NONE = new Discounts(List.of());

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** One rule; an empty family applies to every model. */
	public record Rule(String family, BigDecimal percent) {
	}

	private final List<Rule> rules;

	public Discounts(List<Rule> rules) {
		this.rules = rules.stream().sorted(Comparator.comparing((Rule r) -> r.family().length()).reversed()).toList();
	}

	/** Parses {@code 7}, {@code anthropic=12} or several of them separated by commas. */
	public static Discounts parse(List<String> specs) {
		List<Rule> rules = new ArrayList<>();
		for (String spec : specs) {
			for (String part : spec.split(",")) {
				String text = part.trim();
				if (text.isEmpty()) {
					continue;
				}
				int eq = text.indexOf('=');
				String family = eq < 0 ? "" : text.substring(0, eq).trim();
				String number = (eq < 0 ? text : text.substring(eq + 1)).trim().replace("%", "");
				BigDecimal percent;
				try {
					percent = new BigDecimal(number);
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException(
							"a discount is a percent, e.g. 7 or anthropic=12, not '" + text + "'");
				}
				if (percent.signum() < 0 || percent.compareTo(HUNDRED) >= 0) {
					throw new IllegalArgumentException(
							"a discount must be at least 0 and below 100 percent: '" + text + "'");
				}
				if (rules.stream().anyMatch((r) -> r.family().equals(family))) {
					throw new IllegalArgumentException(
							"two discounts for " + (family.isEmpty() ? "all models" : family));
				}
				rules.add(new Rule(family, percent));
			}
		}
		return new Discounts(rules);
	}

	public List<Rule> rules() {
		return this.rules;
	}

	public boolean isEmpty() {
		return this.rules.isEmpty();
	}

	public BigDecimal percentFor(String modelId) {
		for (Rule rule : this.rules) {
			if (modelId.startsWith(rule.family())) {
				return rule.percent();
			}
		}
		return BigDecimal.ZERO;
	}

	/** The amount after the model's discount; exact (a percent has few decimals). */
	@Contract("_, null -> null; _, !null -> !null")
	public @Nullable BigDecimal apply(String modelId, @Nullable BigDecimal listUsd) {
		if (listUsd == null) {
			return null;
		}
		BigDecimal percent = percentFor(modelId);
		if (percent.signum() == 0) {
			return listUsd;
		}
		return listUsd.multiply(HUNDRED.subtract(percent))
			.divide(HUNDRED, listUsd.scale() + percent.scale() + 2, RoundingMode.UNNECESSARY);
	}

	/** The same rules as written on the command line, for the job parameters. */
	public String spec() {
		return String.join(",",
				this.rules.stream()
					.map((r) -> r.family().isEmpty() ? r.percent().toPlainString()
							: r.family() + "=" + r.percent().toPlainString())
					.toList());
	}

}
