package com.bedrockcostanalyzer.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With pseudonyms on, no caller's name reaches any output, a caller keeps its pseudonym
 * from run to run on the same job database, and another database gives it another.
 */
class CallerPseudonymsTests {

	private static final List<String> CALLERS = List.of(
			"arn:aws:iam::123456789012:user/zqalice.martin@corpexample.test",
			"arn:aws:sts::123456789012:federated-user/bobcontractor",
			"arn:aws:sts::123456789012:assumed-role/ChatBackendRoleQ/i-0123456789abcdef0");

	/**
	 * Distinct enough that the report's embedded chart library cannot hold them by
	 * chance.
	 */
	private static final List<String> NAMES = List.of("zqalice", "corpexample", "bobcontractor", "ChatBackendRoleQ");

	@TempDir
	Path work;

	@Test
	void keepsCallersNamesOutOfEveryOutputUnderStablePseudonyms() throws Exception {
		Path logs = Files.createDirectories(this.work.resolve("logs"));
		// The same three callers on two days: the first day counted with the option, the
		// second by a job file.
		Files.writeString(logs.resolve("calls.json"), String.join("\n", records("2026-10-01", 1)) + "\n"
				+ String.join("\n", records("2026-10-02", 4)) + "\n");
		Path job = Files.writeString(this.work.resolve("job.yaml"),
				"job: nightly\nsources: [" + logs + "]\nusage:\n  pseudonymize-callers: true\n");

		Cli.Result first = Cli.analyze(this.work, "--source", logs.toString(), "--from", "2026-10-01", "--to",
				"2026-10-02", "--pseudonymize-callers", "--out", this.work.resolve("first").toString());
		// The nightly job counts the second day and reports the month to date: both days,
		// one pseudonym a caller.
		Cli.Result second = Cli.run("run", job.toString(), "--date", "2026-10-02", "--db",
				"jdbc:h2:file:" + this.work.resolve("db/bca").toAbsolutePath(), "--out",
				this.work.resolve("second").toString());
		Cli.Result elsewhere = Cli.analyze(this.work.resolve("other"), "--source", logs.toString(), "--from",
				"2026-10-01", "--to", "2026-10-02", "--pseudonymize-callers", "--out",
				this.work.resolve("elsewhere").toString());
		Cli.Result plain = Cli.analyze(this.work.resolve("plain"), "--source", logs.toString(), "--from", "2026-10-01",
				"--to", "2026-10-02", "--out", this.work.resolve("plain-out").toString());

		for (Cli.Result result : List.of(first, second, elsewhere, plain)) {
			assertThat(result.exitCode()).as(result.err()).isZero();
		}
		for (String out : List.of("first", "second", "elsewhere")) {
			for (Path file : files(this.work.resolve(out))) {
				String content = Files.readString(file);
				for (String name : NAMES) {
					assertThat(content).as(file + " names " + name).doesNotContainIgnoringCase(name);
				}
			}
		}
		assertThat(first.out() + second.out()).doesNotContain("zqalice").doesNotContain("ChatBackendRoleQ");
		Set<String> firstPaths = paths(this.work.resolve("first"));
		assertThat(firstPaths).hasSize(3)
			.allSatisfy((p) -> assertThat(p).matches("(user/|federated-user/)?caller-[0-9a-f]{12}"));
		assertThat(paths(this.work.resolve("second"))).isEqualTo(firstPaths);
		assertThat(paths(this.work.resolve("elsewhere"))).hasSize(3).doesNotContainAnyElementsOf(firstPaths);
		assertThat(paths(this.work.resolve("plain-out"))).containsExactlyInAnyOrder(
				"user/zqalice.martin@corpexample.test", "federated-user/bobcontractor", "ChatBackendRoleQ");
	}

	private static List<String> records(String day, int hour) {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < CALLERS.size(); i++) {
			lines.add("{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"" + day + "T0"
					+ hour + ":0" + i + ":00Z\",\"identity\":{\"arn\":\"" + CALLERS.get(i)
					+ "\"},\"region\":\"us-east-1\"," + "\"requestId\":\"" + day + "-" + i
					+ "\",\"operation\":\"Converse\","
					+ "\"modelId\":\"amazon.nova-lite-v1:0\",\"input\":{\"inputTokenCount\":100},"
					+ "\"output\":{\"outputTokenCount\":10}}");
		}
		return lines;
	}

	/** The paths of usage.csv: its rows' path column. */
	private static Set<String> paths(Path out) throws IOException {
		List<String> lines = Files.readAllLines(out.resolve("usage.csv"));
		int column = List.of(lines.get(0).split(",")).indexOf("path");
		Set<String> paths = new TreeSet<>();
		for (String line : lines.subList(1, lines.size())) {
			paths.add(line.split(",")[column]);
		}
		return paths;
	}

	private static List<Path> files(Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile).toList();
		}
	}

}
