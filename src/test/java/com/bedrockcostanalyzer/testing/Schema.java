package com.bedrockcostanalyzer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The analyzer's schema, made by Flyway with the application's own
 * {@code spring.flyway.*} settings, for tests that open a database without starting the
 * application.
 */
public final class Schema {

	private Schema() {
	}

	/** Migrates {@code dataSource} to the latest version. */
	public static void migrate(DataSource dataSource) {
		flyway(dataSource, MigrationVersion.LATEST).migrate();
	}

	/**
	 * Migrates {@code dataSource} up to {@code version} and no further, as an older build
	 * would have left it.
	 */
	public static void migrateTo(DataSource dataSource, String version) {
		flyway(dataSource, MigrationVersion.fromVersion(version)).migrate();
	}

	private static Flyway flyway(DataSource dataSource, MigrationVersion target) {
		Properties app = application();
		return Flyway.configure()
			.dataSource(dataSource)
			.locations(app.getProperty("spring.flyway.locations"))
			.table(app.getProperty("spring.flyway.table"))
			.baselineOnMigrate(Boolean.parseBoolean(app.getProperty("spring.flyway.baseline-on-migrate")))
			.baselineVersion(app.getProperty("spring.flyway.baseline-version"))
			.target(target)
			.load();
	}

	private static Properties application() {
		try {
			return PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
