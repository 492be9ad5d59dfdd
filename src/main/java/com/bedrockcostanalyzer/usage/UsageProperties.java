package com.bedrockcostanalyzer.usage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How records are attributed: which request-metadata keys name the application path, in
 * order, which ARNs (application inference profiles, prompt routers) stand for which
 * model, how application inference profiles are looked up, which model each
 * batch-inference job ran (its output files do not say), and whether callers' names are
 * replaced by pseudonyms.
 */
@ConfigurationProperties("bca.usage")
public record UsageProperties(@DefaultValue( {
		"path", "feature", "application", "application_name", "app" }) List<String> pathMetadataKeys,
		Map<String, String> modelAliases, @DefaultValue InferenceProfiles inferenceProfiles,
		Map<String, String> batchJobModels, boolean pseudonymizeCallers){

	public UsageProperties {
		modelAliases = (modelAliases != null) ? Map.copyOf(modelAliases) : Map.of();
		batchJobModels = (batchJobModels != null) ? Map.copyOf(batchJobModels) : Map.of();
	}

	/**
	 * Where application inference profiles are resolved from, besides
	 * {@code model-aliases}: the job database's cache, a file, and the Bedrock control
	 * plane.
	 *
	 * @param lookup ask the Bedrock control plane: true, false, or unset for "when a
	 * source is read from AWS"
	 * @param file a CSV of profiles ({@code arn,model,scope,tags}) for runs without
	 * credentials
	 * @param attributionTags the profile tag keys that become the usage's attribution, in
	 * order (at most five)
	 * @param refreshAfter how old a cached profile may be before it is looked up again
	 * (its tags may have changed)
	 */
	public record InferenceProfiles(Boolean lookup, String file, List<String> attributionTags,
			@DefaultValue("7d") Duration refreshAfter) {

		public InferenceProfiles {
			attributionTags = (attributionTags != null) ? List.copyOf(attributionTags) : List.of();
			if (attributionTags.size() > Attribution.MAX_KEYS) {
				throw new IllegalArgumentException("bca.usage.inference-profiles.attribution-tags takes at most "
						+ Attribution.MAX_KEYS + " tag keys, got " + attributionTags.size());
			}
		}

	}

	public PathResolver pathResolver(CallerPseudonyms pseudonyms) {
		return new PathResolver(this.pathMetadataKeys, pseudonyms.names(this.pseudonymizeCallers));
	}

	public ModelIdNormalizer modelIdNormalizer() {
		return new ModelIdNormalizer(this.modelAliases);
	}

	/**
	 * The normalizer that resolves application inference profiles through
	 * {@code profiles}.
	 */
	public ModelIdNormalizer modelIdNormalizer(Function<String, Optional<ApplicationProfile>> profiles) {
		return new ModelIdNormalizer(this.modelAliases, profiles, this.inferenceProfiles.attributionTags());
	}

}
