package com.bedrockcostanalyzer.reconcile;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole bill per team: a hand-made CUR 2.0 export with caller identity and tags, and
 * the same bill as a FOCUS 1.2 export. Logged (a usage export, us-east-1, 2026-10-03):
 * the SearchRole's calls through an application inference profile tagged team=search,
 * Nova Pro 5M in + 1M out ($4.00 + $3.20), and a chat path on Claude Sonnet 4.6 (global)
 * 1M in + 0.2M out ($3.00 + $3.00): $13.20.
 *
 * Billed: those four lines ($13.20, explained); Nova Pro input on the 4th, 1M tokens
 * ($0.80, billed beyond the logs); Nova Pro in eu-west-1, where nothing is logged
 * ($0.92); a bedrock-mantle line of project assistant-x ($0.70); AgentCore ($2.50);
 * Guardrails ($1.25); a provisioned-throughput hour ($20.00). $39.37 billed, coverage
 * 13.20 / 39.37 = 33.5%.
 */
class BillCoverageTests {

	private static final String PROFILE = "arn:aws:bedrock:us-east-1:111111111111:application-inference-profile/search1";

	private static final String CUR2_HEADER = "bill_payer_account_id,line_item_usage_account_id,line_item_line_item_type,"
			+ "line_item_usage_start_date,line_item_product_code,line_item_usage_type,line_item_usage_amount,"
			+ "pricing_unit,line_item_unblended_cost,product,line_item_iam_principal,resource_tags,tags";

	private static final String FOCUS_HEADER = "BillingAccountId,SubAccountId,ChargeCategory,ChargePeriodStart,"
			+ "x_ServiceCode,ServiceName,x_UsageType,PricingQuantity,PricingUnit,BilledCost,RegionId,Tags";

	/**
	 * day, product code, product name, usage type, amount, unit, cost, Region, principal,
	 * resource tag team, principal tag team, Project tag.
	 */
	private static final String[][] LINES = {
			{ "2026-10-03", "AmazonBedrock", "Amazon Bedrock", "USE1-NovaPro-input-tokens", "5000", "1K tokens", "4.00",
					"us-east-1", "arn:aws:sts::111111111111:assumed-role/SearchRole/s1", "search", "", "" },
			{ "2026-10-03", "AmazonBedrock", "Amazon Bedrock", "USE1-NovaPro-output-tokens", "1000", "1K tokens",
					"3.20", "us-east-1", "arn:aws:sts::111111111111:assumed-role/SearchRole/s2", "search", "", "" },
			{ "2026-10-03", "c2ap6f1kuk0bmsqbovbjb3quk", "Claude Sonnet 4.6 (Amazon Bedrock Edition)",
					"USE1-MP:USE1_InputTokenCount_Global-Units", "1", "Units", "3.00", "us-east-1",
					"arn:aws:iam::111111111111:user/alice", "", "support", "" },
			{ "2026-10-03", "c2ap6f1kuk0bmsqbovbjb3quk", "Claude Sonnet 4.6 (Amazon Bedrock Edition)",
					"USE1-MP:USE1_OutputTokenCount_Global-Units", "0.2", "Units", "3.00", "us-east-1",
					"arn:aws:iam::111111111111:user/alice", "", "support", "" },
			{ "2026-10-04", "AmazonBedrock", "Amazon Bedrock", "USE1-NovaPro-input-tokens", "1000", "1K tokens", "0.80",
					"us-east-1", "arn:aws:sts::111111111111:assumed-role/SearchRole/s3", "search", "", "" },
			{ "2026-10-05", "AmazonBedrock", "Amazon Bedrock", "EU-NovaPro-input-tokens", "1000", "1K tokens", "0.92",
					"eu-west-1", "arn:aws:iam::111111111111:user/carol", "", "", "" },
			{ "2026-10-06", "AmazonBedrock", "Amazon Bedrock", "USE1-openai.gpt-oss-20b-mantle-input-tokens-standard",
					"10000", "1K tokens", "0.70", "us-east-1", "arn:aws:iam::111111111111:user/bob", "", "",
					"assistant-x" },
			{ "2026-10-07", "AmazonBedrockAgentCore", "Amazon Bedrock AgentCore", "USE1-AgentCore-Runtime-vCPU-Hours",
					"10", "Hrs", "2.50", "us-east-1", "", "", "", "" },
			{ "2026-10-08", "AmazonBedrock", "Amazon Bedrock", "USE1-Guardrail-ContentPolicyTextUnits", "5", "Units",
					"1.25", "us-east-1", "", "", "", "" },
			{ "2026-10-09", "c2ap6f1kuk0bmsqbovbjb3quk", "Claude 3.7 Sonnet (Amazon Bedrock Edition)",
					"USW2-MP:USW2_ProvisionedThroughput_1MonthCommit_ModelUnits_Usage-Units", "1", "hour", "20.00",
					"us-west-2", "", "", "", "" } };

	@TempDir
	Path work;

	@Test
	void chargesTheBillBackByPrincipalAndTagBesideTheLogs() throws Exception {
		JsonNode bill = audit(cur2(), "out");

		Map<String, String[]> principals = chargeback(bill, "principal");
		assertThat(principals).containsOnlyKeys("SearchRole", "user/alice", "user/bob", "user/carol",
				Chargeback.NO_PRINCIPAL);
		assertThat(principals.get("SearchRole")).containsExactly("8", "7.2", "0.8");
		assertThat(principals.get("user/alice")).containsExactly("6", null, null);
		assertThat(principals.get(Chargeback.NO_PRINCIPAL)).containsExactly("23.75", null, null);

		Map<String, String[]> teams = chargeback(bill, "tag:team");
		assertThat(teams.get("search")).containsExactly("8", "7.2", "0.8");
		assertThat(teams.get("support")).as("the principal's tag").containsExactly("6", null, null);
		assertThat(teams.get(Chargeback.UNTAGGED)).containsExactly("25.37", "6", "19.37");
		assertThat(Files.readString(this.work.resolve("out/chargeback.csv")))
			.startsWith("by,name,billed_usd,logged_usd,billed_minus_logged_usd\n")
			.contains("tag:team,search,8.000000,7.200000,0.800000\n");
	}

	@Test
	void namesWhatTheLogsCannotExplainAndHowMuchTheyDo() throws Exception {
		JsonNode coverage = audit(cur2(), "out").get("coverage");

		assertThat(money(coverage.get("billedUsd"))).isEqualByComparingTo("39.37");
		assertThat(money(coverage.get("explainedUsd"))).isEqualByComparingTo("13.20");
		assertThat(money(coverage.get("percent"))).isEqualByComparingTo("33.5");
		assertThat(gaps(coverage)).containsExactly(
				Map.entry(BillGaps.PROVISIONED + " | anthropic.claude-3-7-sonnet-20250219-v1:0", "20"),
				Map.entry(BillGaps.AGENTCORE + " | USE1-AgentCore-Runtime-vCPU-Hours", "2.5"),
				Map.entry(BillGaps.GUARDRAILS + " | USE1-Guardrail-ContentPolicyTextUnits", "1.25"),
				Map.entry(BillGaps.REGION_WITHOUT_LOGS + " | eu-west-1", "0.92"),
				Map.entry(BillGaps.BEYOND_THE_LOGS + " | in Regions that log", "0.8"),
				Map.entry(BillGaps.MANTLE + " | project assistant-x", "0.7"));
		assertThat(Files.readString(this.work.resolve("out/report.md"))).contains("**Bill coverage: 33.5%**")
			.contains("logging off in eu-west-1?");
	}

	@Test
	void readsTheSameBillAsAFocusExport() throws Exception {
		JsonNode cur = audit(cur2(), "cur");
		JsonNode focus = audit(focus(), "focus");

		assertThat(focus.get("coverage")).isEqualTo(cur.get("coverage"));
		assertThat(focus.get("totals")).isEqualTo(cur.get("totals"));
		assertThat(focus.get("rows")).isEqualTo(cur.get("rows"));
		// FOCUS carries tags but no caller identity: the bill splits by team, not by
		// principal.
		assertThat(chargeback(focus, "tag:team")).containsOnlyKeys("search", "support", Chargeback.UNTAGGED);
		assertThat(chargeback(focus, "principal")).isEmpty();
	}

	/** (SearchRole stays: the usage export names it as a path, not as a caller.) */
	@Test
	void neverShowsAPrincipalsNameWhenCallersArePseudonymized() throws Exception {
		JsonNode bill = audit(cur2(), "out", "--pseudonymize-callers");

		assertThat(chargeback(bill, "principal").keySet())
			.allMatch((name) -> name.contains("caller-") || name.equals(Chargeback.NO_PRINCIPAL));
		for (String file : List.of("report.json", "report.md", "report.html", "chargeback.csv")) {
			assertThat(Files.readString(this.work.resolve("out").resolve(file))).as(file)
				.doesNotContain("user/alice")
				.doesNotContain("user/bob")
				.doesNotContain("user/carol");
		}
	}

	@Test
	void nightlyRunFlagsARegionWhoseLoggingStopped() throws Exception {
		Path logged = write("logged.csv", """
				timestamp,model_id,path,region,requests,input_tokens,output_tokens
				2026-10-03,amazon.nova-pro-v1:0,search,us-east-1,100,5000000,1000000
				""");
		// us-east-1 logged on the 3rd; on the 4th it is billed $0.80 of tokens and logs
		// none. eu-west-1 never logged:
		// a Region without logs, not one whose logging stopped.
		String db = "jdbc:h2:file:" + this.work.resolve("night-db/bca");
		Cli.Result before = Cli.run("run", "jobs/nightly.yaml", "--date", "2026-10-03", "--source", logged.toString(),
				"--db", db, "--out", this.work.resolve("before").toString());
		assertThat(before.exitCode()).as(before.err()).isZero();
		Cli.Result night = Cli.run("run", "jobs/nightly.yaml", "--date", "2026-10-04", "--source", logged.toString(),
				"--cur", cur2().toString(), "--db", db, "--out", this.work.resolve("night").toString());

		assertThat(night.exitCode()).as(night.err()).isZero();
		assertThat(night.out()).contains("Flagged: logging stopped? us-east-1 was billed $0.80 of tokens on 2026-10-04")
			.doesNotContain("logging stopped? eu-west-1");
	}

	private Path cur2() throws Exception {
		StringBuilder csv = new StringBuilder(CUR2_HEADER).append('\n');
		for (String[] l : LINES) {
			Map<String, String> resourceTags = new LinkedHashMap<>();
			if (!l[9].isEmpty()) {
				resourceTags.put("user_team", l[9]);
			}
			if (!l[11].isEmpty()) {
				resourceTags.put("user_Project", l[11]);
			}
			String tags = l[10].isEmpty() ? "" : json(Map.of("iamPrincipal/team", l[10]));
			csv.append(String.join(",", "111111111111", "111111111111", "Usage", l[0] + " 00:00:00", l[1], l[3], l[4],
					l[5], l[6], json(Map.of("product_name", l[2], "region", l[7])), l[8], json(resourceTags), tags))
				.append('\n');
		}
		return write("cur2.csv", csv.toString());
	}

	private Path focus() throws Exception {
		StringBuilder csv = new StringBuilder(FOCUS_HEADER).append('\n');
		for (String[] l : LINES) {
			Map<String, String> tags = new LinkedHashMap<>();
			if (!l[9].isEmpty()) {
				tags.put("user:team", l[9]);
			}
			if (!l[10].isEmpty()) {
				tags.put("iamPrincipal/team", l[10]);
			}
			if (!l[11].isEmpty()) {
				tags.put("user:Project", l[11]);
			}
			csv.append(String.join(",", "111111111111", "111111111111", "Usage", l[0] + "T00:00:00Z", l[1],
					quoted(l[2]), l[3], l[4], l[5], l[6], l[7], json(tags)))
				.append('\n');
		}
		return write("focus.csv", csv.toString());
	}

	private JsonNode audit(Path cur, String out, String... more) throws Exception {
		Path logged = write("logged.csv", """
				timestamp,model_id,path,region,requests,input_tokens,output_tokens
				2026-10-03,%s,SearchRole,us-east-1,100,5000000,1000000
				2026-10-03,global.anthropic.claude-sonnet-4-6,chat,us-east-1,10,1000000,200000
				""".formatted(PROFILE));
		Path profiles = write("profiles.csv", """
				arn,model_id,tags
				%s,amazon.nova-pro-v1:0,team=search
				""".formatted(PROFILE));
		List<String> args = new ArrayList<>(List.of("--source", logged.toString(), "--month", "2026-10", "--cur",
				cur.toString(), "--inference-profiles", profiles.toString(), "--attribution-tags", "team", "--out",
				this.work.resolve(out).toString()));
		args.addAll(List.of(more));
		Cli.Result result = Cli.analyze(this.work.resolve(out + "-db"), args.toArray(String[]::new));
		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).contains("33.5% explained by the logs");
		return Cli.readReport(this.work.resolve(out)).get("reconciliation");
	}

	/** Billed, logged and difference per name, as plain numbers; null where absent. */
	private static Map<String, String[]> chargeback(JsonNode bill, String by) {
		Map<String, String[]> rows = new LinkedHashMap<>();
		for (JsonNode row : bill.get("chargeback")) {
			if (row.get("by").asString().equals(by)) {
				rows.put(row.get("name").asString(), new String[] { plain(row.get("billedUsd")),
						plain(row.get("loggedUsd")), plain(row.get("differenceUsd")) });
			}
		}
		return rows;
	}

	private static Map<String, String> gaps(JsonNode coverage) {
		Map<String, String> gaps = new LinkedHashMap<>();
		coverage.get("gaps")
			.forEach((g) -> gaps.put(g.get("kind").asString() + " | " + g.get("name").asString(), plain(g.get("usd"))));
		return gaps;
	}

	private static String plain(JsonNode node) {
		return node == null || node.isNull() ? null : node.decimalValue().stripTrailingZeros().toPlainString();
	}

	private static BigDecimal money(JsonNode node) {
		return node.decimalValue();
	}

	private static String json(Map<String, String> map) {
		if (map.isEmpty()) {
			return "";
		}
		StringBuilder text = new StringBuilder("{");
		map.forEach((k, v) -> text.append(text.length() > 1 ? "," : "")
			.append("\"\"")
			.append(k)
			.append("\"\":\"\"")
			.append(v)
			.append("\"\""));
		return "\"" + text.append('}') + "\"";
	}

	private static String quoted(String text) {
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	private Path write(String name, String content) throws Exception {
		Path file = this.work.resolve(name);
		Files.writeString(file, content);
		return file;
	}

}
