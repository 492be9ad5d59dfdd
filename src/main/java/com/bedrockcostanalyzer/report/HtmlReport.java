package com.bedrockcostanalyzer.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * The report as one self-contained HTML file: styles, data and the ECharts library
 * inlined, a Content-Security-Policy that forbids any remote load, tables that carry
 * every number (charts only add), print and phone layouts. Rendered with Thymeleaf, which
 * escapes every value; the chart data goes in as JSON with its markup characters escaped.
 */
public final class HtmlReport {

	static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TemplateEngine ENGINE = engine();

	private static @Nullable String echarts;

	private static TemplateEngine engine() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		TemplateEngine engine = new TemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

	public String render(AnalysisReport report) {
		Context context = new Context(Locale.ROOT);
		context.setVariable("r", report);
		context.setVariable("f", new Format());
		context.setVariable("chartData", safeJson(chartData(report)));
		context.setVariable("echarts", echarts());
		return ENGINE.process("report", context);
	}

	/** What the charts draw; the tables show the same numbers. */
	private static Map<String, Object> chartData(AnalysisReport report) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("byModel", report.byModel().stream().map((b) -> List.of(SafeText.plain(b.name()), b.cost())).toList());
		data.put("byPath", report.byPath().stream().map((b) -> List.of(SafeText.plain(b.name()), b.cost())).toList());
		data.put("tokens",
				report.byModel()
					.stream()
					.map((b) -> List.of(SafeText.plain(b.name()), b.inputTokens(), b.cacheReadInputTokens(),
							b.cacheWriteInputTokens(), b.outputTokens()))
					.toList());
		TreeSet<String> days = new TreeSet<>();
		report.dailySpend().forEach((d) -> days.add(d.day().toString()));
		Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
		List<String> dayList = new ArrayList<>(days);
		for (AnalysisReport.DaySpend d : report.dailySpend()) {
			List<BigDecimal> values = series.computeIfAbsent(SafeText.plain(d.model()), (m) -> {
				List<BigDecimal> zeros = new ArrayList<>();
				dayList.forEach((x) -> zeros.add(BigDecimal.ZERO));
				return zeros;
			});
			values.set(dayList.indexOf(d.day().toString()), d.cost());
		}
		data.put("days", dayList);
		data.put("trend", series);
		return data;
	}

	/** JSON that cannot close the script element it sits in, nor be read as markup. */
	static String safeJson(Object value) {
		return JSON.writeValueAsString(value)
			.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026")
			.replace("\u2028", "\\u2028")
			.replace("\u2029", "\\u2029");
	}

	private static synchronized String echarts() {
		if (echarts == null) {
			try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(ECHARTS)) {
				if (in == null) {
					throw new IllegalStateException("the ECharts library is missing from the jar: " + ECHARTS);
				}
				// The library's text must not end the script element it is inlined into.
				echarts = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return echarts;
	}

	/** Number formats for the template. */
	public static final class Format {

		public String usd(BigDecimal amount) {
			return MarkdownReport.usd(amount);
		}

		/**
		 * The exact figure, as in report.json to the micro-dollar, for machines reading
		 * the page.
		 */
		public String exact(BigDecimal amount) {
			return ReportWriter.money(amount);
		}

		public String count(long value) {
			return String.format(Locale.ROOT, "%,d", value);
		}

		public String percent(BigDecimal value) {
			return value == null ? "" : value.stripTrailingZeros().toPlainString() + "%";
		}

		public String plain(String text) {
			return SafeText.plain(text);
		}

		/** A change in percent with its sign, or "new" when there was nothing before. */
		public String change(BigDecimal percent) {
			return MarkdownReport.signed(percent);
		}

		public String amount(BigDecimal value, String currency) {
			if (value == null) {
				return "";
			}
			return MarkdownReport.twoDecimals(value) + " " + currency;
		}

		public String evidence(Map<String, Object> evidence) {
			return String.join(", ", evidence.entrySet().stream().map((e) -> e.getKey() + " " + e.getValue()).toList());
		}

	}

}
