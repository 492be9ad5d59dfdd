package com.bedrockcostanalyzer.usage;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionsTests {

	/**
	 * The shape a Region code has, as a regular expression: what the hand-written check
	 * must agree with.
	 */
	private static final Pattern CODE = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

	@Test
	void acceptsTheRegionsBedrockRunsIn() {
		for (String region : new String[] { "us-east-1", "us-west-2", "eu-central-1", "ap-southeast-4", "us-gov-west-1",
				"ap-northeast-3", "ca-west-1", "mx-central-1", "il-central-1", "me-south-1" }) {
			assertThat(Regions.isRegionCode(region)).as(region).isTrue();
		}
	}

	@Test
	void refusesWhatIsNotARegionCode() {
		for (String text : new String[] { null, "", "us-east", "us-east-", "us-east-123", "US-EAST-1", "us_east_1",
				"useast-1", "u-east-1", "us--east-1", "us-east--1", "-us-east-1", "us-east-1 ", "us-east-1a", "us-1",
				"us-east-1\n", "us-east-\u0661", "aa-" + "b".repeat(27) + "-12" }) {
			assertThat(Regions.isRegionCode(text)).as(String.valueOf(text)).isFalse();
		}
	}

	@Test
	void agreesWithTheRegularExpressionOnRandomText() {
		Random random = new Random(20261127);
		String alphabet = "aez-09A_ \u00e9";
		int accepted = 0;
		for (int round = 0; round < 200_000; round++) {
			StringBuilder text = new StringBuilder();
			// Mostly near-misses of real codes: a letter pair, runs of letters and
			// dashes, a number at the end.
			if (random.nextInt(4) > 0) {
				text.append("us-").append("east".substring(0, random.nextInt(5)));
			}
			int length = random.nextInt(36 - text.length());
			for (int i = 0; i < length; i++) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			if (random.nextBoolean()) {
				text.append('-').append(random.nextInt(120));
			}
			String candidate = text.toString();
			boolean expected = candidate.length() <= 32 && CODE.matcher(candidate).matches();
			assertThat(Regions.isRegionCode(candidate)).as(candidate).isEqualTo(expected);
			accepted += expected ? 1 : 0;
		}
		assertThat(accepted).as("codes among the random text").isGreaterThan(1_000);
	}

}
