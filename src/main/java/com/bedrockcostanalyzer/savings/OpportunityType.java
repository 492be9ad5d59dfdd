package com.bedrockcostanalyzer.savings;

/** The kinds of change the report can propose. */
public enum OpportunityType {

	BATCH, PROMPT_CACHING, MODEL_ROUTING, PROVISIONED_THROUGHPUT, RESERVED, SERVICE_TIER, GLOBAL_PROFILE, WASTE;

	/**
	 * Ways of buying the same traffic differently: only the best of them can be taken on
	 * one path.
	 */
	boolean repricesTheSameTraffic() {
		return this != PROMPT_CACHING && this != WASTE;
	}

}
