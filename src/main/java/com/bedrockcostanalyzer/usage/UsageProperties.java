package com.bedrockcostanalyzer.usage;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How records are attributed: which request-metadata keys name the application path, in order, which ARNs
 * (application inference profiles, prompt routers) stand for which model, which model each batch-inference job
 * ran (its output files do not say), and whether callers' names are replaced by pseudonyms.
 */
@ConfigurationProperties("bca.usage")
public record UsageProperties(
		@DefaultValue({ "path", "feature", "application", "application_name", "app" }) List<String> pathMetadataKeys,
		Map<String, String> modelAliases, Map<String, String> batchJobModels, boolean pseudonymizeCallers) {

	public UsageProperties {
		modelAliases = (modelAliases != null) ? Map.copyOf(modelAliases) : Map.of();
		batchJobModels = (batchJobModels != null) ? Map.copyOf(batchJobModels) : Map.of();
	}

	public PathResolver pathResolver(CallerPseudonyms pseudonyms) {
		return new PathResolver(this.pathMetadataKeys, pseudonyms.names(this.pseudonymizeCallers));
	}

	public ModelIdNormalizer modelIdNormalizer() {
		return new ModelIdNormalizer(this.modelAliases);
	}

}
