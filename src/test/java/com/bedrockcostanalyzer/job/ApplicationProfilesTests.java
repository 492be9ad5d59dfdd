package com.bedrockcostanalyzer.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.BedrockControlPlane;
import com.bedrockcostanalyzer.testing.BedrockControlPlane.Profile;
import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.LocalAws;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Application inference profiles resolved through the Bedrock control plane (a local
 * stand-in answering the documented JSON: moto does not serve these calls), the job
 * database's cache and a profiles file. Dollars are worked out by hand from the book's
 * us-east-1 rates per 1M tokens: Nova Micro 0.035 / 0.14, Claude 3 Haiku 0.25 / 1.25,
 * Claude Haiku 4.5 global 1 / 5.
 */
class ApplicationProfilesTests {

	private static final String SEARCH = "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/search01";

	private static final String SUPPORT = "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/support02";

	private static final String SHARED = "arn:aws:bedrock:us-east-1:444455556666:application-inference-profile/shared03";

	@TempDir
	Path work;

	private Path logs;

	@BeforeEach
	void writeLogs() throws Exception {
		// Search: 2 x (500k in, 500k out) of Nova Micro through the US profile = 0.035 +
		// 0.14 = $0.175.
		// Support: 1M in, 1M out of Claude 3 Haiku in one Region = 0.25 + 1.25 = $1.50.
		// Shared (another account's, global Claude Haiku 4.5): 1M in, 1M out = 1 + 5 =
		// $6.00.
		// No profile: 1M in, 1M out of Nova Micro through the US profile = $0.175. In all
		// $7.85.
		List<String> lines = new ArrayList<>();
		lines.add(record(SEARCH, 500_000, 500_000));
		lines.add(record(SEARCH, 500_000, 500_000));
		lines.add(record(SUPPORT, 1_000_000, 1_000_000));
		lines.add(record(SHARED, 1_000_000, 1_000_000));
		lines.add(record("us.amazon.nova-micro-v1:0", 1_000_000, 1_000_000));
		this.logs = this.work.resolve("logs");
		Files.createDirectories(this.logs);
		Files.write(this.logs.resolve("invocations.json"), lines);
	}

	private static BedrockControlPlane controlPlane() throws Exception {
		return new BedrockControlPlane()
			.add(new Profile(SEARCH,
					List.of("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0",
							"arn:aws:bedrock:us-east-2::foundation-model/amazon.nova-micro-v1:0",
							"arn:aws:bedrock:us-west-2::foundation-model/amazon.nova-micro-v1:0"),
					tags("team", "search", "cost-center", "cc-100", "env", "prod"), true))
			.add(new Profile(SUPPORT,
					List.of("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"),
					tags("cost-center", "cc-100", "team", "support"), true))
			.add(new Profile(SHARED,
					List.of("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0",
							"arn:aws:bedrock:::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0"),
					tags("cost-center", "cc-200"), false));
	}

	@Test
	void pricesProfileTrafficAsItsModelWithItsTagsAsDimensions() throws Exception {
		JsonNode report;
		try (BedrockControlPlane bedrock = controlPlane(); LocalAws aws = LocalAws.bedrock(bedrock.endpoint())) {
			report = analyze("out", "--profile-lookup", "--attribution-tags", "team,cost-center");
			// One listing of the Region (two pages), the other account's profile asked
			// for by name, tags of each.
			assertThat(bedrock.requests()).filteredOn((r) -> r.equals("GET /inference-profiles")).hasSize(2);
			assertThat(bedrock.requests()).filteredOn((r) -> r.startsWith("GET /inference-profiles/")).hasSize(1);
			assertThat(bedrock.requests()).filteredOn((r) -> r.equals("POST /listTagsForResource")).hasSize(3);
		}
		assertThat(report.get("totals").get("unpricedRequests").asLong()).isZero();
		assertThat(report.get("totals").get("cost").decimalValue()).isEqualByComparingTo("7.85");
		assertThat(costs(report.get("byModel"))).containsOnly(Map.entry("amazon.nova-micro-v1:0", "0.35"),
				Map.entry("anthropic.claude-3-haiku-20240307-v1:0", "1.5"),
				Map.entry("anthropic.claude-haiku-4-5-20251001-v1:0", "6"));
		JsonNode byTag = report.get("byTag");
		assertThat(byTag).hasSize(2);
		assertThat(byTag.get(0).get("tag").asString()).isEqualTo("team");
		assertThat(costs(byTag.get(0).get("values"))).containsOnly(Map.entry("search", "0.175"),
				Map.entry("support", "1.5"), Map.entry("(untagged)", "6.175"));
		assertThat(byTag.get(1).get("tag").asString()).isEqualTo("cost-center");
		assertThat(costs(byTag.get(1).get("values"))).containsOnly(Map.entry("cc-100", "1.675"),
				Map.entry("cc-200", "6"), Map.entry("(untagged)", "0.175"));
		for (JsonNode row : report.get("usage")) {
			if (row.get("model").asString().startsWith("anthropic.claude-haiku-4-5")) {
				assertThat(row.get("scope").asString()).isEqualTo("global");
			}
			else if (row.get("model").asString().startsWith("anthropic.claude-3-haiku")) {
				assertThat(row.get("scope").asString()).isEqualTo("regional");
			}
			else {
				assertThat(row.get("scope").asString()).isEqualTo("geo");
			}
		}
		List<String> csv = Files.readAllLines(this.work.resolve("out/usage.csv"));
		assertThat(csv.get(0)).endsWith(",unpriced_reason,tag:team,tag:cost-center");
		assertThat(csv).anyMatch((line) -> line.startsWith("amazon.nova-micro-v1:0,geo,us-east-1,standard,")
				&& line.endsWith(",search,cc-100"));
		assertThat(Files.readString(this.work.resolve("out/report.md"))).contains("## Spend by profile tag team")
			.contains("| support | 1 |");
		assertThat(Files.readString(this.work.resolve("out/report.html"))).contains("Spend by profile tag team")
			.containsPattern("<td>support</td><td class=\"num\">1</td>");
		// Tags not chosen (env) are not dimensions.
		assertThat(Files.readString(this.work.resolve("out/report.json"))).doesNotContain("prod");
	}

	@Test
	void resolvesFromTheJobDatabaseOnceTheControlPlaneIsGone() throws Exception {
		try (BedrockControlPlane bedrock = controlPlane(); LocalAws aws = LocalAws.bedrock(bedrock.endpoint())) {
			analyze("first", "--profile-lookup", "--attribution-tags", "team");
		}
		// Counted again from the logs, with no control plane and no lookups: the cache
		// answers.
		JsonNode report = analyze("again", "--reprocess", "--no-profile-lookup", "--attribution-tags", "team");
		assertThat(report.get("totals").get("unpricedRequests").asLong()).isZero();
		assertThat(report.get("totals").get("cost").decimalValue()).isEqualByComparingTo("7.85");
		assertThat(costs(report.get("byTag").get(0).get("values"))).containsEntry("search", "0.175")
			.containsEntry("support", "1.5");
		// With lookups on, fresh answers are not asked again.
		try (BedrockControlPlane bedrock = controlPlane(); LocalAws aws = LocalAws.bedrock(bedrock.endpoint())) {
			analyze("third", "--reprocess", "--profile-lookup");
			assertThat(bedrock.requests()).isEmpty();
		}
	}

	@Test
	void resolvesFromAProfilesFileWithoutCredentials() throws Exception {
		Path file = this.work.resolve("profiles.csv");
		Files.writeString(file, """
				arn,model_id,tags
				%s,us.amazon.nova-micro-v1:0,team=search;cost-center=cc-100
				%s,anthropic.claude-3-haiku-20240307-v1:0,team=support
				%s,global.anthropic.claude-haiku-4-5-20251001-v1:0,
				""".formatted(SEARCH, SUPPORT, SHARED));
		JsonNode report = analyze("out", "--inference-profiles", file.toString(), "--attribution-tags", "team");
		assertThat(report.get("totals").get("cost").decimalValue()).isEqualByComparingTo("7.85");
		assertThat(costs(report.get("byTag").get(0).get("values"))).containsOnly(Map.entry("search", "0.175"),
				Map.entry("support", "1.5"), Map.entry("(untagged)", "6.175"));
	}

	@Test
	void leavesProfileTrafficUnpricedAndSaysWhyWhenTheControlPlaneRefuses() throws Exception {
		JsonNode report;
		try (BedrockControlPlane bedrock = controlPlane(); LocalAws aws = LocalAws.bedrock(bedrock.endpoint())) {
			bedrock.denyAll();
			report = analyze("out", "--profile-lookup");
			// Refused once for the Region: the other profiles there are not asked for
			// again.
			assertThat(bedrock.requests()).hasSize(1);
		}
		assertThat(report.get("totals").get("cost").decimalValue()).isEqualByComparingTo("0.175");
		assertThat(report.get("totals").get("unpricedRequests").asLong()).isEqualTo(4);
		assertThat(report.get("unpriced")).allSatisfy((row) -> {
			assertThat(row.get("model").asString()).startsWith("application-inference-profile/");
			assertThat(row.get("reason").asString()).startsWith("application inference profile not resolved");
		});
	}

	private JsonNode analyze(String out, String... options) {
		List<String> args = new ArrayList<>(List.of("--source", this.logs.toString(), "--month", "2026-10", "--out",
				this.work.resolve(out).toString()));
		args.addAll(List.of(options));
		Cli.Result result = Cli.analyze(this.work, args.toArray(String[]::new));
		assertThat(result.exitCode()).as(result.err()).isZero();
		return Cli.readReport(this.work.resolve(out));
	}

	private static Map<String, String> costs(JsonNode breakdown) {
		Map<String, String> costs = new LinkedHashMap<>();
		breakdown.forEach((b) -> costs.put(b.get("name").asString(),
				b.get("cost").decimalValue().stripTrailingZeros().toPlainString()));
		return costs;
	}

	private static Map<String, String> tags(String... pairs) {
		Map<String, String> tags = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			tags.put(pairs[i], pairs[i + 1]);
		}
		return tags;
	}

	private static String record(String modelId, long input, long output) {
		return """
				{"schemaType":"ModelInvocationLog","schemaVersion":"1.0","timestamp":"2026-10-07T10:00:00Z",\
				"accountId":"111122223333","region":"us-east-1","requestId":"%s","operation":"Converse",\
				"modelId":"%s","identity":{"arn":"arn:aws:sts::111122223333:assumed-role/AppRole/s"},\
				"input":{"inputContentType":"application/json","inputTokenCount":%d},\
				"output":{"outputContentType":"application/json","outputTokenCount":%d}}""".formatted(UUID.randomUUID(),
				modelId, input, output);
	}

}
