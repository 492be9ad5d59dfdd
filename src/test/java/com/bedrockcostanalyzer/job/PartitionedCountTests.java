package com.bedrockcostanalyzer.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.source.InputUnit;
import com.bedrockcostanalyzer.source.UnitFormat;
import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.CorpusGenerator;
import com.bedrockcostanalyzer.testing.ExpectedTotals;
import com.bedrockcostanalyzer.testing.ReportAssertions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partitioned counting: the same totals whatever the number of threads, and partitions of
 * even bytes in order.
 */
class PartitionedCountTests {

	@TempDir
	Path work;

	@Test
	void countsTheSameWithOneThreadOrFive() throws Exception {
		ExpectedTotals expected = new CorpusGenerator(new CorpusGenerator.Options(83, LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 10, 4), 12, true, false, true))
			.write(this.work.resolve("logs"));
		List<JsonNode> reports = new ArrayList<>();
		for (int workers : new int[] { 1, 5 }) {
			Path out = this.work.resolve("out-" + workers);
			Cli.Result result = Cli.run("analyze", "--db",
					"jdbc:h2:file:" + this.work.resolve("db-" + workers + "/bca"), "--source",
					this.work.resolve("logs").toString(), "--from", "2026-10-01", "--to", "2026-10-04", "--workers",
					String.valueOf(workers), "--out", out.toString());
			assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
			reports.add(Cli.readReport(out));
		}

		ReportAssertions.assertMatches(reports.get(0), expected);
		ReportAssertions.assertMatches(reports.get(1), expected);
		assertThat(reports.get(1).get("usage")).isEqualTo(reports.get(0).get("usage"));
		assertThat(reports.get(1).get("rejects").get("count")).isEqualTo(reports.get(0).get("rejects").get("count"));
	}

	@Test
	void cutsTheListingIntoRunsOfAboutEqualBytesInOrder() {
		List<InputUnit> units = new ArrayList<>();
		long[] sizes = { 10, 10, 10, 10, 40, 10, 10 }; // 100 bytes
		for (int i = 0; i < sizes.length; i++) {
			units.add(new InputUnit("src", "k" + i, "k" + i, sizes[i], "v", UnitFormat.INVOCATION_LOG, null));
		}

		List<List<InputUnit>> parts = UnitPartitioner.balanced(units, 2);

		assertThat(parts).hasSize(2);
		// 40 + 60 bytes is as near halves as cutting the listing allows (cutting after k4
		// would give 80 + 20).
		assertThat(parts.get(0)).extracting(InputUnit::key).containsExactly("k0", "k1", "k2", "k3");
		assertThat(parts.get(1)).extracting(InputUnit::key).containsExactly("k4", "k5", "k6");
		// Thirds fall at 33.3 and 66.7 bytes: the nearest cuts are at 30 (after k2) and
		// 80 (after k4, where cutting
		// before k4 would leave 40, further from 66.7).
		List<List<InputUnit>> thirds = UnitPartitioner.balanced(units, 3);
		assertThat(thirds).extracting((part) -> part.stream().map(InputUnit::key).toList())
			.containsExactly(List.of("k0", "k1", "k2"), List.of("k3", "k4"), List.of("k5", "k6"));
		assertThat(UnitPartitioner.balanced(units.subList(0, 1), 4)).hasSize(1);
	}

}
