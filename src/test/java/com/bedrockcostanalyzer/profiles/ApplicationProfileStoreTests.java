package com.bedrockcostanalyzer.profiles;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationProfileStoreTests {

	@Test
	void keepsTagsWhoseKeysAndValuesHoldTheSeparators() {
		Map<String, String> tags = Map.of("a=b", "c&d", "team", "search", "empty", "", "sp ace", "é/+@:");
		assertThat(ApplicationProfileStore.decode(ApplicationProfileStore.encode(tags))).isEqualTo(tags);
		assertThat(ApplicationProfileStore.decode(ApplicationProfileStore.encode(Map.of()))).isEmpty();
	}

}
