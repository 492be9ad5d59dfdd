package com.bedrockcostanalyzer.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.CorpusGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Marker strings planted in prompts, completions, system prompts and broken lines, and
 * secrets given to the process, must appear in nothing it writes: reports, CSVs, the
 * database file, and its logs at DEBUG.
 */
class NothingLeavesTests {

	private static final String AWS_SECRET = "AWS-SECRET-KEY-MARKER-7f3a";

	private static final String DB_PASSWORD = "DB-PASSWORD-MARKER-91c2";

	@TempDir
	Path work;

	@Test
	void noPromptTextNorSecretInAnyOutputOrLog() throws Exception {
		Path logs = this.work.resolve("logs");
		new CorpusGenerator(new CorpusGenerator.Options(17, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 4), 10,
				true, true, true))
			.write(logs);
		// A broken line and a batch output that carry the marker too.
		Files.writeString(logs.resolve("broken.json"),
				"{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"" + CorpusGenerator.PROMPT_MARKER
						+ "\",\"input\":{\"inputTokenCount\":\"" + CorpusGenerator.PROMPT_MARKER + "\"}\n{\""
						+ CorpusGenerator.PROMPT_MARKER + "\": 1}\n");
		Path job = Files.createDirectories(logs.resolve("batch/job-1"));
		Files.writeString(job.resolve("r.jsonl.out"), "{\"recordId\":\"1\",\"modelInput\":{\"inputText\":\""
				+ CorpusGenerator.PROMPT_MARKER
				+ "\"},\"modelOutput\":{\"inputTextTokenCount\":8,\"results\":[{\"tokenCount\":3,\"outputText\":\""
				+ CorpusGenerator.COMPLETION_MARKER + "\"}]}}\n");

		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dlogging.level.root=DEBUG",
				"-Dlogging.level.com.bedrockcostanalyzer=TRACE", "-Daws.accessKeyId=AKIAMARKER",
				"-Daws.secretAccessKey=" + AWS_SECRET, "-Dspring.datasource.password=" + DB_PASSWORD, "-cp",
				System.getProperty("java.class.path"), "com.bedrockcostanalyzer.cli.Main", "analyze", "--db",
				"jdbc:h2:file:" + this.work.resolve("db/bca").toAbsolutePath(), "--source", logs.toString(), "--from",
				"2026-10-01", "--to", "2026-10-04", "--out", this.work.resolve("out").toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.work.resolve("run.log").toFile())
			.start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		String log = Files.readString(this.work.resolve("run.log"));
		assertThat(process.exitValue()).as(log.substring(Math.max(0, log.length() - 3000))).isEqualTo(3);
		assertThat(log).contains("DEBUG");

		List<Path> written = new ArrayList<>();
		written.add(this.work.resolve("run.log"));
		try (Stream<Path> files = Files.walk(this.work.resolve("out"))) {
			files.filter(Files::isRegularFile).forEach(written::add);
		}
		try (Stream<Path> files = Files.walk(this.work.resolve("db"))) {
			files.filter(Files::isRegularFile).forEach(written::add);
		}
		assertThat(written).extracting((p) -> p.getFileName().toString())
			.contains("report.json", "report.md", "report.html", "usage.csv", "opportunities.csv", "bca.mv.db");
		for (Path file : written) {
			String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
			for (String secret : List.of(CorpusGenerator.PROMPT_MARKER, CorpusGenerator.COMPLETION_MARKER, AWS_SECRET,
					DB_PASSWORD)) {
				assertThat(content).as(file.getFileName() + " must not hold " + secret).doesNotContain(secret);
			}
		}
	}

}
