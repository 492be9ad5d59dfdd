package com.bedrockcostanalyzer.savings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.CorpusGenerator;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-minute profile the detectors read is summed over the report's sources when
 * there are several and read as stored when there is one. Two copies of the same logs,
 * given as one folder that holds both or as two sources, must therefore give the same
 * opportunities, down to the cent: every minute of one copy meets the same minute of the
 * other, summed into one day block when written one way and summed on reading the other.
 */
class SourcesSplitTests {

	@TempDir
	Path work;

	@Test
	void findsTheSameOpportunitiesWhenTheLogsComeAsTwoSources() throws Exception {
		var expected = new CorpusGenerator(new CorpusGenerator.Options(89, LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 10, 8), 30, false, false, false))
			.write(this.work.resolve("both/a"));
		new CorpusGenerator(new CorpusGenerator.Options(89, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 8), 30,
				false, false, false))
			.withRequestIdSalt(1)
			.write(this.work.resolve("both/b"));
		Path both = this.work.resolve("both");

		// Declared non-interactive, these paths are always offered batch, with evidence
		// read from their minutes.
		System.setProperty("bca.savings.non-interactive-paths", "EtlRole,nightly-summaries,SearchIndexer");
		Cli.Result whole;
		Cli.Result split;
		try {
			whole = Cli.analyze(this.work, "--source", both.toString(), "--from", "2026-10-01", "--to", "2026-10-08",
					"--out", this.work.resolve("whole").toString());
			split = Cli.analyze(this.work.resolve("split-db"), "--source", both.resolve("a").toString(), "--source",
					both.resolve("b").toString(), "--from", "2026-10-01", "--to", "2026-10-08", "--out",
					this.work.resolve("split").toString());
		}
		finally {
			System.clearProperty("bca.savings.non-interactive-paths");
		}

		assertThat(whole.exitCode()).as(whole.err()).isZero();
		assertThat(split.exitCode()).as(split.err()).isZero();
		JsonNode one = Cli.readReport(this.work.resolve("whole"));
		JsonNode two = Cli.readReport(this.work.resolve("split"));
		for (JsonNode report : new JsonNode[] { one, two }) {
			assertThat(report.get("totals").get("requests").asLong()).isEqualTo(2 * expected.total().requests);
			assertThat(report.get("totals").get("inputTokens").asLong()).isEqualTo(2 * expected.total().input);
			assertThat(report.get("totals").get("cacheReadInputTokens").asLong())
				.isEqualTo(2 * expected.total().cacheRead);
		}
		// Every opportunity, the small ones too, is in the CSV; the detectors that read
		// the minutes must find some.
		String opportunities = Files.readString(this.work.resolve("whole/opportunities.csv"));
		assertThat(opportunities.lines().skip(1)).extracting((l) -> l.substring(0, l.indexOf(',')))
			.contains("BATCH", "PROMPT_CACHING");
		assertThat(Files.readString(this.work.resolve("split/opportunities.csv"))).isEqualTo(opportunities);
		assertThat(two.get("savings")).isEqualTo(one.get("savings"));
	}

}
