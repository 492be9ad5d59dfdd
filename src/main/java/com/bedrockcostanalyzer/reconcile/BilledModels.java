package com.bedrockcostanalyzer.reconcile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.bedrockcostanalyzer.pricing.PriceListImporter;

/**
 * Which model a bill line is for. First-party usage types name it
 * ({@code USE1-NovaLite-input-tokens}); Marketplace ones do not, and the product name
 * does ({@code Claude 3 Haiku (Amazon Bedrock Edition)}). Both go through the name table
 * {@code prices import} uses, compared without spaces, dashes, underscores or case, so
 * {@code NovaLite} finds {@code Nova Lite}.
 */
final class BilledModels {

	private static final String EDITION_SUFFIX = "(amazonbedrockedition)";

	private final Map<String, String> bySquashedName = new HashMap<>();

	BilledModels(Map<String, String> names) {
		names.forEach((name, model) -> this.bySquashedName.put(squash(name), model));
	}

	static BilledModels shipped() {
		try {
			return new BilledModels(PriceListImporter.names(null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The model id for a usage-type model name or a product name, or null. */
	String model(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String squashed = squash(name);
		if (squashed.endsWith(EDITION_SUFFIX)) {
			squashed = squashed.substring(0, squashed.length() - EDITION_SUFFIX.length());
		}
		return this.bySquashedName.get(squashed);
	}

	private static String squash(String name) {
		return name.replaceAll("[\\s_-]+", "").toLowerCase(Locale.ROOT);
	}

}
