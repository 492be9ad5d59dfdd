package com.bedrockcostanalyzer.testing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a report.json against the totals the generator wrote. */
public final class ReportAssertions {

	private ReportAssertions() {
	}

	public static void assertMatches(JsonNode report, ExpectedTotals expected) {
		Map<String, ExpectedTotals.Counts> actual = new TreeMap<>();
		for (JsonNode row : report.get("usage")) {
			ExpectedTotals.Counts c = actual.computeIfAbsent(
					row.get("model").asString() + " | " + row.get("path").asString(),
					(k) -> new ExpectedTotals.Counts());
			c.requests += row.get("requests").asLong();
			c.errors += row.get("errors").asLong();
			c.input += row.get("inputTokens").asLong();
			c.output += row.get("outputTokens").asLong();
			c.cacheRead += row.get("cacheReadInputTokens").asLong();
			c.cacheWrite5m += row.get("cacheWrite5mInputTokens").asLong();
			c.cacheWrite1h += row.get("cacheWrite1hInputTokens").asLong();
		}
		assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.byModelAndPath().keySet());
		expected.byModelAndPath()
			.forEach((key, counts) -> assertThat(actual.get(key)).as(key).usingRecursiveComparison().isEqualTo(counts));
		JsonNode totals = report.get("totals");
		ExpectedTotals.Counts total = expected.total();
		assertThat(totals.get("requests").asLong()).isEqualTo(total.requests);
		assertThat(totals.get("inputTokens").asLong()).isEqualTo(total.input);
		assertThat(totals.get("cacheWriteInputTokens").asLong()).isEqualTo(total.cacheWrite5m + total.cacheWrite1h);
		assertThat(new BigDecimal(totals.get("cost").asString())).isPositive();
	}

}
