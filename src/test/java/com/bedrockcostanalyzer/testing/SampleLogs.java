package com.bedrockcostanalyzer.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes {@code sample-logs/}: three days of October 2026 (plus a day either side, which a {@code --month 2026-10}
 * run must leave out) in the S3 delivery layout, every operation and model-id form, a usage CSV export, and the
 * month's CUR 2.0 export ({@link SampleCur}).
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.bedrockcostanalyzer.testing.SampleLogs</pre>
 */
public final class SampleLogs {

	public static final CorpusGenerator.Options OPTIONS = new CorpusGenerator.Options(20261001L,
			LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 4), 3, false, false, true);

	private SampleLogs() {
	}

	/** The sample's CUR 2.0 export, inside the sample (a CUR among logs is noted, never counted as usage). */
	public static final String CUR = "cur/bedrock-cur-2026-10.csv";

	public static void main(String[] args) throws IOException {
		Path target = Path.of(args.length > 0 ? args[0] : "sample-logs");
		ExpectedTotals totals = write(target);
		System.out.println("wrote " + target + ": " + totals.total());
	}

	/** The logs, the usage export and the CUR. */
	public static ExpectedTotals write(Path target) throws IOException {
		CorpusGenerator generator = new CorpusGenerator(OPTIONS);
		ExpectedTotals totals = generator.write(target);
		SampleCur.write(target.resolve(CUR), generator.billable());
		return totals;
	}

}
