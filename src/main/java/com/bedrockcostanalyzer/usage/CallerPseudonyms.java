package com.bedrockcostanalyzer.usage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stable keyed pseudonyms for callers ({@code bca.usage.pseudonymize-callers}): a role,
 * user or federated user's name becomes {@code caller-} and 12 hex digits of an
 * HMAC-SHA256 of it, under a random key the job database makes on first use and keeps.
 * The same caller has the same pseudonym in every run on that database; without the key
 * it cannot be told back, nor matched across databases.
 */
@Component
public class CallerPseudonyms {

	private static final String KEY_NAME = "caller-pseudonym-key";

	private final JdbcTemplate jdbc;

	public CallerPseudonyms(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The names as shown: pseudonyms when asked for, else the names themselves. */
	public UnaryOperator<String> names(boolean pseudonymize) {
		if (!pseudonymize) {
			return UnaryOperator.identity();
		}
		SecretKeySpec key = new SecretKeySpec(HexFormat.of().parseHex(key()), "HmacSHA256");
		// A Mac is not thread-safe and the readers run in parallel: one a thread.
		ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> mac(key));
		return (name) -> "caller-"
				+ HexFormat.of().formatHex(macs.get().doFinal(name.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
	}

	/**
	 * The database's key, made now if it has none (two processes making one at once keep
	 * the first).
	 */
	private String key() {
		List<String> stored = stored();
		if (!stored.isEmpty()) {
			return stored.get(0);
		}
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		try {
			this.jdbc.update("INSERT INTO bca_setting (name, setting_value) VALUES (?, ?)", KEY_NAME,
					HexFormat.of().formatHex(fresh));
		}
		catch (DuplicateKeyException ex) {
			// Another process made it first: its key is the one.
		}
		return stored().get(0);
	}

	private List<String> stored() {
		return this.jdbc.queryForList("SELECT setting_value FROM bca_setting WHERE name = ?", String.class, KEY_NAME);
	}

	private static Mac mac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every Java runtime has HmacSHA256", ex);
		}
	}

}
