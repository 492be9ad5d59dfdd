package com.bedrockcostanalyzer.usage;

/**
 * A model id reduced to the base id AWS prices, plus the routing scope taken from its
 * inference-profile prefix. {@code mapped} is false for ARNs that could not be resolved
 * to a model (application profiles, prompt routers without a configured mapping): they
 * stay visible under their own name and are never priced. {@code attribution} holds the
 * chosen tags of the application inference profile the call went through
 * ({@link Attribution}), empty otherwise.
 */
public record NormalizedModel(String model, Scope scope, boolean mapped, String attribution) {

	public NormalizedModel(String model, Scope scope, boolean mapped) {
		this(model, scope, mapped, Attribution.NONE);
	}

}
