package com.bedrockcostanalyzer.job;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import com.bedrockcostanalyzer.pricing.Discounts;
import com.bedrockcostanalyzer.pricing.DisplayCurrency;
import com.bedrockcostanalyzer.usage.Window;

/**
 * What one analysis run is asked to do. Sources and window identify the run; where prices
 * come from and where the report goes do not, so the same counting can be reported again
 * with other prices.
 *
 * @param prices a price-book file or folder, or empty for the shipped book
 * @param discounts private-pricing discounts applied to list prices in the report
 * @param displayCurrency the currency the human reports convert to
 * @param reprocess whether to forget what was counted for the window and count it again
 * @param reportWindow the window the report covers: the counted window, or more (the
 * nightly job counts a day and reports the month to date)
 * @param curFiles Cost and Usage Report files to reconcile the report's window with;
 * empty for none
 * @param trendDay the day whose spend is set against the day and the week before, with
 * jumps flagged; null for none
 * @param jumpPercent a path's or model's daily spend rising by this much over the day
 * before is flagged
 */
public record AnalysisRequest(List<String> sources, Window window, String prices, Path out, String defaultRegion,
		Discounts discounts, DisplayCurrency displayCurrency, boolean reprocess, Window reportWindow,
		List<String> curFiles, LocalDate trendDay, int jumpPercent) {

	/** Jumps past +40% a day are flagged unless the job says otherwise. */
	public static final int DEFAULT_JUMP_PERCENT = 40;

	static final String SOURCES = "sources";

	static final String FROM = "from";

	static final String TO = "to";

	static final String PRICES = "prices";

	static final String OUT = "out";

	static final String REGION = "region";

	static final String RUN = "run";

	static final String DISCOUNTS = "discounts";

	static final String CURRENCY = "currency";

	static final String FX = "fx";

	static final String REPROCESS = "reprocess";

	static final String REPORT_FROM = "reportFrom";

	static final String REPORT_TO = "reportTo";

	static final String CUR = "cur";

	static final String TREND_DAY = "trendDay";

	static final String JUMP_PERCENT = "jumpPercent";

	public AnalysisRequest {
		sources = List.copyOf(sources);
		curFiles = List.copyOf(curFiles);
		reportWindow = reportWindow == null ? window : reportWindow;
	}

	/**
	 * Counts and reports the same window, with no bill to reconcile and no day-over-day
	 * section.
	 */
	public AnalysisRequest(List<String> sources, Window window, String prices, Path out, String defaultRegion,
			Discounts discounts, DisplayCurrency displayCurrency, boolean reprocess) {
		this(sources, window, prices, out, defaultRegion, discounts, displayCurrency, reprocess, window, List.of(),
				null, DEFAULT_JUMP_PERCENT);
	}

	JobParameters toJobParameters(long run) {
		return new JobParametersBuilder().addString(SOURCES, String.join("\n", this.sources))
			.addLocalDate(FROM, this.window.from())
			.addLocalDate(TO, this.window.to())
			.addLong(RUN, run)
			.addString(PRICES, this.prices == null ? "" : this.prices, false)
			.addString(OUT, this.out.toString(), false)
			.addString(REGION, this.defaultRegion, false)
			.addString(DISCOUNTS, this.discounts.spec(), false)
			.addString(CURRENCY, this.displayCurrency.code(), false)
			.addString(FX, this.displayCurrency.ratePerUsd().toPlainString(), false)
			.addString(REPROCESS, String.valueOf(this.reprocess), false)
			.addLocalDate(REPORT_FROM, this.reportWindow.from(), false)
			.addLocalDate(REPORT_TO, this.reportWindow.to(), false)
			.addString(CUR, String.join("\n", this.curFiles), false)
			.addString(TREND_DAY, this.trendDay == null ? "" : this.trendDay.toString(), false)
			.addLong(JUMP_PERCENT, (long) this.jumpPercent, false)
			.toJobParameters();
	}

	static AnalysisRequest of(JobParameters parameters) {
		return new AnalysisRequest(Arrays.asList(parameters.getString(SOURCES).split("\n")),
				new Window(parameters.getLocalDate(FROM), parameters.getLocalDate(TO)), parameters.getString(PRICES),
				Path.of(parameters.getString(OUT)), parameters.getString(REGION),
				Discounts.parse(List.of(parameters.getString(DISCOUNTS))),
				new DisplayCurrency(parameters.getString(CURRENCY), new BigDecimal(parameters.getString(FX))),
				Boolean.parseBoolean(parameters.getString(REPROCESS)),
				new Window(parameters.getLocalDate(REPORT_FROM), parameters.getLocalDate(REPORT_TO)),
				parameters.getString(CUR).isEmpty() ? List.of() : Arrays.asList(parameters.getString(CUR).split("\n")),
				parameters.getString(TREND_DAY).isEmpty() ? null : LocalDate.parse(parameters.getString(TREND_DAY)),
				parameters.getLong(JUMP_PERCENT).intValue());
	}

}
