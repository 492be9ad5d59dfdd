package com.bedrockcostanalyzer.pricing;

import java.math.BigDecimal;
import java.util.Locale;

import org.springframework.lang.Contract;

import org.jspecify.annotations.Nullable;

/**
 * The currency the human reports show besides USD, at a rate the user gives (units of the
 * currency per 1 USD). Bedrock bills in USD, so USD stays in every file; the converted
 * amount is for reading.
 */
public record DisplayCurrency(String code, BigDecimal ratePerUsd) {

	public static final DisplayCurrency USD = new DisplayCurrency("USD", BigDecimal.ONE);

	public DisplayCurrency {
		code = code.trim().toUpperCase(Locale.ROOT);
		if (!code.matches("[A-Z]{3}")) {
			throw new IllegalArgumentException("a currency is a three-letter ISO code such as EUR, not '" + code + "'");
		}
		if (ratePerUsd.signum() <= 0) {
			throw new IllegalArgumentException("the exchange rate must be above zero");
		}
	}

	public boolean isUsd() {
		return this.code.equals("USD");
	}

	@Contract("null -> null; !null -> !null")
	public @Nullable BigDecimal convert(@Nullable BigDecimal usd) {
		return usd == null ? null : usd.multiply(this.ratePerUsd);
	}

}
