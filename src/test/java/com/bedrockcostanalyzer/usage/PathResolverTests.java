package com.bedrockcostanalyzer.usage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathResolverTests {

	private final PathResolver resolver = new PathResolver(
			List.of("path", "feature", "application", "application_name", "app"));

	@Test
	void takesTheFirstConfiguredMetadataKeyNotTheFirstInTheRecord() {
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("application_name", "DeveloperToolsApp");
		metadata.put("feature", "sql-generator");
		assertThat(this.resolver.resolve(metadata, "arn:aws:iam::1:user/dev")).isEqualTo("sql-generator");
	}

	@Test
	void fallsBackToTheRoleOfAnAssumedRoleCaller() {
		assertThat(this.resolver.resolve(Map.of("team", "engineering"),
				"arn:aws:sts::123456789012:assumed-role/ChatBackendRole/i-0123"))
			.isEqualTo("ChatBackendRole");
	}

	@Test
	void namesAnIamUserAsUserSlashName() {
		assertThat(this.resolver.resolve(null, "arn:aws:iam::022346938362:user/endpoint-priv-ec2-cli"))
			.isEqualTo("user/endpoint-priv-ec2-cli");
	}

	@Test
	void mapsEveryCallerFormAsDocumentedAndNeverShowsAnUnknownOneVerbatim() {
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("arn:aws:sts::123456789012:assumed-role/ChatBackendRole/i-0123", "ChatBackendRole");
		expected.put("arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Dev_1a2b/alice@example.com",
				"AWSReservedSSO_Dev_1a2b");
		expected.put("arn:aws:iam::123456789012:role/service-role/EtlRole", "EtlRole");
		expected.put("arn:aws:iam::123456789012:user/division/alice@example.com", "user/alice@example.com");
		expected.put("arn:aws:sts::123456789012:federated-user/bob", "federated-user/bob");
		expected.put("arn:aws:iam::123456789012:root", "root");
		expected.put("arn:aws-cn:iam::123456789012:user/li", "user/li");
		expected.put("arn:aws:iam::<YOUR_ACCOUNT_ID>:user/<YOUR_USERNAME>", "user/<YOUR_USERNAME>");
		expected.put("bedrock.amazonaws.com", "service/bedrock.amazonaws.com");
		expected.put("<redacted>", PathResolver.UNATTRIBUTED);
		expected.put("alice@example.com", PathResolver.UNATTRIBUTED);
		expected.put("arn:aws:bedrock:us-east-1:123456789012:inference-profile/x", PathResolver.UNATTRIBUTED);
		expected.put("arn:aws:sts::123456789012:assumed-role/", PathResolver.UNATTRIBUTED);
		expected.put("arn:aws:iam::123456789012:user/", PathResolver.UNATTRIBUTED);
		expected.put("arn:aws:iam::123456789012:group/admins", PathResolver.UNATTRIBUTED);
		expected.forEach((arn, path) -> assertThat(this.resolver.resolve(null, arn)).as(arn).isEqualTo(path));
	}

	@Test
	void showsCallersNamesAsTheyAreGivenAndKeepsRootAndServicesAsTheyAre() {
		PathResolver pseudonyms = new PathResolver(List.of("path"), (name) -> "caller-" + name.length());

		assertThat(pseudonyms.resolve(null, "arn:aws:sts::123456789012:assumed-role/ChatBackendRole/s"))
			.isEqualTo("caller-15");
		assertThat(pseudonyms.resolve(null, "arn:aws:iam::123456789012:user/alice@example.com"))
			.isEqualTo("user/caller-17");
		assertThat(pseudonyms.resolve(null, "arn:aws:sts::123456789012:federated-user/bob"))
			.isEqualTo("federated-user/caller-3");
		assertThat(pseudonyms.resolve(null, "arn:aws:iam::123456789012:root")).isEqualTo("root");
		assertThat(pseudonyms.resolve(null, "bedrock.amazonaws.com")).isEqualTo("service/bedrock.amazonaws.com");
		assertThat(pseudonyms.resolve(Map.of("path", "checkout"), "arn:aws:iam::123456789012:user/alice"))
			.as("a path the application named is its own")
			.isEqualTo("checkout");
	}

	@Test
	void isUnattributedWithoutMetadataOrCaller() {
		assertThat(this.resolver.resolve(Map.of("path", "  "), null)).isEqualTo(PathResolver.UNATTRIBUTED);
	}

}
