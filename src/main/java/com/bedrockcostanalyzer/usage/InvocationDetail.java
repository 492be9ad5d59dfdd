package com.bedrockcostanalyzer.usage;

import java.time.Instant;

/**
 * What one logged invocation adds for the savings detectors, and never any of its text.
 *
 * @param timestamp when it was made
 * @param humanCaller whether a person called (an IAM user or a federated session) rather
 * than a service role
 * @param prefixFingerprint a 64-bit hash of the cacheable prefix (system prompt and
 * tools), 0 when there is none
 * @param prefixTokens the prefix's size in tokens, estimated from its length and the
 * record's own token counts
 * @param cacheMarked whether the request already marks a cache point
 * @param requestId the invocation's id, by which a copy delivered twice is counted once;
 * null when the log has none
 */
public record InvocationDetail(Instant timestamp, boolean humanCaller, long prefixFingerprint, long prefixTokens,
		boolean cacheMarked, RequestId requestId) {

	/**
	 * What a failed call tells: its time and its id, for it is counted (as an error) once
	 * too.
	 */
	public static InvocationDetail ofError(Instant timestamp, RequestId requestId) {
		return new InvocationDetail(timestamp, false, 0, 0, false, requestId);
	}

}
