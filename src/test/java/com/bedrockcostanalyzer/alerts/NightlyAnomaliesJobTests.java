package com.bedrockcostanalyzer.alerts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated five weeks, counted and then judged by the nightly job on its last day, a
 * Saturday: a steady path, a weekly-seasonal one (weekends at a fifth of weekdays), a
 * slow climb (2.5% a day), and a role never seen before that calls Bedrock without an
 * application tag and spends $50 on its first day. Nova Pro input: $0.80 per 1M tokens,
 * so $1 is 1.25M tokens.
 */
class NightlyAnomaliesJobTests {

	private static final LocalDate DAY = LocalDate.of(2026, 10, 31);

	@TempDir
	Path work;

	@Test
	void flagsTheClimbAndTheNewRoleButNotTheWeekend() throws Exception {
		Path logs = Files.createDirectories(this.work.resolve("logs"));
		List<String> rows = new ArrayList<>(List.of("date,model_id,path,region,requests,input_tokens,output_tokens"));
		for (int i = 34; i >= 0; i--) {
			LocalDate d = DAY.minusDays(i);
			boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
			rows.add(row(d, "steady", 100 + (i * 37) % 11 - 5));
			rows.add(row(d, "weekly", weekend ? 20 : 100));
			rows.add(row(d, "climbing", 50 * Math.pow(1.025, 34 - i)));
		}
		Files.write(logs.resolve("usage.csv"), rows);
		Files.writeString(logs.resolve("exfil.json"), """
				{"schemaType":"ModelInvocationLog","schemaVersion":"1.0","timestamp":"2026-10-31T03:12:00Z",\
				"accountId":"111122223333","region":"us-east-1","requestId":"9f0c2c1e-0000-4000-8000-000000000001",\
				"operation":"Converse","modelId":"amazon.nova-pro-v1:0",\
				"identity":{"arn":"arn:aws:sts::111122223333:assumed-role/ExfilRole/s1"},\
				"input":{"inputContentType":"application/json","inputTokenCount":62500000},\
				"output":{"outputContentType":"application/json","outputTokenCount":0}}
				""");
		String db = "jdbc:h2:file:" + this.work.resolve("db").resolve("bca").toAbsolutePath();
		Cli.Result history = Cli.run("analyze", "--source", logs.toString(), "--from", DAY.minusDays(34).toString(),
				"--to", DAY.toString(), "--db", db, "--out", this.work.resolve("history").toString());
		assertThat(history.exitCode()).as(history.err()).isZero();

		Cli.Result night = Cli.run("run", "jobs/nightly.yaml", "--source", logs.toString(), "--date", DAY.toString(),
				"--db", db, "--out", this.work.resolve("night").toString());

		assertThat(night.exitCode()).as(night.err()).isZero();
		JsonNode alerts = Cli.readReport(this.work.resolve("night")).get("alerts");
		assertThat(alerts.get("historyDays").asInt()).isEqualTo(28);
		List<String> anomalies = new ArrayList<>();
		alerts.get("anomalies")
			.forEach((a) -> anomalies
				.add(a.get("kind").asString() + " " + a.get("name").asString() + " " + a.get("shape").asString()));
		assertThat(anomalies).contains("path climbing climb")
			.noneMatch((a) -> a.startsWith("path weekly"))
			.noneMatch((a) -> a.startsWith("path steady"));
		assertThat(alerts.get("newSpenders")).singleElement().satisfies((n) -> {
			assertThat(n.get("kind").asString()).isEqualTo("path");
			assertThat(n.get("name").asString()).isEqualTo("ExfilRole");
			assertThat(n.get("spend").decimalValue()).isEqualByComparingTo("50.00");
		});
		assertThat(night.out()).contains("Flagged: new spender: path ExfilRole $50.00 on its first day")
			.contains("Flagged: climb: path climbing");
	}

	private static String row(LocalDate day, String path, double usd) {
		return day + ",amazon.nova-pro-v1:0," + path + ",us-east-1,10," + Math.round(usd * 1_250_000) + ",0";
	}

}
