package com.bedrockcostanalyzer.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.CorpusGenerator;
import com.bedrockcostanalyzer.testing.ExpectedTotals;
import com.bedrockcostanalyzer.testing.ReportAssertions;
import com.bedrockcostanalyzer.testing.Schema;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Databases written by earlier builds are upgraded by Flyway when the analyzer starts, on
 * H2 and PostgreSQL, and keep every row they hold: one left at the first migration, and
 * one written before Flyway was adopted (today's tables, no history).
 */
class DatabaseUpgradeTests {

	private static final LocalDate DAY = LocalDate.of(2026, 10, 1);

	/**
	 * Flyway quotes its history table's names, so they are lower case on H2 as on
	 * PostgreSQL.
	 */
	private static final String VERSIONS = "SELECT \"version\" FROM \"bca_schema_history\""
			+ " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"";

	private static EmbeddedPostgres postgres;

	private static int databases;

	@TempDir
	Path work;

	@BeforeAll
	static void start() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stop() throws Exception {
		if (postgres != null) {
			postgres.close();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgres" })
	void upgradesADatabaseLeftAtTheFirstMigration(String kind) throws Exception {
		Database db = newDatabase(kind);
		Schema.migrateTo(db.dataSource(), "1");
		writeAnOldRun(db.jdbc());

		runAnalyze(db);

		assertThat(db.jdbc().queryForList(VERSIONS, String.class)).startsWith("1").endsWith(latestMigration());
		assertOldRunKept(db.jdbc());
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgres" })
	void adoptsADatabaseWrittenBeforeMigrations(String kind) throws Exception {
		Database db = newDatabase(kind);
		// Builds before Flyway ran this same script at every start, with no history
		// table.
		new ResourceDatabasePopulator(new ClassPathResource("db/migration/V1__initial_schema.sql"))
			.execute(db.dataSource());
		writeAnOldRun(db.jdbc());

		runAnalyze(db);

		List<Map<String, Object>> history = db.jdbc()
			.queryForList("SELECT \"version\" AS version, \"type\" AS type FROM \"bca_schema_history\""
					+ " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
		assertThat(history.get(0)).containsEntry("type", "BASELINE");
		assertThat(history.get(0).get("version")).isEqualTo("0");
		assertThat(history.get(history.size() - 1).get("version")).isEqualTo(latestMigration());
		assertOldRunKept(db.jdbc());
	}

	private void runAnalyze(Database db) throws Exception {
		ExpectedTotals expected = new CorpusGenerator(
				new CorpusGenerator.Options(5, DAY, DAY.plusDays(1), 3, false, false, false))
			.write(this.work.resolve("logs"));
		Cli.Result run = Cli.run("analyze", "--db", db.url(), "--source", this.work.resolve("logs").toString(),
				"--from", DAY.toString(), "--to", DAY.plusDays(1).toString(), "--out",
				this.work.resolve("out").toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		ReportAssertions.assertMatches(Cli.readReport(this.work.resolve("out")), expected);
	}

	/** A source and a day of usage as the first schema stored them. */
	private static void writeAnOldRun(JdbcTemplate jdbc) {
		jdbc.update("INSERT INTO bca_source (name) VALUES ('s3://old-bucket/logs/')");
		long source = jdbc.queryForObject("SELECT id FROM bca_source WHERE name = 's3://old-bucket/logs/'", Long.class);
		jdbc.update("INSERT INTO bca_usage_daily VALUES (?, DATE '2026-09-30', 'us-east-1',"
				+ " 'anthropic.claude-3-haiku-20240307-v1:0', 'regional', 'standard', 'support', 7, 1, 2, 0, 7000,"
				+ " 1400, 300, 20, 0, 5, 290000)", source);
	}

	private static void assertOldRunKept(JdbcTemplate jdbc) {
		assertThat(jdbc.queryForMap("SELECT u.requests, u.errors, u.input_tokens, u.output_tokens,"
				+ " u.cache_read_input_tokens, u.cache_write_5m_input_tokens FROM bca_usage_daily u JOIN bca_source s"
				+ " ON s.id = u.source_id WHERE s.name = 's3://old-bucket/logs/'")
			.values()).map((value) -> ((Number) value).longValue()).containsExactly(7L, 1L, 7000L, 1400L, 300L, 20L);
	}

	/**
	 * The highest version among the migrations the build ships, read from their file
	 * names.
	 */
	private static String latestMigration() throws Exception {
		return Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql"))
			.map((resource) -> resource.getFilename().substring(1, resource.getFilename().indexOf("__")))
			.max((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
			.orElseThrow();
	}

	private Database newDatabase(String kind) throws Exception {
		if (kind.equals("h2")) {
			String url = "jdbc:h2:file:" + this.work.resolve("db").resolve("bca").toAbsolutePath();
			return new Database(url, new DriverManagerDataSource(url, "sa", ""));
		}
		String name = "upgrade" + (++databases);
		new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE " + name);
		return new Database(postgres.getJdbcUrl("postgres", name), postgres.getDatabase("postgres", name));
	}

	private record Database(String url, DataSource dataSource) {

		JdbcTemplate jdbc() {
			return new JdbcTemplate(this.dataSource);
		}

	}

}
