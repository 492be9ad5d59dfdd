package com.bedrockcostanalyzer.savings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import tools.jackson.databind.JsonNode;

import static com.bedrockcostanalyzer.savings.SavingsJobTests.SUPPORT_PROMPT;
import static com.bedrockcostanalyzer.testing.InvocationRecords.at;
import static com.bedrockcostanalyzer.testing.InvocationRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Did the recommendations pay off? Three days at the end of October with a support chat
 * that resends its system prompt uncached (caching proposed) and a nightly job that waits
 * for nobody (batch proposed); the batch proposal is dismissed; in the first three days
 * of November the chat caches. Claude Sonnet 4.5 through the US geo profile: input $3.30,
 * output $16.50, cache read $0.33, 5-minute write $4.125 per 1M tokens.
 */
class SavingsLedgerTests {

	private static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

	private static final String CHAT_ROLE = "arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_Support_1/a@b.c";

	private static final String JOB_ROLE = "arn:aws:sts::111111111111:assumed-role/NightlyReportRole/run";

	@TempDir
	Path work;

	@Test
	void measuresTheCachingTakenUpAndNeverReopensTheDismissedBatch() throws Exception {
		Path logs = logs(LocalDate.of(2026, 10, 27), false);
		Cli.Result first = analyze(logs, "2026-10-27", "2026-10-30", "m1");
		assertThat(first.exitCode()).as(first.err()).isZero();
		JsonNode batch = entry(Cli.readReport(this.work.resolve("m1")), "BATCH", "nightly-report");
		assertThat(batch.get("status").asString()).isEqualTo("open");
		assertThat(entry(Cli.readReport(this.work.resolve("m1")), "PROMPT_CACHING", "support-chat").get("status")
			.asString()).isEqualTo("open");

		Cli.Result dismissed = Cli.run("savings", "dismiss", batch.get("id").asString(), "--reason",
				"the report must be out by 02:00", "--db", db());
		assertThat(dismissed.exitCode()).as(dismissed.err()).isZero();

		logs(LocalDate.of(2026, 11, 1), true);
		Cli.Result second = analyze(logs, "2026-11-01", "2026-11-04", "m2");
		assertThat(second.exitCode()).as(second.err()).isZero();
		JsonNode report = Cli.readReport(this.work.resolve("m2"));

		// Each November day: 239 reads and 1 write of the 5,000-token prompt. As plain
		// input 1.2M x 3.30 = 3.96; cached 1,195,000 x 0.33 + 5,000 x 4.125 = 0.414975:
		// 3.545025 a day, 10.635075 in three days.
		JsonNode caching = entry(report, "PROMPT_CACHING", "support-chat");
		assertThat(caching.get("status").asString()).isEqualTo("acted-on");
		assertThat(caching.get("changeDay").asString()).isEqualTo("2026-11-01");
		assertThat(caching.get("realizedIs").asString()).isEqualTo("measured");
		assertThat(caching.get("realizedWindowUsd").decimalValue()).isEqualByComparingTo("10.64");
		assertThat(caching.get("realizedToDateUsd").decimalValue()).isEqualByComparingTo("10.64");
		// The baseline: October's 720 requests, each 5,200 input and 100 output tokens:
		// 3 x (1,248,000 x 3.30 + 24,000 x 16.50) / 1M = 13.5432.
		assertThat(caching.get("baselineRequests").asLong()).isEqualTo(720);
		assertThat(caching.get("baselineCostUsd").decimalValue()).isEqualByComparingTo("13.54");

		JsonNode batchNow = entry(report, "BATCH", "nightly-report");
		assertThat(batchNow.get("status").asString()).isEqualTo("dismissed");
		assertThat(batchNow.get("reason").asString()).isEqualTo("the report must be out by 02:00");
		for (JsonNode o : report.get("opportunities")) {
			assertThat(o.get("type").asString() + " " + o.get("path").asString()).isNotEqualTo("BATCH nightly-report");
		}
		JsonNode progress = report.get("savingsLedger");
		assertThat(progress.get("realizedWindowUsd").decimalValue()).isEqualByComparingTo("10.64");
		assertThat(progress.get("dismissed").asInt()).isEqualTo(1);
		assertThat(this.work.resolve("m2/report.md")).content().contains("## Savings progress");

		// A week of another source, without these paths, neither ends nor measures these
		// proposals: their changes are looked for in their own sources' traffic.
		Path elsewhere = Files.createDirectories(this.work.resolve("elsewhere"));
		Files.writeString(elsewhere.resolve("usage.csv"), """
				date,model_id,path,region,requests,input_tokens,output_tokens
				2026-11-05,amazon.nova-pro-v1:0,other-team,us-east-1,1,1000,10
				""");
		Cli.Result other = analyze(elsewhere, "2026-11-04", "2026-11-12", "other");
		assertThat(other.exitCode()).as(other.err()).isZero();
		JsonNode afterOther = Cli.readReport(this.work.resolve("other"));
		for (JsonNode before : report.get("savingsLedger").get("entries")) {
			JsonNode now = entry(afterOther, before.get("type").asString(), before.get("path").asString());
			assertThat(now.get("status").asString()).as(now.toString()).isEqualTo(before.get("status").asString());
		}
		assertThat(entry(afterOther, "PROMPT_CACHING", "support-chat").get("realizedToDateUsd").decimalValue())
			.isEqualByComparingTo("10.64");
	}

	/** Three days of both paths into the one source folder. */
	private Path logs(LocalDate from, boolean cached) throws Exception {
		Path folder = Files.createDirectories(this.work.resolve("logs"));
		for (int day = 0; day < 3; day++) {
			LocalDate date = from.plusDays(day);
			List<String> lines = new ArrayList<>();
			for (int i = 0; i < 2000; i++) {
				lines.add(record(at(date, 3600 + i), "Converse", "amazon.nova-pro-v1:0", JOB_ROLE, "nightly-report",
						null, 2000, 800, 0, 0));
			}
			for (int i = 0; i < 240; i++) {
				long write = (cached && i == 0) ? 5000 : 0;
				long read = (cached && i > 0) ? 5000 : 0;
				lines.add(record(at(date, 9 * 3600 + i * 120), "ConverseStream", SONNET, CHAT_ROLE, "support-chat",
						SUPPORT_PROMPT, cached ? 200 : 5200, 100, read, write));
			}
			Files.write(folder.resolve(date + ".json"), lines);
		}
		return folder;
	}

	private Cli.Result analyze(Path logs, String from, String to, String out) {
		return Cli.run("analyze", "--source", logs.toString(), "--from", from, "--to", to, "--db", db(), "--out",
				this.work.resolve(out).toString());
	}

	private static JsonNode entry(JsonNode report, String type, String path) {
		for (JsonNode e : report.get("savingsLedger").get("entries")) {
			if (e.get("type").asString().equals(type) && e.get("path").asString().equals(path)) {
				return e;
			}
		}
		throw new AssertionError("no " + type + " on " + path + " in " + report.get("savingsLedger"));
	}

	private String db() {
		return "jdbc:h2:file:" + this.work.resolve("db").resolve("bca").toAbsolutePath();
	}

}
