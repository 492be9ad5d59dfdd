package com.bedrockcostanalyzer.job;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ReprocessTests {

	@TempDir
	Path work;

	@Test
	void reportsAChangedFileInsteadOfCountingItTwiceAndRecountsItOnRequest() throws Exception {
		Path logs = Files.createDirectories(this.work.resolve("logs"));
		Path csv = logs.resolve("usage.csv");
		Files.writeString(csv, """
				timestamp,model_id,path,requests,input_tokens,output_tokens
				2026-10-02,amazon.nova-lite-v1:0,a,10,1000,100
				2026-10-20,amazon.nova-lite-v1:0,a,20,2000,200
				""");
		assertThat(analyze("first", "--month", "2026-10").exitCode()).isZero();
		// The export is regenerated with corrected figures, of the same size.
		Files.writeString(csv, """
				timestamp,model_id,path,requests,input_tokens,output_tokens
				2026-10-02,amazon.nova-lite-v1:0,a,11,1100,110
				2026-10-20,amazon.nova-lite-v1:0,a,22,2200,220
				""");
		Files.setLastModifiedTime(csv, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));

		Cli.Result unchanged = analyze("second", "--month", "2026-10");
		JsonNode second = Cli.readReport(this.work.resolve("second"));
		assertThat(unchanged.exitCode()).isEqualTo(3);
		assertThat(second.get("totals").get("requests").asLong()).isEqualTo(30);
		assertThat(second.get("rejects").get("byReason").propertyNames().iterator().next())
			.startsWith("content changed since it was counted");

		// Recount only the first ten days: the 2nd takes the new figures, the 20th keeps
		// the old ones.
		Cli.Result partial = analyze("partial", "--from", "2026-10-01", "--to", "2026-10-11", "--reprocess");
		assertThat(partial.exitCode()).as(partial.err()).isZero();
		assertThat(Cli.readReport(this.work.resolve("partial")).get("totals").get("requests").asLong()).isEqualTo(11);
		assertThat(analyze("month", "--month", "2026-10").exitCode()).isZero();
		JsonNode month = Cli.readReport(this.work.resolve("month"));
		assertThat(month.get("totals").get("requests").asLong()).isEqualTo(11 + 20);
		assertThat(month.get("totals").get("inputTokens").asLong()).isEqualTo(1100 + 2000);

		Cli.Result all = analyze("all", "--month", "2026-10", "--reprocess");
		assertThat(all.exitCode()).isZero();
		assertThat(Cli.readReport(this.work.resolve("all")).get("totals").get("requests").asLong()).isEqualTo(33);
	}

	private Cli.Result analyze(String out, String... window) {
		String[] args = new String[4 + window.length];
		args[0] = "--source";
		args[1] = this.work.resolve("logs").toString();
		args[2] = "--out";
		args[3] = this.work.resolve(out).toString();
		System.arraycopy(window, 0, args, 4, window.length);
		return Cli.analyze(this.work, args);
	}

}
