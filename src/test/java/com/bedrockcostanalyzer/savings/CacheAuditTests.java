package com.bedrockcostanalyzer.savings;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "We use prompt caching: is it paying?" One day of a path that caches, from a usage
 * export, worked out by hand at the book's global Claude Sonnet 4.5 rates per 1M tokens
 * (input 3, output 15, cache read 0.30, 5-minute write 3.75).
 */
class CacheAuditTests {

	@TempDir
	Path work;

	@Test
	void saysHowMuchCachingInUseSavesAndTheWritesShareOfSpend() throws Exception {
		// 20M cache reads and 1M 5-minute writes cost 6.00 + 3.75 = 9.75; as plain input
		// 21M x 3 = 63.00: 53.25 saved in the day, 1,620.80 in a 30.4375-day month. The
		// path spends 3.00 (input) + 3.00 (output) + 9.75 = 15.75, of which writes 3.75 =
		// 23.81%.
		Path csv = this.work.resolve("rag.csv");
		Files.writeString(csv,
				"""
						timestamp,model_id,path,region,requests,input_tokens,output_tokens,cache_read_input_tokens,cache_write_input_tokens
						2026-10-03,global.anthropic.claude-sonnet-4-5-20250929-v1:0,rag,us-east-1,1000,1000000,200000,20000000,1000000
						""");

		Cli.Result result = Cli.analyze(this.work, "--source", csv.toString(), "--from", "2026-10-03", "--to",
				"2026-10-04", "--out", this.work.resolve("out").toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		JsonNode audit = null;
		for (JsonNode o : Cli.readReport(this.work.resolve("out")).get("opportunities")) {
			if (o.get("evidence").path("finding").asString("").equals("caching pays")) {
				audit = o;
			}
		}
		assertThat(audit).isNotNull();
		assertThat(audit.get("path").asString()).isEqualTo("rag");
		assertThat(audit.get("savings").isNull()).isTrue();
		assertThat(audit.get("evidence").get("savedMonthlyUsd").asString()).isEqualTo("1620.80");
		assertThat(audit.get("evidence").get("writeShareOfSpend").asString()).isEqualTo("0.2381");
		assertThat(audit.get("action").asString()).startsWith("Caching pays on rag: $1620.80 a month saved");
	}

}
