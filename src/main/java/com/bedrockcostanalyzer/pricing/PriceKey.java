package com.bedrockcostanalyzer.pricing;

import com.bedrockcostanalyzer.usage.Context;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;

record PriceKey(String modelId, String region, Scope scope, Tier tier, Context context) {

	static PriceKey of(PriceRow row) {
		return new PriceKey(row.modelId(), row.region(), row.scope(), row.tier(), row.context());
	}

}
