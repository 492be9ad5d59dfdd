package com.bedrockcostanalyzer.usage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the {@code modelId} of a log record (base id, inference-profile id, profile ARN,
 * application-profile ARN) into the base model id and its scope, as docs/formats.md
 * describes.
 */
public final class ModelIdNormalizer {

	private static final List<String> GEO_PREFIXES = List.of("us-gov.", "us.", "eu.", "apac.", "jp.", "au.", "ca.");

	private static final String GLOBAL_PREFIX = "global.";

	private final Map<String, String> aliases;

	private final Function<String, Optional<ApplicationProfile>> profiles;

	private final List<String> attributionKeys;

	/**
	 * @param aliases application-inference-profile or prompt-router ARNs (or any other
	 * id) mapped to the model id they stand for, which may itself carry a geo/global
	 * prefix
	 */
	public ModelIdNormalizer(Map<String, String> aliases) {
		this(aliases, (arn) -> Optional.empty(), List.of());
	}

	/**
	 * @param profiles looks up the application inference profiles that have no alias
	 * @param attributionKeys the profile tags that become the usage's attribution, in
	 * order
	 */
	public ModelIdNormalizer(Map<String, String> aliases, Function<String, Optional<ApplicationProfile>> profiles,
			List<String> attributionKeys) {
		this.aliases = Map.copyOf(aliases);
		this.profiles = profiles;
		this.attributionKeys = List.copyOf(attributionKeys);
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
			else if (resource.startsWith("application-inference-profile/")) {
				return this.profiles.apply(id)
					.map((profile) -> new NormalizedModel(profile.model(), profile.scope(), true,
							Attribution.of(profile.tags(), this.attributionKeys)))
					.orElseGet(() -> new NormalizedModel(resource, Scope.REGIONAL, false));
			}
			else {
				// prompt-router/…, provisioned-model/…: the model is not in the id.
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
