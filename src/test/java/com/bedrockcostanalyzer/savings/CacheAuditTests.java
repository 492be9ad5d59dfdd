package com.bedrockcostanalyzer.savings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.InvocationRecords;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "We use prompt caching: is it paying?" Days of paths that cache, worked out by hand at
 * the book's global Claude Sonnet 4.5 rates per 1M tokens (input 3, output 15, cache read
 * 0.30, 5-minute write 3.75, 1-hour write 6), for one day of a 30.4375-day month.
 */
class CacheAuditTests {

	private static final String SONNET = "global.anthropic.claude-sonnet-4-5-20250929-v1:0";

	private static final BigDecimal MONTH = new BigDecimal("30.4375");

	@TempDir
	Path work;

	@Test
	void showsCallsSevenMinutesApartLosingMoneyAndPricesTheOneHourTtl() throws Exception {
		// 100 calls 7 minutes apart with one prefix of 10,000 tokens: each finds the
		// 5-minute cache lapsed and writes it: 1M x 3.75 = 3.75 against 3.00 uncached,
		// 0.75 a day lost. With the 1-hour TTL the first call writes (10,000 x 6 = 0.06)
		// and the 99 others read (990,000 x 0.30 = 0.297): 3.393 a day saved.
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			lines.add(record("digest", i * 7, "You write the nightly digest.", 0, 10_000));
		}
		JsonNode audit = auditOf(analyze(lines), "digest");

		JsonNode evidence = audit.get("evidence");
		assertThat(evidence.get("finding").asString()).isEqualTo("caching in use but writes without reads");
		assertThat(evidence.get("netSavingMonthlyUsd").asString())
			.isEqualTo(money(new BigDecimal("-0.75").multiply(MONTH)));
		assertThat(evidence.get("writesBecause").get("ttlLapsed").asLong()).isEqualTo(99);
		assertThat(evidence.get("writesBecause").get("prefixChanged").asLong()).isEqualTo(1);
		assertThat(evidence.get("rewriteRate").asDouble()).isEqualTo(1.0);
		BigDecimal saved = new BigDecimal("3.393").multiply(MONTH);
		assertThat(evidence.get("whatIfOneHourTtlMonthlyUsd").asString()).isEqualTo(money(saved));
		assertThat(audit.get("savings").decimalValue().setScale(2, RoundingMode.HALF_EVEN))
			.isEqualByComparingTo(money(saved));
		assertThat(audit.get("confidence").asString()).isEqualTo("MEDIUM");
		assertThat(audit.get("action").asString()).contains("1-hour TTL").contains("99 after the cache had lapsed");
	}

	@Test
	void showsAPrefixThatChangesEveryCallAsPrefixChangedMisses() throws Exception {
		// 100 calls a minute apart, each with its own system prompt (a timestamp in it):
		// all write, 3.75 a day against 3.00. One stable prefix would be written once
		// (10,000 x 3.75 = 0.0375) and read 99 times (0.297): 3.4155 a day saved. The
		// 1-hour TTL cannot help: every prefix is new.
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			lines.add(record("agent", i, "You are the agent. Now: 2026-10-07T00:%02d:%02d".formatted(i / 60, i % 60), 0,
					10_000));
		}
		JsonNode audit = auditOf(analyze(lines), "agent");

		JsonNode evidence = audit.get("evidence");
		assertThat(evidence.get("writesBecause").get("prefixChanged").asLong()).isEqualTo(100);
		assertThat(evidence.get("writesBecause").get("ttlLapsed").asLong()).isZero();
		assertThat(evidence.get("distinctPrefixes").asLong()).isEqualTo(100);
		assertThat(new BigDecimal(evidence.get("whatIfOneHourTtlMonthlyUsd").asString())).isNegative();
		BigDecimal saved = new BigDecimal("3.4155").multiply(MONTH);
		assertThat(evidence.get("whatIfStablePrefixMonthlyUsd").asString()).isEqualTo(money(saved));
		assertThat(audit.get("savings").decimalValue().setScale(2, RoundingMode.HALF_EVEN))
			.isEqualByComparingTo(money(saved));
		assertThat(audit.get("confidence").asString()).isEqualTo("LOW");
		assertThat(audit.get("action").asString()).contains("100 with a prefix not seen before")
			.contains("after the cache point");
	}

	@Test
	void saysCachingPaysWhenEachPrefixIsWrittenOnceAndRead() throws Exception {
		// 100 calls a minute apart, one prefix of 100,000 tokens: written once (0.375),
		// read 99 times (9.9M x 0.30 = 2.97), 3.345 against 30.00 uncached: 26.655 a day
		// saved. The 1-hour TTL would only make the one write dearer (0.60).
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			lines
				.add(record("rag", i, "You answer from the handbook.", (i == 0) ? 0 : 100_000, (i == 0) ? 100_000 : 0));
		}
		JsonNode audit = auditOf(analyze(lines), "rag");

		JsonNode evidence = audit.get("evidence");
		assertThat(evidence.get("finding").asString()).isEqualTo("caching pays");
		assertThat(audit.get("savings").isNull()).isTrue();
		assertThat(evidence.get("savedMonthlyUsd").asString())
			.isEqualTo(money(new BigDecimal("26.655").multiply(MONTH)));
		assertThat(evidence.get("rewriteRate").asDouble()).isEqualTo(0.01);
		assertThat(evidence.get("writesBecause").get("prefixChanged").asLong()).isEqualTo(1);
		assertThat(new BigDecimal(evidence.get("whatIfOneHourTtlMonthlyUsd").asString())).isNegative();
	}

	private Path analyze(List<String> lines) throws Exception {
		Path logs = this.work.resolve("logs");
		Files.createDirectories(logs);
		Files.write(logs.resolve("day.json"), lines);
		Path out = this.work.resolve("out");
		Cli.Result result = Cli.analyze(this.work, "--source", logs.toString(), "--from", "2026-10-07", "--to",
				"2026-10-08", "--out", out.toString());
		assertThat(result.exitCode()).as(result.err()).isZero();
		return out;
	}

	private static JsonNode auditOf(Path out, String path) throws Exception {
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode o : Cli.readReport(out).get("opportunities")) {
			if (o.get("type").asString().equals("PROMPT_CACHING") && o.get("path").asString().equals(path)) {
				found.add(o);
			}
		}
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static String money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
	}

	/**
	 * A Converse call at minute {@code minute} of 2026-10-07, caching its system prompt.
	 */
	private static String record(String path, int minute, String system, long cacheRead, long cacheWrite) {
		return InvocationRecords.record(InvocationRecords.at(LocalDate.of(2026, 10, 7), minute * 60), "Converse",
				SONNET, "arn:aws:sts::111122223333:assumed-role/AppRole/s", path, system, 200, 100, cacheRead,
				cacheWrite);
	}

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
