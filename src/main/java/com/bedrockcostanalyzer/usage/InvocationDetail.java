package com.bedrockcostanalyzer.usage;

import java.time.Instant;

/**
 * What one logged invocation adds for the savings detectors, and never any of its text.
 * @param timestamp when it was made
 * @param humanCaller whether a person called (an IAM user or a federated session) rather than a service role
 * @param prefixFingerprint a 64-bit hash of the cacheable prefix (system prompt and tools), 0 when there is none
 * @param prefixTokens the prefix's size in tokens, estimated from its length and the record's own token counts
 * @param cacheMarked whether the request already marks a cache point
 */
public record InvocationDetail(Instant timestamp, boolean humanCaller, long prefixFingerprint, long prefixTokens,
		boolean cacheMarked) {
}
