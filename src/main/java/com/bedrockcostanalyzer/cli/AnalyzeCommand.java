package com.bedrockcostanalyzer.cli;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.bedrockcostanalyzer.AnalyzerApplication;
import com.bedrockcostanalyzer.alerts.Notifier;
import com.bedrockcostanalyzer.job.AnalysisOutcome;
import com.bedrockcostanalyzer.job.AnalysisRequest;
import com.bedrockcostanalyzer.job.AnalysisRunner;
import com.bedrockcostanalyzer.job.RunLock;
import com.bedrockcostanalyzer.pricing.Discounts;
import com.bedrockcostanalyzer.pricing.DisplayCurrency;
import com.bedrockcostanalyzer.pricing.PriceBookException;
import com.bedrockcostanalyzer.pricing.PriceBookLoader;
import com.bedrockcostanalyzer.profiles.ApplicationProfiles;
import com.bedrockcostanalyzer.report.FocusExport;
import com.bedrockcostanalyzer.report.FocusProperties;
import com.bedrockcostanalyzer.report.ReportWriter;
import com.bedrockcostanalyzer.report.RunSummary;
import com.bedrockcostanalyzer.report.SafeText;
import com.bedrockcostanalyzer.source.AwsClientFactory;
import com.bedrockcostanalyzer.source.DistinctSources;
import com.bedrockcostanalyzer.source.InputSources;
import com.bedrockcostanalyzer.source.s3.S3Export;
import com.bedrockcostanalyzer.usage.Regions;
import com.bedrockcostanalyzer.usage.Window;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code analyze}: count the sources' usage in a window into the database and write the
 * reports.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
		description = {
				"Counts Bedrock usage from the sources into the job database and writes report.json, "
						+ "report.md and usage.csv.",
				"",
				"Files already counted for a day are not counted again: re-running regenerates the report and adds "
						+ "only what is new." },
		footer = { "",
				"Exit status: 0 done, 1 failed, 2 bad usage, 3 done but some input was rejected (see the report)." })
class AnalyzeCommand implements Callable<Integer> {

	/**
	 * {@code report}: the same options, but only the report step, from what the database
	 * already holds.
	 */
	@Command(name = "report", aliases = "recommendations", mixinStandardHelpOptions = true, sortOptions = false,
			description = {
					"Writes the reports and savings opportunities of a window again from the aggregates "
							+ "already in the job database, without reading a log: with other prices, discounts or "
							+ "thresholds, or after the report folder could not be written.",
					"", "--source names the sources whose aggregates to report on; they need not be reachable." },
			footer = { "", "Exit status: 0 done, 1 failed, 2 bad usage, 3 done but the window holds rejected input." })
	static class Report extends AnalyzeCommand {

		@Override
		boolean reportOnly() {
			return true;
		}

	}

	boolean reportOnly() {
		return false;
	}

	@Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--source", required = true, paramLabel = "SRC",
			description = "A folder (S3 log layout or loose files) or a file: invocation logs (.json, .json.gz) or a "
					+ "token-usage CSV export. Repeatable.")
	List<String> sources = new ArrayList<>();

	@ArgGroup(exclusive = true, multiplicity = "1")
	WindowOptions window;

	static class WindowOptions {

		@Option(names = "--month", paramLabel = "YYYY-MM", description = "A calendar month, UTC.")
		String month;

		@ArgGroup(exclusive = false)
		Range range;

	}

	static class Range {

		@Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, YYYY-MM-DD (UTC).")
		String from;

		@Option(names = "--to", required = true, paramLabel = "DATE",
				description = "Day after the last one, YYYY-MM-DD: the window is [from, to).")
		String to;

	}

	@Option(names = "--prices", paramLabel = "PATH",
			description = "Price book: a CSV file or a folder of them. Default: the shipped list prices.")
	String prices;

	@Option(names = "--discount", paramLabel = "[FAMILY=]PERCENT",
			description = "Private-pricing discount off list prices, overall (7) or per model-id prefix "
					+ "(anthropic=12, amazon.nova=5). Repeatable; the longest matching prefix wins.")
	List<String> discounts = new ArrayList<>();

	@Option(names = "--currency", paramLabel = "CODE",
			description = "Show spend also in this currency (ISO code), at the --fx rate.")
	String currency;

	@Option(names = "--fx", paramLabel = "RATE", description = "Units of --currency per 1 USD, e.g. 0.92.")
	BigDecimal fx;

	@Option(names = "--reprocess",
			description = "Forget what was counted from these sources for this window and count it all again.")
	boolean reprocess;

	@Option(names = "--out", paramLabel = "DIR", description = "Report folder. Default: reports/{from}_{to}/")
	Path out;

	@Option(names = "--db", paramLabel = "JDBC_URL",
			description = "Job database. Default: an H2 file under ./data/ (jdbc:h2:file:./data/bedrock-cost-analyzer).")
	String db;

	@Option(names = "--pseudonymize-callers",
			description = "Show IAM roles, users and federated users under stable pseudonyms (caller-…) in every output, "
					+ "keyed by the job database. Or usage: pseudonymize-callers: true in a job file.")
	boolean pseudonymizeCallers;

	@Option(names = "--profile-lookup", negatable = true,
			description = "Ask the Bedrock control plane what each application inference profile in the logs is "
					+ "(model, Regions, tags). Default: when a source is on AWS. Answers are kept in the job database.")
	Boolean profileLookup;

	@Option(names = "--inference-profiles", paramLabel = "FILE",
			description = "Application inference profiles as CSV (arn,model_id,tags), for runs without credentials.")
	Path inferenceProfiles;

	@Option(names = "--attribution-tags", paramLabel = "KEY", split = ",",
			description = "Profile tag keys to break spend down by (team, cost-center), in order; at most five.")
	List<String> attributionTags;

	@Option(names = "--region", paramLabel = "REGION",
			description = "Region of CSV rows that name none. Default: AWS_REGION, else us-east-1.")
	String region;

	@Mixin
	ScaleOptions scale = new ScaleOptions();

	@Mixin
	NotifyOptions notify = new NotifyOptions();

	@Option(names = "--cur", paramLabel = "FILE",
			description = "A Cost and Usage Report (legacy or CUR 2.0 / Data Exports CSV, gzip or not) to reconcile "
					+ "the window's logged usage with. Repeatable.")
	List<String> curFiles = new ArrayList<>();

	/**
	 * Set by {@code run}: the day-over-day day of a nightly job, and the jump that is
	 * flagged.
	 */
	LocalDate trendDay;

	int jumpPercent = AnalysisRequest.DEFAULT_JUMP_PERCENT;

	/**
	 * Set by {@code run}: the job file's {@code savings:} and {@code usage:} settings, as
	 * Spring arguments.
	 */
	List<String> settings = List.of();

	/** What the run's notification did, once it has run. */
	private Notifier.Delivery delivery;

	/** What the FOCUS export to S3 did: a line, and whether it failed. */
	private record Export(String line, boolean failed) {
	}

	private Export export;

	@Override
	public Integer call() throws Exception {
		Window window = window();
		return execute(window, window);
	}

	/**
	 * Counts {@code window} (unless this is the report command) and reports
	 * {@code reportWindow}, which holds it: the options become a request (or a
	 * one-sentence usage error), the request runs, the outcome is summarised.
	 */
	Integer execute(Window window, Window reportWindow) throws Exception {
		AnalysisRequest request = request(window, reportWindow);
		AnalysisOutcome outcome = run(request);
		return outcome == null ? ExitCodes.FAILED : summarise(request, outcome);
	}

	/**
	 * The options checked and resolved into a request; anything wrong is a usage error,
	 * before anything runs.
	 */
	private AnalysisRequest request(Window window, Window reportWindow) {
		InputSources inputSources = new InputSources();
		List<String> canonical = new ArrayList<>();
		for (String source : this.sources) {
			try {
				if (!reportOnly()) {
					inputSources.check(source);
				}
			}
			catch (IllegalArgumentException ex) {
				throw new ParameterException(this.spec.commandLine(), ex.getMessage());
			}
			canonical.add(inputSources.canonicalName(source));
		}
		DistinctSources.Result distinct = DistinctSources.of(canonical);
		distinct.notes().forEach((note) -> this.spec.commandLine().getOut().println("Note: " + SafeText.plain(note)));
		try {
			new PriceBookLoader().load(this.prices);
		}
		catch (PriceBookException ex) {
			throw new ParameterException(this.spec.commandLine(), "price book: " + ex.getMessage());
		}
		Discounts discountRules;
		DisplayCurrency display;
		try {
			discountRules = Discounts.parse(this.discounts);
			display = displayCurrency();
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(this.spec.commandLine(), ex.getMessage());
		}
		List<String> bills = new ArrayList<>();
		for (String file : this.curFiles) {
			Path path = Path.of(file);
			if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
				throw new ParameterException(this.spec.commandLine(), "CUR file " + file + " is not a readable file");
			}
			bills.add(path.toAbsolutePath().normalize().toString());
		}
		if (this.inferenceProfiles != null && !Files.isReadable(this.inferenceProfiles)) {
			throw new ParameterException(this.spec.commandLine(),
					"inference profiles file " + this.inferenceProfiles + " is not a readable file");
		}
		this.scale.check(this.spec.commandLine(), this.db, reportOnly());
		String region = defaultRegion();
		if (!Regions.isRegionCode(region)) {
			throw new ParameterException(this.spec.commandLine(), "'" + region + "' is not an AWS Region code");
		}
		Path outDir = (this.out != null) ? this.out : Path.of("reports", reportWindow.from() + "_" + reportWindow.to());
		checkWritable(outDir);
		return new AnalysisRequest(new ArrayList<>(distinct.sources()), window,
				this.prices == null ? "" : Path.of(this.prices).toAbsolutePath().toString(),
				outDir.toAbsolutePath().normalize(), region, discountRules, display, this.reprocess, reportWindow,
				bills, this.trendDay, this.jumpPercent);
	}

	/**
	 * Runs the request in the application; null, with the failure said on stderr, when it
	 * could not.
	 */
	private AnalysisOutcome run(AnalysisRequest request) throws Exception {
		InputSources inputSources = new InputSources();
		boolean overNetwork = !reportOnly() && request.sources().stream().anyMatch(inputSources::overNetwork);
		ConfigurableApplicationContext started;
		try {
			started = startApplication(overNetwork);
		}
		catch (RuntimeException ex) {
			this.spec.commandLine()
				.getErr()
				.println("error: cannot open the job database " + JdbcUrls.withoutSecrets(databaseUrl()) + ": "
						+ rootMessage(ex) + " (details in " + LogFile.beside(databaseUrl()) + ")");
			return null;
		}
		AnalysisOutcome outcome;
		try (ConfigurableApplicationContext context = started) {
			context.getBean(ApplicationProfiles.class).check();
			outcome = context.getBean(AnalysisRunner.class).run(request, reportOnly());
			if (outcome.completed()) {
				// After the counts and the report are kept: a delivery never undoes them.
				this.delivery = context.getBean(Notifier.class)
					.deliver(request.out().resolve(ReportWriter.HTML).toAbsolutePath().toString());
				this.export = exportFocus(context.getBean(FocusProperties.class), request);
			}
		}
		catch (RunLock.HeldElsewhereException | IllegalArgumentException ex) {
			this.spec.commandLine().getErr().println("error: " + ex.getMessage());
			return null;
		}
		if (!outcome.completed()) {
			this.spec.commandLine()
				.getErr()
				.println("error: the analysis did not finish (" + outcome.status() + ")"
						+ (outcome.failure() != null ? ": " + outcome.failure() : "")
						+ ". Run the same command again to resume: what was counted stays counted. Details in "
						+ LogFile.beside(databaseUrl()) + ".");
			return null;
		}
		return outcome;
	}

	/**
	 * The report's focus.csv to the configured S3 prefix, under its billing period: only
	 * for a window inside one month that starts on its first day (a month, or a month to
	 * date), which the object replaces.
	 */
	private static Export exportFocus(FocusProperties focus, AnalysisRequest request) {
		String prefix = focus.s3Prefix();
		if (prefix == null || prefix.isBlank()) {
			return null;
		}
		Window window = request.reportWindow();
		YearMonth month = YearMonth.from(window.from());
		if (window.from().getDayOfMonth() != 1 || window.to().isAfter(month.plusMonths(1).atDay(1))) {
			return new Export(
					"FOCUS export not written to S3: the window " + window + " is not a month or a month to date",
					false);
		}
		try {
			String written = new S3Export(new AwsClientFactory()).put(prefix,
					"billing_period=" + month + "/" + FocusExport.FILE, request.out().resolve(FocusExport.FILE));
			return new Export("FOCUS export: " + written, false);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			return new Export("FOCUS export not written: " + ex.getMessage() + "; the next run writes it", true);
		}
	}

	/** The console's summary of a finished run, and the exit status it earns. */
	private int summarise(AnalysisRequest request, AnalysisOutcome outcome) {
		var out = this.spec.commandLine().getOut();
		DisplayCurrency display = request.displayCurrency();
		out.println("Spend " + request.reportWindow() + ": $" + RunSummary.dollars(outcome.spend())
				+ (request.discounts().isEmpty() ? " at list prices" : " after discount") + (display.isUsd() ? ""
						: " (" + RunSummary.dollars(display.convert(outcome.spend())) + " " + display.code() + ")"));
		if (outcome.savings() != null) {
			out.println(outcome.savings());
		}
		if (outcome.topSaving() != null) {
			out.println("Top saving: " + outcome.topSaving());
		}
		for (String flag : outcome.flags()) {
			out.println("Flagged: " + flag);
		}
		if (outcome.coverage() != null) {
			out.println(outcome.coverage());
		}
		if (outcome.duplicates() != null) {
			out.println(outcome.duplicates());
		}
		if (outcome.bill() != null) {
			out.println(outcome.bill());
		}
		out.println("Report: " + request.out().resolve(ReportWriter.HTML) + " (also " + ReportWriter.MARKDOWN + ", "
				+ ReportWriter.JSON + ", " + ReportWriter.USAGE_CSV + ", " + ReportWriter.OPPORTUNITIES_CSV + ")");
		boolean notDelivered = false;
		if (this.delivery != null) {
			this.delivery.lines().forEach(out::println);
			notDelivered = this.delivery.failed();
		}
		if (this.export != null) {
			out.println(this.export.line());
			notDelivered |= this.export.failed();
		}
		if (notDelivered) {
			return ExitCodes.NOT_DELIVERED;
		}
		if (outcome.rejects() > 0) {
			out.println("Rejected: " + outcome.rejects()
					+ " lines or files could not be counted; the report lists where and why.");
			return ExitCodes.DONE_WITH_REJECTS;
		}
		if (outcome.coverage() != null && outcome.spend().signum() == 0) {
			// "$0.00" would read as free: nothing of the usage could be priced.
			out.println("Nothing in the window could be priced: the spend above is not the bill.");
			return ExitCodes.DONE_WITH_REJECTS;
		}
		return ExitCodes.DONE;
	}

	/**
	 * The report folder is checked before anything is counted: finding it unwritable
	 * after an hour of reading would lose the report (the counts stay in the database;
	 * {@code report} writes it again). Nothing is created here: the folder, or the
	 * nearest folder above it that exists, must be a folder this process may write in.
	 */
	private void checkWritable(Path outDir) {
		Path existing = outDir.toAbsolutePath().normalize();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		String problem = (existing == null) ? "none of the folders above it exists" : !Files.isDirectory(existing)
				? existing + " is not a folder" : !Files.isWritable(existing) ? existing + " is not writable" : null;
		if (problem != null) {
			throw new ParameterException(this.spec.commandLine(),
					"the report folder " + outDir + " cannot be written: " + problem);
		}
	}

	/**
	 * The job database actually used: --db, else Spring Boot's own setting, else the
	 * embedded default.
	 */
	private String databaseUrl() {
		if (this.db != null) {
			return this.db;
		}
		String configured = System.getProperty("spring.datasource.url", System.getenv("SPRING_DATASOURCE_URL"));
		return configured != null && !configured.isBlank() ? configured : null;
	}

	/**
	 * The innermost cause, which names what is wrong (refused connection, read-only file,
	 * locked database).
	 */
	static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		int newline = message.indexOf('\n');
		return JdbcUrls.withoutSecrets(newline < 0 ? message : message.substring(0, newline));
	}

	private ConfigurableApplicationContext startApplication(boolean overNetwork) {
		SpringApplication application = new SpringApplication(AnalyzerApplication.class);
		application.setDefaultProperties(this.scale.defaultProperties(overNetwork));
		List<String> args = new ArrayList<>(this.settings);
		args.addAll(this.scale.springArguments());
		args.addAll(this.notify.springArguments());
		if (this.db != null) {
			args.add("--spring.datasource.url=" + this.db);
		}
		if (this.pseudonymizeCallers) {
			args.add("--bca.usage.pseudonymize-callers=true");
		}
		if (this.profileLookup != null) {
			args.add("--bca.usage.inference-profiles.lookup=" + this.profileLookup);
		}
		if (this.inferenceProfiles != null) {
			args.add("--bca.usage.inference-profiles.file=" + this.inferenceProfiles.toAbsolutePath());
		}
		if (this.attributionTags != null) {
			args.add("--bca.usage.inference-profiles.attribution-tags=" + String.join(",", this.attributionTags));
		}
		args.add(LogFile.argument(databaseUrl()));
		return application.run(args.toArray(String[]::new));
	}

	private Window window() {
		try {
			if (this.window.month != null) {
				return Window.ofMonth(YearMonth.parse(this.window.month));
			}
			return new Window(LocalDate.parse(this.window.range.from), LocalDate.parse(this.window.range.to));
		}
		catch (DateTimeParseException ex) {
			throw new ParameterException(this.spec.commandLine(),
					"dates are YYYY-MM-DD and months YYYY-MM, not '" + ex.getParsedString() + "'");
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(this.spec.commandLine(), ex.getMessage());
		}
	}

	private DisplayCurrency displayCurrency() {
		if (this.currency == null && this.fx == null) {
			return DisplayCurrency.USD;
		}
		if (this.currency == null || this.fx == null) {
			throw new IllegalArgumentException("--currency and --fx go together: the rate is yours to give");
		}
		return new DisplayCurrency(this.currency, this.fx);
	}

	private String defaultRegion() {
		if (this.region != null) {
			return this.region;
		}
		for (String variable : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
			String value = System.getenv(variable);
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		return "us-east-1";
	}

}
