package com.bedrockcostanalyzer.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.CorpusGenerator;
import com.bedrockcostanalyzer.testing.ExpectedTotals;
import com.bedrockcostanalyzer.testing.ReportAssertions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sources are resolved to one set of distinct inputs before counting: a folder inside
 * another, a folder named twice and a symbolic link to a folder count the generator's
 * totals once.
 */
class OverlappingSourcesTests {

	private static final LocalDate FROM = LocalDate.of(2026, 10, 1);

	private static final LocalDate TO = LocalDate.of(2026, 10, 3);

	@TempDir
	Path work;

	@Test
	void countsNestedAndRepeatedSourcesOnce() throws Exception {
		ExpectedTotals expected = logs();
		String logs = this.work.resolve("logs").toString();

		Cli.Result result = analyze("--source", logs, "--source", this.work.resolve("logs/AWSLogs").toString(),
				"--source", logs, "--source", this.work.resolve("logs/./").toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		ReportAssertions.assertMatches(Cli.readReport(this.work.resolve("out")), expected);
		assertThat(result.out()).contains("AWSLogs is inside " + this.work.resolve("logs").toRealPath())
			.contains("is named more than once: counted once");
	}

	@Test
	void followsASourceGivenThroughASymbolicLink() throws Exception {
		ExpectedTotals expected = logs();
		Path link = Files.createSymbolicLink(this.work.resolve("link-to-logs"), this.work.resolve("logs"));

		Cli.Result result = analyze("--source", link.toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		ReportAssertions.assertMatches(Cli.readReport(this.work.resolve("out")), expected);
	}

	private ExpectedTotals logs() throws Exception {
		return new CorpusGenerator(new CorpusGenerator.Options(19, FROM, TO, 6, false, false, false))
			.write(this.work.resolve("logs"));
	}

	private Cli.Result analyze(String... sources) {
		String[] args = new String[sources.length + 6];
		System.arraycopy(sources, 0, args, 0, sources.length);
		System.arraycopy(new String[] { "--from", FROM.toString(), "--to", TO.toString(), "--out",
				this.work.resolve("out").toString() }, 0, args, sources.length, 6);
		return Cli.analyze(this.work, args);
	}

}
