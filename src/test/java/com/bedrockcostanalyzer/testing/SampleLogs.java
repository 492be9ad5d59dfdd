package com.bedrockcostanalyzer.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes {@code sample-logs/}: a month of one application's traffic
 * ({@link SampleApplication}, about $3,900 with three savings to find), three days of
 * October 2026 (plus a day either side, which a {@code --month 2026-10} run must leave
 * out) in the S3 delivery layout, every operation and model-id form, a usage CSV export,
 * and the month's CUR 2.0 export ({@link SampleCur}); and in {@code pipelines/} two days
 * of November 2026 as pipelines deliver logs — a CloudWatch Logs export, Firehose
 * objects, Logs Insights exports — which an October run leaves out.
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.bedrockcostanalyzer.testing.SampleLogs</pre>
 */
public final class SampleLogs {

	public static final CorpusGenerator.Options OPTIONS = new CorpusGenerator.Options(20261001L,
			LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 4), 3, false, false, true);

	private SampleLogs() {
	}

	/**
	 * The sample's CUR 2.0 export, inside the sample (a CUR among logs is noted, never
	 * counted as usage).
	 */
	public static final String CUR = "cur/bedrock-cur-2026-10.csv";

	public static void main(String[] args) throws IOException {
		Path target = Path.of(args.length > 0 ? args[0] : "sample-logs");
		ExpectedTotals totals = write(target);
		System.out.println("wrote " + target + ": " + totals.total());
	}

	/** The November invocations of {@code pipelines/}: none of October's. */
	public static final CorpusGenerator.Options PIPELINES = new CorpusGenerator.Options(20261102L,
			LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 4), 2, false, false, false);

	/** The logs, the usage export and the CUR. */
	public static ExpectedTotals write(Path target) throws IOException {
		CorpusGenerator generator = new CorpusGenerator(OPTIONS);
		ExpectedTotals totals = generator.write(target);
		new SampleApplication(totals, generator.billable()).write(target);
		SampleCur.write(target.resolve(CUR), generator.billable());
		writePipelines(target.resolve("pipelines"));
		return totals;
	}

	/**
	 * {@code pipelines/}: each layout holds a third of the November records; together
	 * they are the totals.
	 */
	public static ExpectedTotals writePipelines(Path pipelines) throws IOException {
		Path corpus = Files.createTempDirectory("sample-pipelines");
		try {
			ExpectedTotals totals = new CorpusGenerator(PIPELINES).write(corpus);
			List<String> records = DeliveredLayouts.records(corpus);
			int third = records.size() / 3;
			DeliveredLayouts.writeExport(records.subList(0, third),
					pipelines.resolve("cloudwatch-export/5e1a2b3c-export-task/aws/bedrock/modelinvocations"));
			DeliveredLayouts.writeFirehose(records.subList(third, 2 * third),
					pipelines.resolve("firehose/2026/11/02/10"));
			DeliveredLayouts.writeInsightsJson(records.subList(2 * third, records.size()),
					pipelines.resolve("logs-insights/logs-insights-results.json"));
			return totals;
		}
		finally {
			try (Stream<Path> walk = Files.walk(corpus)) {
				for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

}
