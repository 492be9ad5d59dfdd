package com.bedrockcostanalyzer.report;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The report step's warm-up: Boot ignores its failures, so these are the only place one
 * would show.
 */
class ReportPreinitializerTests {

	@Test
	void isListedForBootsBackgroundPreinitialization() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(BackgroundPreinitializer.class))
			.hasAtLeastOneElementOfType(ReportPreinitializer.class);
	}

	@Test
	void buildsAndRendersAReportOfNoTraffic() {
		assertThatNoException().isThrownBy(() -> new ReportPreinitializer().preinitialize());
	}

}
