package com.bedrockcostanalyzer.profiles;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.bedrockcostanalyzer.usage.ApplicationProfile;
import com.bedrockcostanalyzer.usage.Scope;

/**
 * The job database's cache of resolved application inference profiles, with the time each
 * was learned.
 */
@Repository
public class ApplicationProfileStore {

	private final JdbcTemplate jdbc;

	public ApplicationProfileStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ApplicationProfile> find(String arn) {
		List<ApplicationProfile> found = this.jdbc.query(
				"SELECT arn, model, scope, tags, resolved_at FROM bca_application_profile WHERE arn = ?",
				(rs, n) -> new ApplicationProfile(rs.getString("arn"), rs.getString("model"),
						Scope.fromLabel(rs.getString("scope")), decode(rs.getString("tags")),
						rs.getTimestamp("resolved_at").toInstant()),
				arn);
		return found.stream().findFirst();
	}

	/**
	 * Keeps the profile, replacing what was known of it; a writer racing this one may
	 * win.
	 */
	public void save(ApplicationProfile profile) {
		this.jdbc.update("DELETE FROM bca_application_profile WHERE arn = ?", profile.arn());
		try {
			this.jdbc.update(
					"INSERT INTO bca_application_profile (arn, model, scope, tags, resolved_at) VALUES (?, ?, ?, ?, ?)",
					profile.arn(), profile.model(), profile.scope().label(), encode(profile.tags()),
					Timestamp.from(profile.resolvedAt()));
		}
		catch (DuplicateKeyException ex) {
			// Another process stored the same answer at the same moment.
		}
	}

	// Tag keys and values may themselves hold '=', so both are URL-encoded: k=v&k=v.
	static String encode(Map<String, String> tags) {
		return tags.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	static Map<String, String> decode(String text) {
		Map<String, String> tags = new LinkedHashMap<>();
		if (text.isEmpty()) {
			return tags;
		}
		for (String pair : text.split("&")) {
			int equals = pair.indexOf('=');
			tags.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return tags;
	}

}
