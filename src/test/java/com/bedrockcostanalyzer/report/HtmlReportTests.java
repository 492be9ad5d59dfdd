package com.bedrockcostanalyzer.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.CorpusGenerator;
import com.bedrockcostanalyzer.testing.HeadlessChromium;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report.html: its numbers against report.json, its safety, and how it draws in a real
 * browser (Debian's chromium).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlReportTests {

	@TempDir
	static Path work;

	private JsonNode json;

	private String html;

	@BeforeAll
	void render() throws Exception {
		new CorpusGenerator(new CorpusGenerator.Options(5, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 8), 10,
				true, false, true))
			.write(work.resolve("logs"));
		// Values from the logs are hostile: a path that is markup, a formula, a
		// right-to-left override.
		Files.writeString(work.resolve("logs/hostile.csv"), """
				date,model,feature,requests,input_tokens,output_tokens
				2026-10-02,amazon.nova-lite-v1:0,<script>alert('x')</script>,5,1000,100
				2026-10-02,amazon.nova-lite-v1:0,"=HYPERLINK(""http://evil.example"",""click"")",5,1000,100
				2026-10-02,amazon.nova-lite-v1:0,invoice\u202Etxt.exe,5,1000,100
				2026-10-02,acme.<b>unlisted</b>-v1,labs,2,1000,100
				""");
		// A bill with a usage type no one knows, spelled as markup: shown as written,
		// escaped.
		Files.writeString(work.resolve("cur.csv"),
				"""
						lineItem/LineItemType,lineItem/UsageStartDate,lineItem/ProductCode,lineItem/UsageType,lineItem/UsageAmount,pricing/unit,lineItem/UnblendedCost
						Usage,2026-10-02T00:00:00Z,AmazonBedrock,USE1-<img src=x onerror=alert(1)>-input-tokens,10,1K tokens,0.50
						Usage,2026-10-02T00:00:00Z,AmazonBedrock,USE1-NovaPro-input-tokens,1000,1K tokens,0.80
						""");
		Cli.Result result = Cli.analyze(work, "--source", work.resolve("logs").toString(), "--from", "2026-10-01",
				"--to", "2026-10-08", "--cur", work.resolve("cur.csv").toString(), "--out",
				work.resolve("out").toString());
		assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
		this.json = Cli.readReport(work.resolve("out"));
		this.html = Files.readString(work.resolve("out/report.html"));
	}

	@Test
	void showsTheNumbersOfReportJson() {
		assertThat(usdOf("id=\"spend\"")).isEqualTo(micro(this.json.get("totals").get("cost")));
		assertThat(usdOf("id=\"savings\"")).isEqualTo(micro(this.json.get("savings").get("potentialMonthlySavings")));
		List<String> modelSpend = tableUsd("by-model");
		List<String> expected = new ArrayList<>();
		this.json.get("byModel").forEach((b) -> expected.add(micro(b.get("cost"))));
		assertThat(modelSpend).containsExactlyElementsOf(expected);
		List<String> pathSpend = tableUsd("by-path");
		List<String> expectedPaths = new ArrayList<>();
		this.json.get("byPath").forEach((b) -> expectedPaths.add(micro(b.get("cost"))));
		assertThat(pathSpend).containsExactlyElementsOf(expectedPaths);
		List<String> expectedWhatIf = new ArrayList<>();
		this.json.get("whatIf")
			.forEach((w) -> List.of("actual", "onDemand", "batch", "flex", "priority", "global").forEach((way) -> {
				if (!w.get(way).isNull()) {
					expectedWhatIf.add(micro(w.get(way)));
				}
			}));
		assertThat(tableUsd("what-if")).containsExactlyElementsOf(expectedWhatIf);
		List<String> expectedBill = new ArrayList<>();
		this.json.get("reconciliation")
			.get("byModel")
			.forEach((r) -> List.of("billedUsd", "pricedUsd", "usdDelta").forEach((field) -> {
				if (!r.get(field).isNull()) {
					expectedBill.add(micro(r.get(field)));
				}
			}));
		assertThat(tableUsd("bill-by-model")).containsExactlyElementsOf(expectedBill);
		// The days that differ: report.json's rows whose finding is not "matches",
		// largest difference first.
		List<JsonNode> differing = new ArrayList<>();
		this.json.get("reconciliation").get("rows").forEach((r) -> {
			if (!r.get("finding").asString().equals("matches")) {
				differing.add(r);
			}
		});
		differing
			.sort(Comparator.comparing((JsonNode r) -> new BigDecimal(r.get("usdDelta").asString()).abs()).reversed());
		List<String> expectedDays = new ArrayList<>();
		differing.stream().limit(30).forEach((r) -> List.of("billedUsd", "pricedUsd", "usdDelta").forEach((field) -> {
			if (!r.get(field).isNull()) {
				expectedDays.add(micro(r.get(field)));
			}
		}));
		assertThat(expectedDays).as("the unrecognised usage type differs, by day").isNotEmpty();
		assertThat(tableUsd("bill-days")).containsExactlyElementsOf(expectedDays);
	}

	@Test
	void isSelfContainedAndForbidsRemoteLoads() {
		assertThat(this.html).contains("Content-Security-Policy").contains("default-src 'none'");
		assertThat(this.html).doesNotContainPattern("<script[^>]+src=").doesNotContainPattern("<link[^>]+href=");
		assertThat(this.html).contains("echarts");
	}

	@Test
	void saysInTheHeadlineWhatIsUnpricedAndWhatToDo() {
		JsonNode coverage = this.json.get("coverage");
		// The corpus's unknown models, and the two requests of a model with markup in its
		// id.
		long unpriced = 0;
		for (JsonNode row : this.json.get("unpriced")) {
			unpriced += row.get("requests").asLong();
		}
		assertThat(coverage.get("unpricedRequests").asLong()).isEqualTo(unpriced).isGreaterThanOrEqualTo(2);
		assertThat(this.html).contains("id=\"coverage\"")
			.contains("Not priced: " + percent(coverage.get("unpricedTokensPercent")) + "% of tokens and "
					+ percent(coverage.get("unpricedRequestsPercent")) + "% of requests (" + unpriced + " requests)")
			.contains("run &#39;prices update&#39;")
			.contains("acme.&lt;b&gt;unlisted&lt;/b&gt;-v1 us-east-1 regional standard")
			.doesNotContain("<b>unlisted");
	}

	private static String percent(JsonNode value) {
		return value.decimalValue().setScale(2).toPlainString();
	}

	@Test
	void escapesHostileValuesInEveryFormat() throws Exception {
		assertThat(this.html).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
		assertThat(this.html).doesNotContain("<img src=x")
			.contains("USE1-&lt;img src=x onerror=alert(1)&gt;-input-tokens");
		assertThat(Files.readString(work.resolve("out/reconciliation.csv"))).contains("USE1-<img src=x");
		assertThat(this.html).doesNotContain("\u202E");
		String csv = Files.readString(work.resolve("out/usage.csv"));
		assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain("\u202E");
		String markdown = Files.readString(work.resolve("out/report.md"));
		assertThat(markdown).doesNotContain("<script>").contains("&lt;script&gt;");
	}

	@Test
	void drawsEveryChartInAHeadlessBrowserWithoutErrors() throws Exception {
		String chromium = HeadlessChromium.find();
		if (chromium == null) {
			System.err.println("!!! chromium is not installed: the browser check of report.html is SKIPPED !!!");
		}
		Assumptions.assumeTrue(chromium != null, "chromium is not installed");
		Path screenshot = Path.of("target", "report-screenshot.png").toAbsolutePath();
		Files.createDirectories(screenshot.getParent());
		String url = work.resolve("out/report.html").toUri().toString();
		Process dom = HeadlessChromium.start(chromium, work, "--dump-dom", url);
		String renderedDom = new String(dom.getInputStream().readAllBytes());
		String log = new String(dom.getErrorStream().readAllBytes());
		assertThat(dom.waitFor(90, TimeUnit.SECONDS)).isTrue();
		assertThat(HeadlessChromium.screenshot(chromium, work, url, screenshot, 1280, 2400)).isTrue();

		assertThat(log).as("console messages").doesNotContain(":CONSOLE(").doesNotContain("Refused to");
		for (String chart : List.of("chart-model", "chart-path", "chart-trend", "chart-tokens")) {
			assertThat(renderedDom).contains("id=\"" + chart + "\"");
			int at = renderedDom.indexOf("id=\"" + chart + "\"");
			String after = renderedDom.substring(at, Math.min(renderedDom.length(), at + 4000));
			assertThat(after).as(chart + " drew an SVG")
				.contains("data-rendered=\"true\"")
				.contains("<svg")
				.containsPattern("<path[^>]+d=\"M");
		}
		assertThat(screenshot).exists().isNotEmptyFile();
	}

	private String usdOf(String marker) {
		int at = this.html.indexOf(marker);
		assertThat(at).as(marker).isPositive();
		Matcher m = Pattern.compile("data-usd=\"([^\"]*)\"").matcher(this.html.substring(at, at + 300));
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	private List<String> tableUsd(String id) {
		int start = this.html.indexOf("id=\"" + id + "\"");
		int end = this.html.indexOf("</table>", start);
		Matcher m = Pattern.compile("data-usd=\"([^\"]*)\"").matcher(this.html.substring(start, end));
		List<String> values = new ArrayList<>();
		while (m.find()) {
			values.add(m.group(1));
		}
		return values;
	}

	private static String micro(JsonNode node) {
		return node.isNull() ? "" : new BigDecimal(node.asString()).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
	}

}
