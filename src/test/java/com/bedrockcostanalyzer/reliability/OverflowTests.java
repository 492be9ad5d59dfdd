package com.bedrockcostanalyzer.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts too large to add up are rejected where they are read; no sum ever wraps to a
 * negative figure.
 */
class OverflowTests {

	private static final LocalDate DAY = LocalDate.of(2026, 10, 2);

	@TempDir
	Path work;

	@Test
	void rejectsCsvRowsAboveTheRowCeilingAndCountsTheRest() throws Exception {
		StringBuilder csv = new StringBuilder("timestamp,model_id,path,region,requests,input_tokens,output_tokens\n");
		// 10,000 rows of 999,999,999,999,999 input tokens: their sum would pass 2^63.
		for (int i = 0; i < 10_000; i++) {
			csv.append(DAY).append(",amazon.nova-pro-v1:0,bulk,us-east-1,1,999999999999999,0\n");
		}
		// Nova Pro, 1M input x $0.80 per 1M
		csv.append(DAY).append(",amazon.nova-pro-v1:0,good,us-east-1,1,1000000,0\n");
		Path file = this.work.resolve("export.csv");
		Files.writeString(file, csv);

		Cli.Result result = Cli.analyze(this.work, "--source", file.toString(), "--from", DAY.toString(), "--to",
				DAY.plusDays(1).toString(), "--out", this.work.resolve("out").toString());

		assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
		JsonNode report = Cli.readReport(this.work.resolve("out"));
		assertThat(report.get("totals").get("inputTokens").asLong()).isEqualTo(1_000_000);
		assertThat(report.get("totals").get("requests").asLong()).isEqualTo(1);
		assertThat(report.get("totals").get("cost").decimalValue()).isEqualByComparingTo("0.80");
		assertThat(report.get("rejects").get("count").asLong()).isEqualTo(10_000);
		assertThat(report.get("rejects").get("byReason").propertyNames())
			.containsExactly("input_tokens is implausibly large for one row (over 10,000,000,000,000)");
		assertThat(report.get("rejects").get("samples").get(0).get("location").asString()).contains("line 2");
		assertThat(result.out()).doesNotContain("$-");
	}

}
