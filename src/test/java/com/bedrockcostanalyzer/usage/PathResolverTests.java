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
				"arn:aws:sts::123456789012:assumed-role/ChatBackendRole/i-0123")).isEqualTo("ChatBackendRole");
	}

	@Test
	void namesAnIamUserAsUserSlashName() {
		assertThat(this.resolver.resolve(null, "arn:aws:iam::022346938362:user/endpoint-priv-ec2-cli"))
			.isEqualTo("user/endpoint-priv-ec2-cli");
	}

	@Test
	void usesTheResourcePartOfAnyOtherArn() {
		assertThat(this.resolver.resolve(Map.of(), "arn:aws:iam::123456789012:root")).isEqualTo("root");
	}

	@Test
	void isUnattributedWithoutMetadataOrCaller() {
		assertThat(this.resolver.resolve(Map.of("path", "  "), null)).isEqualTo(PathResolver.UNATTRIBUTED);
	}

}
