package com.bedrockcostanalyzer.job;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.testing.Cli;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch-inference outputs ({jobId}/*.jsonl.out) counted as usage already on the batch
 * tier.
 */
class BatchOutputJobTests {

	@TempDir
	Path work;

	@Test
	void countsBatchOutputsOnTheBatchTierWithTheJobsConfiguredModel() throws Exception {
		Path job = Files.createDirectories(this.work.resolve("batch/job-abc123"));
		Path out = job.resolve("records.jsonl.out");
		Files.writeString(out,
				"""
						{"recordId":"R1","modelInput":{"anthropic_version":"bedrock-2023-05-31","max_tokens":100,"messages":[{"role":"user","content":"SECRET"}]},"modelOutput":{"id":"msg_1","type":"message","model":"claude-3-haiku-20240307","content":[{"type":"text","text":"x"}],"stop_reason":"end_turn","usage":{"input_tokens":1000000,"output_tokens":200000}}}
						{"recordId":"R2","modelInput":{"messages":[]},"modelOutput":{"type":"message","stop_reason":"max_tokens","usage":{"input_tokens":3000000,"output_tokens":800000}}}
						{"recordId":"R3","modelInput":{"messages":[]},"error":{"errorCode":400,"errorMessage":"bad request"}}
						{"recordId":"R4","modelInput":
						"""
					.replace("SECRET", "SECRET \\\"quoted\\\" ".repeat(40))
					.replace("\"x\"", "\"" + "x".repeat(300) + "\""));
		Files.writeString(job.resolve("manifest.json.out"),
				"{\"totalRecordCount\":4,\"processedRecordCount\":4,\"successRecordCount\":2,\"errorRecordCount\":1}");
		Files.setLastModifiedTime(out, FileTime.from(Instant.parse("2026-10-15T06:00:00Z")));
		Path titan = Files.createDirectories(this.work.resolve("batch/job-titan")).resolve("prompts.jsonl.out");
		// The example of the batch-inference documentation, as JSON.
		Files.writeString(titan,
				"""
						{ "recordId" : "3223593EFGH", "modelInput" : {"inputText": "Roses are red, violets are"}, "modelOutput" : {"inputTextTokenCount": 8, "results": [{"tokenCount": 3, "outputText": "blue\\n", "completionReason": "FINISH"}]}}
						""");
		Files.setLastModifiedTime(titan, FileTime.from(Instant.parse("2026-10-16T06:00:00Z")));
		Files.writeString(this.work.resolve("models.yaml"), """
				bca:
				  usage:
				    batch-job-models:
				      job-abc123: anthropic.claude-3-haiku-20240307-v1:0
				""");

		Cli.Result result;
		System.setProperty("spring.config.additional-location", this.work.resolve("models.yaml").toString());
		try {
			result = Cli.analyze(this.work, "--source", this.work.resolve("batch").toString(), "--month", "2026-10",
					"--region", "us-east-1", "--out", this.work.resolve("out").toString());
		}
		finally {
			System.clearProperty("spring.config.additional-location");
		}

		assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
		JsonNode report = Cli.readReport(this.work.resolve("out"));
		JsonNode haiku = row(report, "anthropic.claude-3-haiku-20240307-v1:0");
		assertThat(haiku.get("tier").asString()).isEqualTo("batch");
		assertThat(haiku.get("path").asString()).isEqualTo("batch-job/job-abc123");
		assertThat(haiku.get("requests").asLong()).isEqualTo(2);
		assertThat(haiku.get("errors").asLong()).isEqualTo(1);
		assertThat(haiku.get("truncatedRequests").asLong()).isEqualTo(1);
		// Batch: 4M x $0.125 + 1M x $0.625 = $1.125; the same tokens on demand: 4M x
		// $0.25 + 1M x $1.25 = $2.25.
		assertThat(new BigDecimal(haiku.get("cost").asString())).isEqualByComparingTo("1.125");
		assertThat(new BigDecimal(haiku.get("costByMode").get("onDemand").asString())).isEqualByComparingTo("2.25");
		JsonNode unmapped = row(report, "batch-job/job-titan");
		assertThat(unmapped.get("inputTokens").asLong()).isEqualTo(8);
		assertThat(unmapped.get("outputTokens").asLong()).isEqualTo(3);
		assertThat(unmapped.get("cost").isNull()).isTrue();
		assertThat(report.get("rejects").get("count").asLong()).isEqualTo(1);
		assertThat(report.get("sources").get(0).get("notes").toString())
			.contains("set bca.usage.batch-job-models[job-titan]");
		assertThat(Files.readString(this.work.resolve("out/report.json"))).doesNotContain("SECRET")
			.doesNotContain("Roses");
	}

	private static JsonNode row(JsonNode report, String model) {
		for (JsonNode row : report.get("usage")) {
			if (row.get("model").asString().equals(model)) {
				return row;
			}
		}
		throw new AssertionError("no usage row for " + model + " in " + report.get("usage"));
	}

}
