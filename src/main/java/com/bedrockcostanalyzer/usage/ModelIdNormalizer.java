package com.bedrockcostanalyzer.usage;

import java.util.List;
import java.util.Map;

/**
 * Turns the {@code modelId} of a log record (base id, inference-profile id, profile ARN, application-profile ARN) into
 * the base model id and its scope, as docs/formats.md describes.
 */
public final class ModelIdNormalizer {

	private static final List<String> GEO_PREFIXES = List.of("us-gov.", "us.", "eu.", "apac.", "jp.", "au.", "ca.");

	private static final String GLOBAL_PREFIX = "global.";

	private final Map<String, String> aliases;

	/**
	 * @param aliases application-inference-profile or prompt-router ARNs (or any other id) mapped to the model id they
	 * stand for, which may itself carry a geo/global prefix
	 */
	public ModelIdNormalizer(Map<String, String> aliases) {
		this.aliases = Map.copyOf(aliases);
	}

	public NormalizedModel normalize(String modelId) {
		String id = PathResolver.cap(modelId.trim());
		String alias = this.aliases.get(id);
		if (alias != null) {
			return normalize(alias);
		}
		if (id.startsWith("arn:")) {
			String resource = Arns.resourceOf(id);
			if (resource.startsWith("foundation-model/")) {
				id = resource.substring("foundation-model/".length());
			}
			else if (resource.startsWith("inference-profile/")) {
				id = resource.substring("inference-profile/".length());
			}
			else {
				// application-inference-profile/…, prompt-router/…, provisioned-model/…: the model is not in the id.
				return new NormalizedModel(resource, Scope.REGIONAL, false);
			}
		}
		if (id.startsWith(GLOBAL_PREFIX)) {
			return new NormalizedModel(id.substring(GLOBAL_PREFIX.length()), Scope.GLOBAL, true);
		}
		for (String prefix : GEO_PREFIXES) {
			if (id.startsWith(prefix)) {
				return new NormalizedModel(id.substring(prefix.length()), Scope.GEO, true);
			}
		}
		return new NormalizedModel(id, Scope.REGIONAL, true);
	}

}
