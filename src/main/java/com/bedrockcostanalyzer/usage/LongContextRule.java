package com.bedrockcostanalyzer.usage;

/**
 * Each model's long-context threshold in input tokens (0: the model has none). A record
 * of several requests (a CSV row) is judged by its mean request, the closest a sum
 * allows.
 */
@FunctionalInterface
public interface LongContextRule {

	/** No model has long-context rates. */
	LongContextRule NONE = (model) -> 0;

	long threshold(String model);

	default Context of(UsageRecord record) {
		long threshold = threshold(record.model().model());
		if (threshold <= 0 || record.requests() <= 0) {
			return Context.STANDARD;
		}
		TokenCounts tokens = record.tokens();
		long prompt = tokens.input() + tokens.cacheRead() + tokens.cacheWrite();
		return prompt > threshold * record.requests() ? Context.LONG : Context.STANDARD;
	}

}
