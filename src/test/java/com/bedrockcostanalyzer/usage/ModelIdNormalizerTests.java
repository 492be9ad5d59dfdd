package com.bedrockcostanalyzer.usage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelIdNormalizerTests {

	private final ModelIdNormalizer normalizer = new ModelIdNormalizer(
			Map.of("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123",
					"us.anthropic.claude-sonnet-4-5-20250929-v1:0"));

	@ParameterizedTest
	@CsvSource({ "anthropic.claude-3-haiku-20240307-v1:0, anthropic.claude-3-haiku-20240307-v1:0, REGIONAL",
			"us.anthropic.claude-haiku-4-5-20251001-v1:0, anthropic.claude-haiku-4-5-20251001-v1:0, GEO",
			"eu.amazon.nova-pro-v1:0, amazon.nova-pro-v1:0, GEO",
			"apac.amazon.nova-lite-v1:0, amazon.nova-lite-v1:0, GEO",
			"jp.anthropic.claude-sonnet-4-6, anthropic.claude-sonnet-4-6, GEO",
			"au.anthropic.claude-sonnet-4-6, anthropic.claude-sonnet-4-6, GEO",
			"ca.amazon.nova-micro-v1:0, amazon.nova-micro-v1:0, GEO",
			"us-gov.anthropic.claude-3-haiku-20240307-v1:0, anthropic.claude-3-haiku-20240307-v1:0, GEO",
			"global.anthropic.claude-opus-4-6-v1, anthropic.claude-opus-4-6-v1, GLOBAL",
			"arn:aws:bedrock:us-east-1:022346938362:inference-profile/global.anthropic.claude-opus-4-6-v1, anthropic.claude-opus-4-6-v1, GLOBAL",
			"arn:aws:bedrock:us-east-2:022346938362:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0, anthropic.claude-3-7-sonnet-20250219-v1:0, GEO",
			"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0, anthropic.claude-3-5-haiku-20241022-v1:0, REGIONAL" })
	void reducesEveryIdFormToTheBaseModelAndItsScope(String modelId, String model, Scope scope) {
		assertThat(this.normalizer.normalize(modelId)).isEqualTo(new NormalizedModel(model, scope, true));
	}

	@Test
	void resolvesAConfiguredApplicationProfileThroughItsMapping() {
		assertThat(this.normalizer
			.normalize("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123"))
			.isEqualTo(new NormalizedModel("anthropic.claude-sonnet-4-5-20250929-v1:0", Scope.GEO, true));
	}

	@Test
	void keepsAnUnmappedApplicationProfileVisibleAndUnmapped() {
		assertThat(
				this.normalizer.normalize("arn:aws:bedrock:us-west-2:123456789012:application-inference-profile/zz99"))
			.isEqualTo(new NormalizedModel("application-inference-profile/zz99", Scope.REGIONAL, false));
		assertThat(this.normalizer
			.normalize("arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/anthropic.claude:1")
			.mapped()).isFalse();
	}

	@Test
	void resolvesAnApplicationProfileThroughTheLookupWithTheChosenTagsInOrder() {
		String arn = "arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/team7";
		ApplicationProfile profile = ApplicationProfile.of(arn,
				List.of("arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-lite-v1:0",
						"arn:aws:bedrock:eu-central-1::foundation-model/amazon.nova-lite-v1:0"),
				Map.of("team", "ml;ops", "cost-center", "a=b", "owner", "x"), Instant.EPOCH);
		ModelIdNormalizer normalizer = new ModelIdNormalizer(Map.of(),
				(id) -> id.equals(arn) ? Optional.of(profile) : Optional.empty(), List.of("cost-center", "team"));

		assertThat(normalizer.normalize(arn))
			.isEqualTo(new NormalizedModel("amazon.nova-lite-v1:0", Scope.GEO, true, "cost-center=a:b;team=ml,ops"));
		assertThat(Attribution.tags("cost-center=a:b;team=ml,ops")).containsExactly(Map.entry("cost-center", "a:b"),
				Map.entry("team", "ml,ops"));
		assertThat(normalizer.normalize("arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/other"))
			.isEqualTo(new NormalizedModel("application-inference-profile/other", Scope.REGIONAL, false));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "arn:aws:bedrock:us-east-1::foundation-model/m-v1 | REGIONAL",
			"arn:aws:bedrock:us-east-1::foundation-model/m-v1 arn:aws:bedrock:us-west-2::foundation-model/m-v1 | GEO",
			"arn:aws:bedrock:us-east-1::foundation-model/m-v1 arn:aws:bedrock:::foundation-model/m-v1 | GLOBAL" })
	void takesAProfilesScopeFromTheRegionsOfItsModels(String modelArns, Scope scope) {
		ApplicationProfile profile = ApplicationProfile.of(
				"arn:aws:bedrock:us-east-1:1:application-inference-profile/p", List.of(modelArns.split(" ")), Map.of(),
				Instant.EPOCH);
		assertThat(profile.model()).isEqualTo("m-v1");
		assertThat(profile.scope()).isEqualTo(scope);
	}

}
