package com.bedrockcostanalyzer.cli;

import java.nio.file.Path;

/**
 * Where a run's log goes, stack traces included: beside its H2 job database (the
 * database's path and {@code .log}), else beside the embedded default's. The console gets
 * one sentence per failure and this file's name.
 */
final class LogFile {

	static final String DEFAULT_DATABASE = "./data/bedrock-cost-analyzer";

	private LogFile() {
	}

	/**
	 * @param databaseUrl the JDBC URL used, or null for the embedded default
	 */
	static Path beside(String databaseUrl) {
		String file = DEFAULT_DATABASE;
		if (databaseUrl != null && databaseUrl.startsWith("jdbc:h2:")) {
			String rest = databaseUrl.substring("jdbc:h2:".length());
			int settings = rest.indexOf(';');
			rest = settings < 0 ? rest : rest.substring(0, settings);
			if (rest.startsWith("file:")) {
				file = rest.substring("file:".length());
			}
			else if (!rest.startsWith("mem:") && !rest.startsWith("tcp:") && !rest.startsWith("ssl:")
					&& !rest.startsWith("zip:") && !rest.isBlank()) {
				file = rest;
			}
		}
		return Path.of(file + ".log").toAbsolutePath().normalize();
	}

	/** The Spring Boot setting that sends the log there. */
	static String argument(String databaseUrl) {
		return "--logging.file.name=" + beside(databaseUrl);
	}

}
