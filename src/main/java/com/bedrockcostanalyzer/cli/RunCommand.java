package com.bedrockcostanalyzer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.bedrockcostanalyzer.usage.Window;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code run jobs/NAME.yaml}: a saved job. The file says what to read, how to price it
 * and where to write; options given here replace the file's (a repeatable option given
 * here replaces the file's whole list).
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
		description = {
				"Runs a saved job definition (jobs/nightly.yaml, jobs/monthly-audit.yaml, "
						+ "jobs/recommendations.yaml). Options given here replace the file's.",
				"",
				"nightly: counts one day's new logs (default yesterday, UTC), then writes the month-to-date report "
						+ "with day-over-day and week-over-week spend, flagging jumps.",
				"monthly-audit: recounts a month (default last month) and reconciles it with the CUR when given.",
				"recommendations: writes the reports and opportunities again from the stored aggregates, "
						+ "reading no log." },
		footer = { "",
				"Exit status: 0 done, 1 failed, 2 bad usage, 3 done but some input was rejected (see the report)." })
class RunCommand implements Callable<Integer> {

	@Spec
	CommandLine.Model.CommandSpec spec;

	@Parameters(index = "0", paramLabel = "JOB_FILE", description = "The job definition (YAML).")
	Path file;

	@Option(names = "--date", paramLabel = "YYYY-MM-DD",
			description = "nightly: the day to count (default yesterday, UTC); catches up a missed night.")
	String date;

	@Option(names = "--month", paramLabel = "YYYY-MM", description = "monthly-audit, recommendations: the month.")
	String month;

	@Option(names = "--from", paramLabel = "DATE", description = "recommendations: first day, YYYY-MM-DD.")
	String from;

	@Option(names = "--to", paramLabel = "DATE", description = "recommendations: the day after the last one.")
	String to;

	@Option(names = "--source", paramLabel = "SRC", description = "Replaces the file's sources. Repeatable.")
	List<String> sources;

	@Option(names = "--prices", paramLabel = "PATH", description = "Replaces the file's price book.")
	String prices;

	@Option(names = "--discount", paramLabel = "[FAMILY=]PERCENT", description = "Replaces the file's discounts.")
	List<String> discounts;

	@Option(names = "--cur", paramLabel = "FILE", description = "Replaces the file's CUR files (monthly-audit).")
	List<String> cur;

	@Option(names = "--reprocess", description = "Forget what was counted in the window and count it again.")
	boolean reprocess;

	@Option(names = "--jump-percent", paramLabel = "N",
			description = "nightly: flag a path's or model's daily spend rising by N%% or more (default 40).")
	Integer jumpPercent;

	@Mixin
	ScaleOptions scale = new ScaleOptions();

	@Mixin
	NotifyOptions notify = new NotifyOptions();

	@Option(names = "--out", paramLabel = "DIR", description = "Replaces the file's report folder.")
	String out;

	@Option(names = "--db", paramLabel = "JDBC_URL", description = "Replaces the file's job database.")
	String db;

	@Option(names = "--region", paramLabel = "REGION", description = "Replaces the file's default Region.")
	String region;

	/** Today, UTC; the tests pin days with --date and --month instead. */
	private final Clock clock = Clock.systemUTC();

	@Override
	public Integer call() throws Exception {
		JobFile job;
		try {
			job = JobFile.read(this.file);
		}
		catch (IllegalArgumentException | IOException ex) {
			throw new ParameterException(this.spec.commandLine(), ex.getMessage());
		}
		AnalyzeCommand command = job.job().equals("recommendations") ? new AnalyzeCommand.Report()
				: new AnalyzeCommand();
		command.spec = this.spec;
		command.sources = new ArrayList<>(this.sources != null ? this.sources : job.sources());
		if (command.sources.isEmpty()) {
			throw new ParameterException(this.spec.commandLine(),
					"the job has no sources: give 'sources:' in " + this.file + " or --source");
		}
		command.prices = first(this.prices, blankToNull(job.prices()));
		command.discounts = new ArrayList<>(this.discounts != null ? this.discounts : job.discounts());
		command.curFiles = new ArrayList<>(this.cur != null ? this.cur : job.cur());
		command.currency = job.currency();
		command.fx = job.fx();
		command.region = first(this.region, blankToNull(job.region()));
		command.db = first(this.db, blankToNull(job.db()));
		command.reprocess = this.reprocess || job.reprocess();
		command.settings = job.settingsAsArguments();
		command.scale = this.scale;
		command.notify = this.notify;
		command.jumpPercent = this.jumpPercent != null ? this.jumpPercent
				: job.jumpPercent() != null ? job.jumpPercent() : command.jumpPercent;
		if (command.jumpPercent < 1) {
			throw new ParameterException(this.spec.commandLine(), "the jump to flag must be 1 percent or more");
		}
		Window counted;
		Window reported;
		try {
			LocalDate today = LocalDate.now(this.clock);
			switch (job.job()) {
				case "nightly" -> {
					rejectOptions("nightly", "--month", this.month, "--from", this.from, "--to", this.to);
					Window day = this.date != null ? WindowRule.resolve(this.date, today)
							: WindowRule.resolve(first(job.window(), "yesterday"), today);
					if (!day.to().equals(day.from().plusDays(1))) {
						throw new IllegalArgumentException("a nightly job counts one day; its window is " + day);
					}
					counted = day;
					reported = new Window(day.from().withDayOfMonth(1), day.to());
					command.trendDay = day.from();
				}
				case "monthly-audit" -> {
					rejectOptions("monthly-audit", "--date", this.date, "--from", this.from, "--to", this.to);
					counted = this.month != null ? Window.ofMonth(YearMonth.parse(this.month))
							: WindowRule.resolve(first(job.window(), "last-month"), today);
					reported = counted;
				}
				default -> {
					rejectOptions("recommendations", "--date", this.date);
					if (this.month != null) {
						counted = Window.ofMonth(YearMonth.parse(this.month));
					}
					else if (this.from != null || this.to != null) {
						if (this.from == null || this.to == null) {
							throw new IllegalArgumentException("--from and --to go together");
						}
						counted = new Window(LocalDate.parse(this.from), LocalDate.parse(this.to));
					}
					else {
						counted = WindowRule.resolve(first(job.window(), "last-30-days"), today);
					}
					reported = counted;
				}
			}
		}
		catch (DateTimeParseException ex) {
			throw new ParameterException(this.spec.commandLine(),
					"dates are YYYY-MM-DD and months YYYY-MM, not '" + ex.getParsedString() + "'");
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(this.spec.commandLine(), ex.getMessage());
		}
		String folder = first(this.out, blankToNull(job.out()));
		if (folder != null) {
			command.out = Path.of(folder.replace("{from}", reported.from().toString())
				.replace("{to}", reported.to().toString())
				.replace("{month}", YearMonth.from(reported.from()).toString()));
		}
		this.spec.commandLine()
			.getOut()
			.println(job.job() + ": " + (job.job().equals("recommendations") ? "reporting " + reported
					: "counting " + counted + (reported.equals(counted) ? "" : ", reporting " + reported)));
		return command.execute(counted, reported);
	}

	private static void rejectOptions(String job, String... namesAndValues) {
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] != null) {
				throw new IllegalArgumentException(namesAndValues[i] + " does not apply to a " + job + " job");
			}
		}
	}

	private static String first(String preferred, String fallback) {
		return preferred != null ? preferred : fallback;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
