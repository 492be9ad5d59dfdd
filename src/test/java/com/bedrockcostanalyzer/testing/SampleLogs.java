package com.bedrockcostanalyzer.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes {@code sample-logs/}: three days of October 2026 (plus a day either side, which a {@code --month 2026-10}
 * run must leave out) in the S3 delivery layout, every operation and model-id form, and a usage CSV export.
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.bedrockcostanalyzer.testing.SampleLogs</pre>
 */
public final class SampleLogs {

	public static final CorpusGenerator.Options OPTIONS = new CorpusGenerator.Options(20261001L,
			LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 4), 3, false, false, true);

	private SampleLogs() {
	}

	public static void main(String[] args) throws IOException {
		Path target = Path.of(args.length > 0 ? args[0] : "sample-logs");
		ExpectedTotals totals = new CorpusGenerator(OPTIONS).write(target);
		System.out.println("wrote " + target + ": " + totals.total());
	}

}
