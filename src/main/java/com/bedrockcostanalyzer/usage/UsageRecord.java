package com.bedrockcostanalyzer.usage;

import java.time.LocalDate;

/**
 * One normalised invocation (or one row of a usage export, which may stand for many
 * invocations). Token counts follow Bedrock's convention: {@code inputTokens} is the
 * uncached input and the cache counts come on top of it.
 *
 * @param detail what only a single logged invocation tells (its minute, its caller, its
 * prompt prefix); null for exports and batch outputs
 */
public record UsageRecord(LocalDate day, String region, NormalizedModel model, Tier tier, String path, long requests,
		long errors, long streamingRequests, long truncatedRequests, TokenCounts tokens, InvocationDetail detail) {

	public UsageRecord(LocalDate day, String region, NormalizedModel model, Tier tier, String path, long requests,
			long errors, long streamingRequests, long truncatedRequests, TokenCounts tokens) {
		this(day, region, model, tier, path, requests, errors, streamingRequests, truncatedRequests, tokens, null);
	}

}
