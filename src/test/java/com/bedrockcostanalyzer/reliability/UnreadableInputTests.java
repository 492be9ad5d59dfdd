package com.bedrockcostanalyzer.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What in a log folder is not a readable regular file is listed in the report with its
 * reason, the run goes on and counts everything else (exit 3), and a later run tries it
 * again; a link to a file is followed.
 */
class UnreadableInputTests {

	@TempDir
	Path work;

	@Test
	void reportsWhatCannotBeReadCountsTheRestAndTriesItAgainNextRun() throws Exception {
		Path logs = Files.createDirectories(this.work.resolve("logs"));
		Files.writeString(logs.resolve("good.json"), records(2));
		Path elsewhere = Files.writeString(this.work.resolve("elsewhere.json"), records(1));
		Files.createSymbolicLink(logs.resolve("linked.json"), elsewhere);
		Files.createSymbolicLink(logs.resolve("gone.json"), this.work.resolve("no-such-file.json"));
		// Opening a FIFO for reading would wait for a writer forever.
		Path fifo = logs.resolve("stuck.json");
		Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
		assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(mkfifo.exitValue()).isZero();

		JsonNode first = analyze(3);

		// good.json's 2 and the linked file's 1
		assertThat(first.get("totals").get("requests").asLong()).isEqualTo(3);
		assertThat(first.get("rejects").get("count").asLong()).isEqualTo(2);
		assertThat(first.get("rejects").get("byReason").propertyNames()).containsExactlyInAnyOrder(
				"is not a regular file (a FIFO, socket or device): not read",
				"is a link to nothing (-> " + this.work.resolve("no-such-file.json") + ")");
		List<String> where = new ArrayList<>();
		first.get("rejects").get("samples").forEach((s) -> where.add(s.get("location").asString()));
		assertThat(where).anyMatch((l) -> l.contains("stuck.json")).anyMatch((l) -> l.contains("gone.json"));

		// The FIFO becomes a file of 4 records and the broken link goes: the next run
		// reads what it could not.
		Files.delete(fifo);
		Files.writeString(fifo, records(4));
		Files.delete(logs.resolve("gone.json"));

		JsonNode second = analyze(0);

		assertThat(second.get("totals").get("requests").asLong()).isEqualTo(7);
		assertThat(second.get("rejects").get("count").asLong()).isZero();
	}

	private JsonNode analyze(int exitCode) {
		Cli.Result result = Cli.analyze(this.work, "--source", this.work.resolve("logs").toString(), "--from",
				"2026-10-02", "--to", "2026-10-03", "--out", this.work.resolve("out").toString());
		assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(exitCode);
		return Cli.readReport(this.work.resolve("out"));
	}

	private static String records(int count) {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < count; i++) {
			lines.append("{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":")
				.append("\"2026-10-02T10:0")
				.append(i)
				.append(":00Z\",\"region\":\"us-east-1\",\"operation\":\"Converse\",")
				.append("\"modelId\":\"amazon.nova-pro-v1:0\",\"input\":{\"inputTokenCount\":10},")
				.append("\"output\":{\"outputTokenCount\":5}}\n");
		}
		return lines.toString();
	}

}
