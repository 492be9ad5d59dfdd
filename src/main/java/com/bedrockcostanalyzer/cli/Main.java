package com.bedrockcostanalyzer.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar bedrock-cost-analyzer.jar <command>}: parses the arguments, then runs
 * the command.
 */
@Command(name = "bedrock-cost-analyzer", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "Reads Amazon Bedrock invocation logs and usage exports, prices the tokens under every mode "
				+ "and writes cost reports.",
		subcommands = { AnalyzeCommand.class, AnalyzeCommand.Report.class, RunCommand.class, WorkerCommand.class,
				PricesCommand.class, SavingsCommand.class, CommandLine.HelpCommand.class })
public class Main implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "a command is required, e.g. 'analyze'");
	}

	public static void main(String[] args) {
		System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
	}

	/**
	 * Runs a command line and returns its exit status; the tests call this instead of
	 * {@link #main}.
	 */
	public static int execute(String[] args, PrintWriter out, PrintWriter err) {
		CommandLine commandLine = new CommandLine(new Main());
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setParameterExceptionHandler((ex, arguments) -> {
			CommandLine command = ex.getCommandLine();
			command.getErr().println("error: " + ex.getMessage());
			command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
			return ExitCodes.BAD_USAGE;
		});
		commandLine.setExecutionExceptionHandler((ex, command, parseResult) -> {
			command.getErr().println("error: " + ex.getMessage());
			return ExitCodes.FAILED;
		});
		return commandLine.execute(args);
	}

}
