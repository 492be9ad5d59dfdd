package com.bedrockcostanalyzer.profiles;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrock.BedrockClient;

import com.bedrockcostanalyzer.source.AwsClientFactory;
import com.bedrockcostanalyzer.usage.ApplicationProfile;
import com.bedrockcostanalyzer.usage.Arns;
import com.bedrockcostanalyzer.usage.UsageProperties;

/**
 * Resolves the application inference profiles the logs name, in this order: the profiles
 * file, what this process or the job database already knows (until it is older than
 * {@code refresh-after}), and the Bedrock control plane when lookups are on. What the
 * control plane says is kept in the job database, so later runs and runs without
 * credentials resolve the same way; when it cannot be asked, an older answer is used, and
 * without one the profile's traffic stays visible and unpriced under its own name.
 */
@Component
public class ApplicationProfiles {

	private static final Logger logger = LoggerFactory.getLogger(ApplicationProfiles.class);

	private final UsageProperties.InferenceProfiles settings;

	private final ApplicationProfileStore store;

	private final AwsClientFactory aws;

	private final Clock clock;

	private final Map<String, BedrockClient> clients = new ConcurrentHashMap<>();

	private final Map<String, ApplicationProfile> known = new ConcurrentHashMap<>();

	private volatile Map<String, ApplicationProfile> fromFile;

	@Autowired
	public ApplicationProfiles(UsageProperties usage, ApplicationProfileStore store) {
		this(usage, store, new AwsClientFactory(), Clock.systemUTC());
	}

	public ApplicationProfiles(UsageProperties usage, ApplicationProfileStore store, AwsClientFactory aws,
			Clock clock) {
		this.settings = usage.inferenceProfiles();
		this.store = store;
		this.aws = aws;
		this.clock = clock;
	}

	/**
	 * A resolver for one run's readers. It asks the control plane when {@code lookup} is
	 * on, or, when it is unset, if some source is read from AWS (credentials are then at
	 * hand).
	 */
	public Function<String, Optional<ApplicationProfile>> resolver(boolean sourcesOnAws) {
		boolean lookUp = (this.settings.lookup() != null) ? this.settings.lookup() : sourcesOnAws;
		return new Resolver(fromFile(),
				lookUp ? new BedrockProfileLookup((region) -> this.clients.computeIfAbsent(region, this.aws::bedrock),
						this.clock) : null);
	}

	/** Checks the profiles file, if one is set, before a run starts. */
	public void check() {
		fromFile();
	}

	private Map<String, ApplicationProfile> fromFile() {
		Map<String, ApplicationProfile> profiles = this.fromFile;
		if (profiles == null) {
			String file = this.settings.file();
			profiles = (file == null || file.isBlank()) ? Map.of()
					: ApplicationProfileFile.read(Path.of(file), this.clock.instant());
			this.fromFile = profiles;
		}
		return profiles;
	}

	private boolean fresh(ApplicationProfile profile) {
		Duration age = Duration.between(profile.resolvedAt(), this.clock.instant());
		return age.compareTo(this.settings.refreshAfter()) < 0;
	}

	private final class Resolver implements Function<String, Optional<ApplicationProfile>> {

		private final Map<String, ApplicationProfile> fromFile;

		private final BedrockProfileLookup lookup;

		private final Set<String> failedRegions = new HashSet<>();

		private final Set<String> failedProfiles = new HashSet<>();

		// Profiles this resolver can tell nothing of: each record of theirs would
		// otherwise ask the database again.
		private final Set<String> unknown = ConcurrentHashMap.newKeySet();

		Resolver(Map<String, ApplicationProfile> fromFile, BedrockProfileLookup lookup) {
			this.fromFile = fromFile;
			this.lookup = lookup;
		}

		@Override
		public Optional<ApplicationProfile> apply(String arn) {
			ApplicationProfile profile = this.fromFile.get(arn);
			if (profile != null) {
				return Optional.of(profile);
			}
			profile = ApplicationProfiles.this.known.get(arn);
			if (profile != null && (this.lookup == null || fresh(profile))) {
				return Optional.of(profile);
			}
			if (this.unknown.contains(arn)) {
				return Optional.empty();
			}
			Optional<ApplicationProfile> resolved = resolve(arn);
			if (resolved.isEmpty()) {
				this.unknown.add(arn);
			}
			return resolved;
		}

		private synchronized Optional<ApplicationProfile> resolve(String arn) {
			ApplicationProfile cached = ApplicationProfiles.this.known.get(arn);
			if (cached == null) {
				cached = ApplicationProfiles.this.store.find(arn).orElse(null);
			}
			if (cached != null && (this.lookup == null || fresh(cached) || this.failedProfiles.contains(arn))) {
				ApplicationProfiles.this.known.put(arn, cached);
				return Optional.of(cached);
			}
			String region = Arns.regionOf(arn);
			if (this.lookup == null || region.isEmpty() || this.failedRegions.contains(region)
					|| this.failedProfiles.contains(arn)) {
				return Optional.ofNullable(cached);
			}
			try {
				ApplicationProfile profile = this.lookup.describe(arn, region);
				ApplicationProfiles.this.store.save(profile);
				ApplicationProfiles.this.known.put(arn, profile);
				logger.info("Application inference profile {} is {} ({}), tags {}", arn, profile.model(),
						profile.scope().label(), profile.tags().keySet());
				return Optional.of(profile);
			}
			catch (SdkException | IllegalArgumentException ex) {
				boolean profileOnly = ex instanceof IllegalArgumentException
						|| ex instanceof software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
				(profileOnly ? this.failedProfiles : this.failedRegions).add(profileOnly ? arn : region);
				logger.warn("Cannot look up application inference profile {}{}: {}", arn, (cached != null)
						? " (using what was learned " + cached.resolvedAt() + ")" : " (its traffic stays unpriced)",
						ex.getMessage());
				if (cached != null) {
					ApplicationProfiles.this.known.put(arn, cached);
				}
				return Optional.ofNullable(cached);
			}
		}

	}

}
