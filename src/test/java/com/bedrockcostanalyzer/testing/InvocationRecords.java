package com.bedrockcostanalyzer.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Invocation-log lines for tests that plant traffic by hand: one Converse or InvokeModel
 * call in us-east-1 with its path in {@code requestMetadata}, an optional system prompt
 * (the cacheable prefix), and its token counts, cache reads and writes included.
 */
public final class InvocationRecords {

	private static int counter;

	private InvocationRecords() {
	}

	/** {@code seconds} after midnight UTC of the day. */
	public static Instant at(LocalDate day, int seconds) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(seconds);
	}

	/** One logged invocation, its request id unique in the test run. */
	public static synchronized String record(Instant ts, String operation, String modelId, String arn, String path,
			String system, long input, long output, long cacheRead, long cacheWrite) {
		String question = "Question " + (counter++ % 1000);
		return "{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"" + ts
				+ "\",\"accountId\":\"111111111111\",\"identity\":{\"arn\":\"" + arn
				+ "\"},\"region\":\"us-east-1\",\"requestId\":\"r" + counter + "\",\"operation\":\"" + operation
				+ "\",\"modelId\":\"" + modelId + "\",\"requestMetadata\":{\"path\":\"" + path + "\"},"
				+ "\"input\":{\"inputContentType\":\"application/json\",\"inputBodyJson\":" + bodyJson(system, question)
				+ ",\"inputTokenCount\":" + input + ",\"cacheReadInputTokenCount\":" + cacheRead
				+ ",\"cacheWriteInputTokenCount\":" + cacheWrite + "},\"output\":{\"outputTokenCount\":" + output
				+ ",\"outputBodyJson\":{\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":" + input
				+ ",\"outputTokens\":" + output + "}}}}";
	}

	/** The request body of a record, as its byte length is measured. */
	public static String bodyJson(String system, String question) {
		return (system == null ? "{" : "{\"system\":[{\"text\":\"" + system + "\"}],")
				+ "\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"" + question + "\"}]}]}";
	}

}
