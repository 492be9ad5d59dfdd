package com.bedrockcostanalyzer.report;

import java.io.IOException;
import java.io.Writer;
import java.time.YearMonth;
import java.util.List;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;

import com.bedrockcostanalyzer.pricing.Discounts;
import com.bedrockcostanalyzer.pricing.DisplayCurrency;
import com.bedrockcostanalyzer.pricing.PriceBookLoader;
import com.bedrockcostanalyzer.pricing.ProvisionedBook;
import com.bedrockcostanalyzer.pricing.ReservedBook;
import com.bedrockcostanalyzer.savings.ProfileSource;
import com.bedrockcostanalyzer.savings.SavingsProperties;
import com.bedrockcostanalyzer.usage.Window;

/**
 * Builds a report of no traffic and renders each of its files to nothing, as
 * {@link ReportWriter} would write them, on Spring Boot's background pre-initialisation
 * thread while the application context starts. The report step's first use of its classes
 * — Thymeleaf's engine, the template's parsing, its expressions, the shipped price book,
 * the detectors — took about half a second of a small run, on one core at the end; here
 * it runs on the core start-up leaves idle, and the real report finds it all loaded and
 * cached. Nothing is written: the only state left behind is the template engine's cache
 * and the ECharts text. Boot makes the application wait for it before it is ready, so it
 * never runs beside the job; it skips it on a single core and ignores a failure (the
 * report step then pays as before). With a class-data-sharing archive start-up is too
 * short for it to gain anything (docs/performance.md).
 */
public final class ReportPreinitializer implements BackgroundPreinitializer {

	@Override
	public void preinitialize() throws IOException {
		ReportBuilder builder = new ReportBuilder(new PriceBookLoader().loadShipped(), "pre-initialisation",
				Discounts.NONE, DisplayCurrency.USD, SavingsProperties.defaults(), ProvisionedBook.load(null),
				ReservedBook.load(null));
		AnalysisReport report = builder.build(new ReportBuilder.Inputs(Window.ofMonth(YearMonth.of(2026, 10)),
				List.of(), List.of(), ProfileSource.of(List.of(), List.of()), List.of(), List.of(), List.of()));
		new ReportWriter().render(report, (name, content) -> content.write(Writer.nullWriter()));
	}

}
