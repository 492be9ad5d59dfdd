package com.bedrockcostanalyzer.job;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.reconcile.Reconciliation;
import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.CorpusGenerator;
import com.bedrockcostanalyzer.testing.ExpectedTotals;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three shipped jobs ({@code jobs/*.yaml}) run as a user runs them, with the day or
 * month pinned and a private database: totals against what the generator wrote,
 * day-over-day flags against dollars worked out by hand.
 */
class SavedJobsTests {

	@TempDir
	Path work;

	@Test
	void nightlyCountsItsDayOnceAndReportsTheMonthToDate() throws Exception {
		ExpectedTotals expected = new CorpusGenerator(new CorpusGenerator.Options(61, LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 10, 5), 8, false, false, false))
			.write(this.work.resolve("logs"));

		Cli.Result second = nightly("2026-10-02", "night2");
		Cli.Result again = nightly("2026-10-02", "night2-again");
		Cli.Result third = nightly("2026-10-03", "night3");

		assertThat(second.exitCode()).as(second.err()).isZero();
		assertThat(second.out())
			.contains("nightly: counting [2026-10-02, 2026-10-03), reporting [2026-10-01, 2026-10-03)");
		JsonNode report2 = Cli.readReport(this.work.resolve("night2"));
		assertThat(report2.get("window").get("from").asString()).isEqualTo("2026-10-01");
		assertTotals(report2, expected.ofDay(LocalDate.of(2026, 10, 2)));
		assertThat(report2.get("dayOverDay").get("day").asString()).isEqualTo("2026-10-02");
		// The same night again: nothing new to count, the same report.
		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(Cli.readReport(this.work.resolve("night2-again")).get("totals")).isEqualTo(report2.get("totals"));
		// The next night adds its day, and sets it against the one before.
		assertThat(third.exitCode()).as(third.err()).isZero();
		JsonNode report3 = Cli.readReport(this.work.resolve("night3"));
		assertTotals(report3,
				sum(expected.ofDay(LocalDate.of(2026, 10, 2)), expected.ofDay(LocalDate.of(2026, 10, 3))));
		BigDecimal dayBefore = BigDecimal.ZERO;
		for (JsonNode change : report3.get("dayOverDay").get("byPath")) {
			dayBefore = dayBefore.add(new BigDecimal(change.get("dayBefore").asString()));
		}
		assertThat(dayBefore).as("the day before is what the first night reported")
			.isEqualByComparingTo(new BigDecimal(report2.get("totals").get("cost").asString()));

		// Recommendations: the month again from the aggregates alone — the logs are gone.
		deleteTree(this.work.resolve("logs"));
		Cli.Result recommendations = Cli.run("run", "jobs/recommendations.yaml", "--source",
				this.work.resolve("logs").toString(), "--month", "2026-10", "--db", db(), "--out",
				this.work.resolve("recommendations").toString());
		assertThat(recommendations.exitCode()).as(recommendations.err()).isZero();
		JsonNode again3 = Cli.readReport(this.work.resolve("recommendations"));
		assertTotals(again3, sum(expected.ofDay(LocalDate.of(2026, 10, 2)), expected.ofDay(LocalDate.of(2026, 10, 3))));
		assertThat(again3.get("totals")).isEqualTo(report3.get("totals"));
	}

	@Test
	void nightlyFlagsAPathWhoseSpendJumpsAndANewOne() throws Exception {
		// Nova Pro input at $0.80 per 1M (us-east-1): 12.5M tokens = $10.
		// search: $5 a week before, $10 the day before, $15 on the day: +50% (flagged),
		// +200% on the week.
		// chat: $10 then $12: +20%, not flagged. etl: new at $2, flagged. probe: new at
		// $0.10, under $1, not flagged.
		Path usage = this.work.resolve("usage.csv");
		Files.writeString(usage, """
				date,model_id,path,region,requests,input_tokens,output_tokens
				2026-09-25,amazon.nova-pro-v1:0,search,us-east-1,10,6250000,0
				2026-10-01,amazon.nova-pro-v1:0,search,us-east-1,10,12500000,0
				2026-10-01,amazon.nova-pro-v1:0,chat,us-east-1,10,12500000,0
				2026-10-02,amazon.nova-pro-v1:0,search,us-east-1,10,18750000,0
				2026-10-02,amazon.nova-pro-v1:0,chat,us-east-1,10,15000000,0
				2026-10-02,amazon.nova-pro-v1:0,etl,us-east-1,10,2500000,0
				2026-10-02,amazon.nova-pro-v1:0,probe,us-east-1,1,125000,0
				""");
		for (String day : List.of("2026-09-25", "2026-10-01")) {
			Cli.Result night = Cli.run("run", "jobs/nightly.yaml", "--source", usage.toString(), "--date", day, "--db",
					db(), "--out", this.work.resolve("n-" + day).toString());
			assertThat(night.exitCode()).as(night.err()).isZero();
		}

		Cli.Result result = Cli.run("run", "jobs/nightly.yaml", "--source", usage.toString(), "--date", "2026-10-02",
				"--db", db(), "--out", this.work.resolve("out").toString());
		Cli.Result stricter = Cli.run("run", "jobs/nightly.yaml", "--source", usage.toString(), "--date", "2026-10-02",
				"--db", db(), "--jump-percent", "60", "--out", this.work.resolve("stricter").toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).contains("Flagged: path search: $15.00 (+50.0% on $10.00 the day before)")
			.contains("Flagged: path etl: $2.00 (nothing the day before)")
			.contains("Flagged: model amazon.nova-pro-v1:0: $29.10 (+45.5% on $20.00 the day before)")
			.doesNotContain("path chat")
			.doesNotContain("path probe");
		JsonNode section = Cli.readReport(this.work.resolve("out")).get("dayOverDay");
		JsonNode search = section.get("byPath").get(0);
		assertThat(search.get("name").asString()).isEqualTo("search");
		assertThat(new BigDecimal(search.get("weekBefore").asString())).isEqualByComparingTo("5.00");
		assertThat(new BigDecimal(search.get("weekOverWeekPercent").asString())).isEqualByComparingTo("200.0");
		assertThat(section.get("flagged")).hasSize(3);
		assertThat(Files.readString(this.work.resolve("out/report.md")))
			.contains("| search ⚑ | $15.00 | $10.00 | +50.0% |");
		assertThat(Files.readString(this.work.resolve("out/report.html"))).contains("id=\"changes-by-path\"")
			.contains("search ⚑");
		assertThat(stricter.out()).doesNotContain("Flagged: path search").contains("Flagged: path etl");
	}

	@Test
	void monthlyAuditOfTheSampleShowsOnlyThePlantedDifferences() {
		// Run as a new user would, from the project folder: the shipped job on
		// sample-logs/ and its CUR.
		Cli.Result result = Cli.run("run", "jobs/monthly-audit.yaml", "--month", "2026-10", "--db", db(), "--out",
				this.work.resolve("audit").toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		JsonNode bill = Cli.readReport(this.work.resolve("audit")).get("reconciliation");
		// Planted in the sample's bill: Nova Micro in us-east-2 on the 2nd, 1.5M in and
		// 0.3M out at $0.035 and
		// $0.14 per 1M = $0.0525 + $0.042, billed where no log is delivered.
		assertThat(new BigDecimal(bill.get("deltaByFinding").get(Reconciliation.NOT_LOGGED).asString()))
			.isEqualByComparingTo("0.0945");
		List<String> differing = new ArrayList<>();
		for (JsonNode row : bill.get("rows")) {
			if (!row.get("finding").asString().equals(Reconciliation.MATCHES)) {
				differing.add(row.get("day").asString() + " " + row.get("region").asString() + " "
						+ row.get("model").asString() + " " + row.get("tokenType").asString() + " "
						+ row.get("finding").asString());
			}
		}
		// The application inference profile is logged under its ARN, which the bill does
		// not name (map it with
		// bca.usage.model-aliases): its rows are logged and not billed.
		assertThat(differing).filteredOn((d) -> !d.contains("application-inference-profile"))
			.containsExactly("2026-10-02 us-east-2 amazon.nova-micro-v1:0 input " + Reconciliation.NOT_LOGGED,
					"2026-10-02 us-east-2 amazon.nova-micro-v1:0 output " + Reconciliation.NOT_LOGGED);
		assertThat(differing).filteredOn((d) -> d.contains("application-inference-profile"))
			.allMatch((d) -> d.endsWith(Reconciliation.NOT_BILLED));
		assertThat(new BigDecimal(bill.get("otherLineTypes").get("Tax").asString())).isEqualByComparingTo("1.23");
	}

	@Test
	void explainsAJobFileItCannotUse() throws IOException {
		Path typo = this.work.resolve("typo.yaml");
		Files.writeString(typo, "job: nightly\nsorces: [logs]\n");
		Path noJob = this.work.resolve("nojob.yaml");
		Files.writeString(noJob, "sources: [logs]\n");
		Path nestedTypo = this.work.resolve("nested.yaml");
		Files.writeString(nestedTypo, "job: nightly\nsavings:\n  treshold-usd: 0\n");
		// Nine lists of nine of the list before: a few hundred bytes that expand to
		// hundreds of millions of values.
		StringBuilder bomb = new StringBuilder("job: nightly\na: &a [x, x, x, x, x, x, x, x, x]\n");
		for (char name = 'b'; name <= 'i'; name++) {
			String previous = "*" + (char) (name - 1);
			bomb.append(name)
				.append(": &")
				.append(name)
				.append(" [")
				.append(String.join(", ", java.util.Collections.nCopies(9, previous)))
				.append("]\n");
		}
		Path aliases = this.work.resolve("aliases.yaml");
		Files.writeString(aliases, bomb);

		Cli.Result unknownKey = Cli.run("run", typo.toString());
		Cli.Result missingJob = Cli.run("run", noJob.toString());
		Cli.Result unknownSetting = Cli.run("run", nestedTypo.toString());
		Cli.Result aliasBomb = Cli.run("run", aliases.toString());
		Cli.Result missingFile = Cli.run("run", this.work.resolve("absent.yaml").toString());
		Cli.Result wrongOption = Cli.run("run", "jobs/monthly-audit.yaml", "--date", "2026-10-02");
		Cli.Result badWindow = Cli.run("run", "jobs/recommendations.yaml", "--from", "2026-10-01");

		assertThat(unknownKey.exitCode()).isEqualTo(2);
		assertThat(unknownKey.err()).contains("unknown key sorces");
		assertThat(missingJob.err()).contains("must say 'job:' one of monthly-audit, nightly, recommendations");
		assertThat(unknownSetting.exitCode()).isEqualTo(2);
		assertThat(unknownSetting.err())
			.contains("unknown setting 'savings.treshold-usd' (did you mean 'savings.threshold-usd'?)");
		assertThat(aliasBomb.exitCode()).isEqualTo(2);
		assertThat(aliasBomb.err()).contains("uses a YAML anchor or alias (line 2)");
		assertThat(missingFile.err()).contains("does not exist");
		assertThat(wrongOption.exitCode()).isEqualTo(2);
		assertThat(wrongOption.err()).contains("--date does not apply to a monthly-audit job");
		assertThat(badWindow.err()).contains("--from and --to go together");
	}

	private Cli.Result nightly(String day, String out) {
		return Cli.run("run", "jobs/nightly.yaml", "--source", this.work.resolve("logs").toString(), "--date", day,
				"--db", db(), "--out", this.work.resolve(out).toString());
	}

	private String db() {
		return "jdbc:h2:file:" + this.work.resolve("db").resolve("bca").toAbsolutePath();
	}

	private static void assertTotals(JsonNode report, ExpectedTotals.Counts expected) {
		JsonNode totals = report.get("totals");
		assertThat(totals.get("requests").asLong()).isEqualTo(expected.requests);
		assertThat(totals.get("errors").asLong()).isEqualTo(expected.errors);
		assertThat(totals.get("inputTokens").asLong()).isEqualTo(expected.input);
		assertThat(totals.get("outputTokens").asLong()).isEqualTo(expected.output);
		assertThat(totals.get("cacheReadInputTokens").asLong()).isEqualTo(expected.cacheRead);
		assertThat(totals.get("cacheWrite5mInputTokens").asLong()).isEqualTo(expected.cacheWrite5m);
		assertThat(totals.get("cacheWrite1hInputTokens").asLong()).isEqualTo(expected.cacheWrite1h);
	}

	private static ExpectedTotals.Counts sum(ExpectedTotals.Counts a, ExpectedTotals.Counts b) {
		ExpectedTotals.Counts c = new ExpectedTotals.Counts();
		c.requests = a.requests + b.requests;
		c.errors = a.errors + b.errors;
		c.input = a.input + b.input;
		c.output = a.output + b.output;
		c.cacheRead = a.cacheRead + b.cacheRead;
		c.cacheWrite5m = a.cacheWrite5m + b.cacheWrite5m;
		c.cacheWrite1h = a.cacheWrite1h + b.cacheWrite1h;
		return c;
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

}
