package com.bedrockcostanalyzer.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Our model reaches end of life: what will the successor cost?" A price folder with the
 * shipped book and a models file that dates Claude Opus 4.6's end 30 days from today,
 * naming Opus 4.7 (a tokenizer that makes 1.0 to 1.35 times the tokens) as its successor.
 * Both cost $5 input and $25 output per 1M tokens on the global profile.
 */
class LifecycleTests {

	private static final BigDecimal MONTH = new BigDecimal("30.4375");

	@TempDir
	Path work;

	private Path prices;

	private Path usage;

	private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

	@BeforeEach
	void pricesAndUsage() throws Exception {
		this.prices = this.work.resolve("prices");
		Files.createDirectories(this.prices);
		Files.copy(Path.of("prices/bedrock-list-prices.csv"), this.prices.resolve("bedrock-list-prices.csv"));
		Files.writeString(this.prices.resolve("models.csv"), """
				model_id,family,generation,route_to,cache_min_tokens,long_context_threshold,legacy_date,\
				extended_access_date,end_of_life,successor,tokenizer,tokenizer_factor,tiers,geo_as_regional,source
				anthropic.claude-opus-4-6-v1,claude-opus,4.6,anthropic.claude-sonnet-5,4096,,%s,%s,%s,\
				anthropic.claude-opus-4-7,claude-v3,,,no,test
				anthropic.claude-opus-4-7,claude-opus,4.7,,4096,,,,,,claude-v4.7,1.0-1.35,,no,test
				anthropic.claude-sonnet-5,claude-sonnet,5,,,,,,,,claude-v4.7,1.0-1.35,,no,test
				""".formatted(this.today.minusDays(150), this.today.minusDays(60), this.today.plusDays(30)));
		// One day of a report writer on Opus 4.6: 2M input and 200,000 output tokens,
		// 2 x 5 + 0.2 x 25 = $15.00 a day; on Opus 4.7 $15.00 to $20.25 (x 1.35).
		this.usage = this.work.resolve("usage.csv");
		Files.writeString(this.usage, """
				date,model_id,path,region,requests,input_tokens,output_tokens
				2026-10-07,global.anthropic.claude-opus-4-6-v1,reports,us-east-1,400,2000000,200000
				""");
	}

	@Test
	void listsTrafficThirtyDaysFromEndOfLifeWithTheSuccessorsCostTokenizerFactorApplied() {
		Cli.Result result = Cli.analyze(this.work, "--source", this.usage.toString(), "--prices",
				this.prices.toString(), "--from", "2026-10-07", "--to", "2026-10-08", "--out",
				this.work.resolve("out").toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		JsonNode lifecycle = Cli.readReport(this.work.resolve("out")).get("lifecycle");
		assertThat(lifecycle).hasSize(1);
		JsonNode end = lifecycle.get(0);
		assertThat(end.get("model").asString()).isEqualTo("anthropic.claude-opus-4-6-v1");
		assertThat(end.get("state").asString()).isEqualTo("extended access");
		assertThat(end.get("daysToEndOfLife").asLong()).isEqualTo(30);
		assertThat(end.get("paths").get(0).asString()).isEqualTo("reports");
		assertThat(end.get("successor").asString()).isEqualTo("anthropic.claude-opus-4-7");
		assertThat(end.get("tokenizerFactor").asString()).isEqualTo("1-1.35");
		assertThat(end.get("monthlyUsd").decimalValue()).isEqualByComparingTo(money("15.00", MONTH));
		assertThat(end.get("successorMonthlyUsd").decimalValue()).isEqualByComparingTo(money("15.00", MONTH));
		assertThat(end.get("successorMonthlyHighUsd").decimalValue()).isEqualByComparingTo(money("20.25", MONTH));
		assertThat(end.get("firstNotice").asBoolean()).isFalse();
		assertThat(this.work.resolve("out/report.md")).content()
			.contains("## Models reaching end of life")
			.contains("| anthropic.claude-opus-4-6-v1 | extended access (extended access from "
					+ this.today.minusDays(60));
	}

	@Test
	void theNightlyDigestNamesTheModelTheFirstNightOnly() {
		String db = "jdbc:h2:file:" + this.work.resolve("db").resolve("bca").toAbsolutePath();
		Cli.Result first = Cli.run("run", "jobs/nightly.yaml", "--source", this.usage.toString(), "--prices",
				this.prices.toString(), "--date", "2026-10-07", "--db", db, "--out",
				this.work.resolve("n1").toString());
		Cli.Result second = Cli.run("run", "jobs/nightly.yaml", "--source", this.usage.toString(), "--prices",
				this.prices.toString(), "--date", "2026-10-08", "--db", db, "--out",
				this.work.resolve("n2").toString());

		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(second.exitCode()).as(second.err()).isZero();
		// The nightly report is the month to date: 7 days, then 8, of which one has
		// traffic.
		BigDecimal week = MONTH.divide(BigDecimal.valueOf(7), 10, RoundingMode.HALF_EVEN);
		assertThat(first.out()).contains(
				"Flagged: end of life: anthropic.claude-opus-4-6-v1 on " + this.today.plusDays(30) + " (in 30 days), $"
						+ money("15.00", week) + " a month on it now; on " + "anthropic.claude-opus-4-7 it would cost $"
						+ money("15.00", week) + " to $" + money("20.25", week) + " (tokenizer factor 1-1.35)");
		assertThat(second.out()).doesNotContain("end of life");
		assertThat(Cli.readReport(this.work.resolve("n1")).get("lifecycle").get(0).get("firstNotice").asBoolean())
			.isTrue();
		JsonNode later = Cli.readReport(this.work.resolve("n2")).get("lifecycle").get(0);
		assertThat(later.get("firstNotice").asBoolean()).isFalse();
		assertThat(later.get("model").asString()).isEqualTo("anthropic.claude-opus-4-6-v1");
	}

	@Test
	void routingCountsTheTargetsExtraTokens() throws Exception {
		// A classifier on Opus 4.6 ($5 / $25) routed to Claude Sonnet 5 ($3 / $15 from
		// 2026-09-01), whose tokenizer makes up to 1.35 times the tokens: 2M input and
		// 500
		// output tokens cost 10.0125 now and 2.7M x 3 + 675 x 15 = 8.110125 there (not
		// 6.0075): 1.902375 a day saved.
		Path classifier = this.work.resolve("classifier.csv");
		Files.writeString(classifier, """
				date,model_id,path,region,requests,input_tokens,output_tokens
				2026-10-07,global.anthropic.claude-opus-4-6-v1,labels,us-east-1,100,2000000,500
				""");

		Cli.Result result = Cli.analyze(this.work, "--source", classifier.toString(), "--prices",
				this.prices.toString(), "--from", "2026-10-07", "--to", "2026-10-08", "--out",
				this.work.resolve("out").toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		JsonNode routing = null;
		for (JsonNode o : Cli.readReport(this.work.resolve("out")).get("opportunities")) {
			if (o.get("type").asString().equals("MODEL_ROUTING")) {
				routing = o;
			}
		}
		assertThat(routing).isNotNull();
		assertThat(routing.get("evidence").get("cheaperModel").asString()).isEqualTo("anthropic.claude-sonnet-5");
		assertThat(routing.get("evidence").get("tokenizerFactor").asString()).isEqualTo("1-1.35");
		assertThat(routing.get("savings").decimalValue().setScale(2, RoundingMode.HALF_EVEN))
			.isEqualByComparingTo(money("1.902375", MONTH));
	}

	private static BigDecimal money(String daily, BigDecimal factor) {
		return new BigDecimal(daily).multiply(factor).setScale(2, RoundingMode.HALF_EVEN);
	}

}
