package com.bedrockcostanalyzer.job;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import com.bedrockcostanalyzer.pricing.Discounts;
import com.bedrockcostanalyzer.pricing.DisplayCurrency;
import com.bedrockcostanalyzer.source.Window;

/**
 * What one analysis run is asked to do. Sources and window identify the run; where prices come from and where the
 * report goes do not, so the same counting can be reported again with other prices.
 * @param prices a price-book file or folder, or empty for the shipped book
 * @param discounts private-pricing discounts applied to list prices in the report
 * @param displayCurrency the currency the human reports convert to
 * @param reprocess whether to forget what was counted for the window and count it again
 */
public record AnalysisRequest(List<String> sources, Window window, String prices, Path out, String defaultRegion,
		Discounts discounts, DisplayCurrency displayCurrency, boolean reprocess) {

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

	public AnalysisRequest {
		sources = List.copyOf(sources);
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
			.toJobParameters();
	}

	static AnalysisRequest of(JobParameters parameters) {
		return new AnalysisRequest(Arrays.asList(parameters.getString(SOURCES).split("\n")),
				new Window(parameters.getLocalDate(FROM), parameters.getLocalDate(TO)), parameters.getString(PRICES),
				Path.of(parameters.getString(OUT)), parameters.getString(REGION),
				Discounts.parse(List.of(parameters.getString(DISCOUNTS))),
				new DisplayCurrency(parameters.getString(CURRENCY), new BigDecimal(parameters.getString(FX))),
				Boolean.parseBoolean(parameters.getString(REPROCESS)));
	}

}
