package com.bedrockcostanalyzer.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.bedrockcostanalyzer.cli.Main;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the real command line in-process and reads what it wrote. */
public final class Cli {

	public record Result(int exitCode, String out, String err) {
	}

	private Cli() {
	}

	public static Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Result(code, out.toString(), err.toString());
	}

	/** {@code analyze} with a private H2 file database under {@code work}. */
	public static Result analyze(Path work, String... args) {
		List<String> all = new ArrayList<>(
				List.of("analyze", "--db", "jdbc:h2:file:" + work.resolve("db").resolve("bca").toAbsolutePath()));
		all.addAll(List.of(args));
		return run(all.toArray(String[]::new));
	}

	public static JsonNode readReport(Path reportFolder) {
		return JsonMapper.builder().build().readTree(reportFolder.resolve("report.json").toFile());
	}

}
