package com.bedrockcostanalyzer.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sample-logs/} is what {@link SampleLogs} writes, so nobody edits it by hand and
 * it stays real-shaped.
 */
class SampleLogsTests {

	@TempDir
	Path work;

	@Test
	void sampleLogsAreWhatTheGeneratorWrites() throws IOException {
		Path regenerated = this.work.resolve("sample-logs");
		SampleLogs.write(regenerated);
		Path shipped = Path.of("sample-logs");

		List<String> expected = files(regenerated);
		assertThat(files(shipped)).containsExactlyElementsOf(expected);
		for (String file : expected) {
			assertThat(content(shipped.resolve(file))).as(file).isEqualTo(content(regenerated.resolve(file)));
		}
	}

	private static List<String> files(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile).map((p) -> root.relativize(p).toString()).sorted().toList();
		}
	}

	private static String content(Path file) throws IOException {
		try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
				: Files.newInputStream(file)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

}
