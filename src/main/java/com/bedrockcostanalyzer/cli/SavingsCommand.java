package com.bedrockcostanalyzer.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.bedrockcostanalyzer.AnalyzerApplication;
import com.bedrockcostanalyzer.ledger.LedgerEntry;
import com.bedrockcostanalyzer.ledger.SavingsLedger;
import com.bedrockcostanalyzer.report.SafeText;
import com.bedrockcostanalyzer.usage.Window;

/**
 * The savings ledger from the command line: what was proposed and what became of it, and
 * a proposal dismissed for good by a person, with the reason.
 */
@Command(name = "savings", description = "The savings ledger: list proposals, dismiss one.",
		subcommands = { SavingsCommand.ListCommand.class, SavingsCommand.DismissCommand.class },
		mixinStandardHelpOptions = true)
public class SavingsCommand {

	abstract static class LedgerCommand implements Callable<Integer> {

		@Spec
		CommandLine.Model.CommandSpec spec;

		@Option(names = "--db", paramLabel = "JDBC_URL",
				description = "Job database. Default: an H2 file under ./data/ (or SPRING_DATASOURCE_URL).")
		String db;

		@Override
		public Integer call() {
			List<String> args = new ArrayList<>();
			if (this.db != null) {
				args.add("--spring.datasource.url=" + this.db);
			}
			String url = (this.db != null) ? this.db : System.getenv("SPRING_DATASOURCE_URL");
			args.add(LogFile.argument(url));
			SpringApplication application = new SpringApplication(AnalyzerApplication.class);
			try (ConfigurableApplicationContext context = application.run(args.toArray(String[]::new))) {
				return run(context.getBean(SavingsLedger.class));
			}
			catch (IllegalArgumentException ex) {
				this.spec.commandLine().getErr().println("error: " + ex.getMessage());
				return ExitCodes.BAD_USAGE;
			}
			catch (RuntimeException ex) {
				this.spec.commandLine()
					.getErr()
					.println("error: cannot open the job database " + JdbcUrls.withoutSecrets(url) + ": "
							+ AnalyzeCommand.rootMessage(ex) + " (details in " + LogFile.beside(url) + ")");
				return ExitCodes.FAILED;
			}
		}

		abstract int run(SavingsLedger ledger);

	}

	@Command(name = "list", description = "Every proposal in the ledger with its status and savings.",
			mixinStandardHelpOptions = true)
	static class ListCommand extends LedgerCommand {

		@Override
		int run(SavingsLedger ledger) {
			LocalDate today = LocalDate.now(ZoneOffset.UTC);
			var out = this.spec.commandLine().getOut();
			List<LedgerEntry> entries = ledger.entries(Window.ofMonth(java.time.YearMonth.from(today)));
			out.println("id  status      type                   model / path                      estimate/month  "
					+ "realized to date");
			for (LedgerEntry e : entries) {
				out.printf("%-3d %-11s %-22s %-33s %14s  %s%n", e.id(), e.status(), e.type(),
						SafeText.plain(e.model() + " / " + e.path()), "$" + e.estimateMonthlyUsd().toPlainString(),
						"$" + e.realizedToDateUsd().toPlainString()
								+ ((e.reason() != null) ? "  (" + SafeText.plain(e.reason()) + ")" : ""));
			}
			return ExitCodes.DONE;
		}

	}

	@Command(name = "dismiss", description = "Dismiss a proposal for good: it is never shown as open again.",
			mixinStandardHelpOptions = true)
	static class DismissCommand extends LedgerCommand {

		@Parameters(index = "0", paramLabel = "ID", description = "The proposal's id (savings list, report.json).")
		long id;

		@Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for the ledger.")
		String reason;

		@Override
		int run(SavingsLedger ledger) {
			if (this.reason.isBlank()) {
				throw new IllegalArgumentException("--reason says why the proposal is dismissed");
			}
			ledger.dismiss(this.id, SafeText.plain(this.reason.strip()), LocalDate.now(ZoneOffset.UTC));
			this.spec.commandLine().getOut().println("Dismissed proposal " + this.id + ".");
			return ExitCodes.DONE;
		}

	}

}
