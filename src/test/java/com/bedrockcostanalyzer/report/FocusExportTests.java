package com.bedrockcostanalyzer.report;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.LocalAws;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample month as a FOCUS 1.2 dataset, checked against the specification's own list
 * of columns (src/test/resources/focus/focus-1.2-columns.csv, read from the FOCUS_Spec
 * repository at tag v1.2): every mandatory column there, every value of its type, no null
 * where the specification forbids one, and the BilledCost adding up to the report's
 * spend.
 */
class FocusExportTests {

	private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final S3ProxyExtension S3_PROXY = LocalAws.s3Proxy();

	@TempDir
	Path work;

	private record Column(String id, String level, String type, boolean nullable) {
	}

	@Test
	void theSampleMonthIsAFocusDatasetWhoseBilledCostIsTheSpend() throws Exception {
		Path out = this.work.resolve("out");
		Cli.Result result = Cli.analyze(this.work, "--source", "sample-logs", "--month", "2026-10", "--out",
				out.toString());
		assertThat(result.exitCode()).as(result.err()).isIn(0, 3);

		List<Column> spec = spec();
		List<CSVRecord> rows;
		List<String> header;
		try (Reader in = Files.newBufferedReader(out.resolve("focus.csv"));
				CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
			header = csv.getHeaderNames();
			rows = csv.getRecords();
		}
		assertThat(rows).isNotEmpty();
		for (Column column : spec) {
			if (column.level().equals("Mandatory")) {
				assertThat(header).as("mandatory column " + column.id()).contains(column.id());
			}
		}
		List<String> known = spec.stream().map(Column::id).toList();
		for (String name : header) {
			assertThat(known.contains(name) || name.startsWith("x_")).as(name + " is FOCUS's or custom (x_)").isTrue();
		}
		BigDecimal billed = BigDecimal.ZERO;
		for (CSVRecord row : rows) {
			for (Column column : spec) {
				if (!header.contains(column.id())) {
					continue;
				}
				String value = row.get(column.id());
				if (value.isEmpty()) {
					assertThat(column.nullable()).as(column.id() + " may not be null").isTrue();
					continue;
				}
				switch (column.type()) {
					case "Decimal" -> new BigDecimal(value);
					case "Date/Time" -> assertThat(value).as(column.id()).matches(DATE_TIME);
					case "JSON" -> assertThat(JSON.readTree(value).isObject()).as(column.id()).isTrue();
					default -> assertThat(column.type()).isEqualTo("String");
				}
			}
			billed = billed.add(new BigDecimal(row.get("BilledCost")));
			assertThat(JSON.readTree(row.get("Tags")).get("bca:model").asString()).isEqualTo(row.get("x_ModelId"));
			assertThat(row.get("ChargePeriodStart")).endsWith("T00:00:00Z");
		}
		BigDecimal spend = Cli.readReport(out).get("totals").get("cost").decimalValue();
		assertThat(billed).isEqualByComparingTo(spend);
	}

	@Test
	void theNightlyJobWritesTheExportUnderItsBillingPeriod() throws Exception {
		S3Client s3 = LocalAws.s3Client(S3_PROXY.getUri());
		s3.createBucket((b) -> b.bucket("finops-exports"));
		Path job = this.work.resolve("nightly.yaml");
		Files.writeString(job, """
				job: nightly
				sources: [sample-logs]
				focus:
				  s3-prefix: s3://finops-exports/bedrock/
				  billing-account-id: "999988887777"
				""");
		Path out = this.work.resolve("night");
		Cli.Result night;
		try (LocalAws aws = LocalAws.s3(S3_PROXY.getUri())) {
			night = Cli.run("run", job.toString(), "--date", "2026-10-02", "--db",
					"jdbc:h2:file:" + this.work.resolve("db").resolve("bca").toAbsolutePath(), "--out", out.toString());
		}

		assertThat(night.exitCode()).as(night.err() + night.out()).isIn(0, 3);
		assertThat(night.out()).contains("FOCUS export: s3://finops-exports/bedrock/billing_period=2026-10/focus.csv");
		String object = s3
			.getObjectAsBytes((g) -> g.bucket("finops-exports").key("bedrock/billing_period=2026-10/focus.csv"))
			.asUtf8String();
		assertThat(object).isEqualTo(Files.readString(out.resolve("focus.csv")));
		assertThat(object).contains(",999988887777,");
	}

	private static List<Column> spec() throws Exception {
		List<Column> columns = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("src/test/resources/focus/focus-1.2-columns.csv"))) {
			if (line.startsWith("#") || line.startsWith("column_id")) {
				continue;
			}
			String[] f = line.split(",");
			columns.add(new Column(f[0], f[1], f[2], Boolean.parseBoolean(f[3])));
		}
		return columns;
	}

}
