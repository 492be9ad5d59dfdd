package com.bedrockcostanalyzer.profiles;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.GetInferenceProfileResponse;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileModel;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;
import software.amazon.awssdk.services.bedrock.model.Tag;

import com.bedrockcostanalyzer.usage.ApplicationProfile;

/**
 * Asks the Bedrock control plane of a profile's Region what the profile is:
 * {@code ListInferenceProfiles} of type APPLICATION once a Region (one call for a
 * Region's profiles, however many the logs use), {@code GetInferenceProfile} for a
 * profile the listing lacks (another account's, or one made since), and
 * {@code ListTagsForResource} for its tags. Needs {@code bedrock:ListInferenceProfiles},
 * {@code bedrock:GetInferenceProfile} and {@code bedrock:ListTagsForResource}. One lookup
 * serves one run's readers: its listings are as fresh as the run.
 */
final class BedrockProfileLookup {

	private final Function<String, BedrockClient> clients;

	private final Clock clock;

	private final Map<String, Map<String, List<String>>> listings = new HashMap<>();

	BedrockProfileLookup(Function<String, BedrockClient> clients, Clock clock) {
		this.clients = clients;
		this.clock = clock;
	}

	/**
	 * The profile as the control plane describes it now.
	 * @throws software.amazon.awssdk.core.exception.SdkException when the control plane
	 * cannot be asked or says no
	 */
	synchronized ApplicationProfile describe(String arn, String region) {
		BedrockClient client = this.clients.apply(region);
		List<String> models = this.listings.computeIfAbsent(region, (r) -> list(client)).get(arn);
		if (models == null) {
			GetInferenceProfileResponse profile = client.getInferenceProfile((r) -> r.inferenceProfileIdentifier(arn));
			models = profile.models().stream().map(InferenceProfileModel::modelArn).toList();
		}
		Map<String, String> tags = new HashMap<>();
		for (Tag tag : client.listTagsForResource((r) -> r.resourceARN(arn)).tags()) {
			tags.put(tag.key(), tag.value());
		}
		return ApplicationProfile.of(arn, models, tags, this.clock.instant());
	}

	private static Map<String, List<String>> list(BedrockClient client) {
		Map<String, List<String>> profiles = new HashMap<>();
		for (InferenceProfileSummary summary : client
			.listInferenceProfilesPaginator((r) -> r.typeEquals(InferenceProfileType.APPLICATION))
			.inferenceProfileSummaries()) {
			profiles.put(summary.inferenceProfileArn(),
					summary.models().stream().map(InferenceProfileModel::modelArn).toList());
		}
		return profiles;
	}

}
