package com.bedrockcostanalyzer.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.bedrockcostanalyzer.usage.NormalizedModel;
import com.bedrockcostanalyzer.usage.ModelIdNormalizer;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;
import com.bedrockcostanalyzer.usage.UsageRecord;

import static org.assertj.core.api.Assertions.assertThat;

class UsageCsvReaderTests {

	private final UsageCsvReader reader = new UsageCsvReader(new ModelIdNormalizer(Map.of()), "eu-west-1");

	@Test
	void readsTheCanonicalHeader() throws IOException {
		NdjsonReaderTests.Sink sink = read(
				"""
						timestamp,model_id,path,region,requests,input_tokens,output_tokens,cache_read_input_tokens,cache_write_input_tokens
						2026-10-01,amazon.nova-pro-v1:0,search,us-east-1,40,12000000,3000000,0,0
						2026-10-02T13:45:00Z,global.anthropic.claude-sonnet-4-5-20250929-v1:0,chat,us-west-2,3,100,200,300,400
						""");

		assertThat(sink.rejects).isEmpty();
		assertThat(sink.records).containsExactly(
				new UsageRecord(LocalDate.of(2026, 10, 1), "us-east-1",
						new NormalizedModel("amazon.nova-pro-v1:0", Scope.REGIONAL, true), Tier.STANDARD, "search", 40,
						0, 0, 0, new TokenCounts(12_000_000, 3_000_000, 0, 0, 0)),
				new UsageRecord(LocalDate.of(2026, 10, 2), "us-west-2",
						new NormalizedModel("anthropic.claude-sonnet-4-5-20250929-v1:0", Scope.GLOBAL, true),
						Tier.STANDARD, "chat", 3, 0, 0, 0, new TokenCounts(100, 200, 300, 400, 0)));
		assertThat(sink.notes).singleElement()
			.asString()
			.startsWith("CSV columns understood: timestamp, model_id, path, region, requests");
	}

	@Test
	void understandsAliasesAndSaysWhichColumnsItTookAndWhichItIgnored() throws IOException {
		NdjsonReaderTests.Sink sink = read("""
				\uFEFFDate,modelId,Feature,inputTokens,outputTokens,cost_center
				2026-10-03,anthropic.claude-3-5-haiku-20241022-v1:0,drafts,10,20,CC-1
				""");

		assertThat(sink.rejects).isEmpty();
		UsageRecord record = sink.records.get(0);
		assertThat(record.requests()).as("no requests column: one request per row").isEqualTo(1);
		assertThat(record.region()).as("the run's region").isEqualTo("eu-west-1");
		assertThat(record.path()).isEqualTo("drafts");
		assertThat(sink.notes.get(0)).contains("Date as timestamp", "modelId as model_id", "Feature as path",
				"ignored: cost_center", "each row counts as one request", "rows are in the run's region");
	}

	@Test
	void rejectsAFileWhoseHeaderLacksTheEssentialColumns() throws IOException {
		NdjsonReaderTests.Sink sink = read("""
				2026-10-01,amazon.nova-pro-v1:0,search,us-east-1,40,12000000,3000000
				""");

		assertThat(sink.records).isEmpty();
		assertThat(sink.rejects).singleElement().asString().startsWith("line 1: CSV header has no column for");
	}

	@Test
	void rejectsBadRowsByLineAndCountsTheRest() throws IOException {
		NdjsonReaderTests.Sink sink = read("""
				date,model,requests,input_tokens,output_tokens
				2026-10-01,amazon.nova-lite-v1:0,1,10,10
				2026-10-01,amazon.nova-lite-v1:0,1,-10,10
				2026-10-01,amazon.nova-lite-v1:0,1,10
				not-a-date,amazon.nova-lite-v1:0,1,10,10
				2026-10-01,amazon.nova-lite-v1:0,1,1.5,10
				2026-10-02,amazon.nova-lite-v1:0,2,20,20
				""");

		assertThat(sink.records).hasSize(2);
		assertThat(sink.rejects).containsExactly("line 3: input_tokens is not a whole number of zero or more",
				"line 4: row has 4 fields, the header has 5",
				"line 5: timestamp is not a date or an ISO-8601 date-time",
				"line 6: input_tokens is not a whole number of zero or more");
	}

	@Test
	void leavesACurExportUncounted() throws IOException {
		NdjsonReaderTests.Sink sink = read("""
				identity/LineItemId,lineItem/UsageType,lineItem/UsageAmount
				abc,USE1-NovaPro-input-tokens,12.5
				""");

		assertThat(sink.records).isEmpty();
		assertThat(sink.rejects).isEmpty();
		assertThat(sink.notes).singleElement().asString().contains("CUR");
	}

	@Test
	void rejectsTheRowOfAHugeCellAndCountsTheRowsAroundIt() throws IOException {
		String header = "timestamp,model_id,path,input_tokens,output_tokens\n";
		String before = "2026-10-01,amazon.nova-lite-v1:0,a,100,10\n";
		String after = "2026-10-01,amazon.nova-lite-v1:0,c,300,30\n2026-10-01,amazon.nova-lite-v1:0,\"d,\"\"e\"\"\",400,40\n";
		// 315 MB of one quoted path (the pattern whole each time), with quotes, commas
		// and line breaks inside, made as it is read: never in memory.
		long hugeBytes = 9L * 35_000_000;
		InputStream csv = new SequenceInputStream(Collections.enumeration(
				List.of(new ByteArrayInputStream((header + before + "2026-10-01,amazon.nova-lite-v1:0,\"").getBytes()),
						new RepeatingStream("ab\"\",\ncd ".getBytes(StandardCharsets.US_ASCII), hugeBytes),
						new ByteArrayInputStream(("\",200,20\n" + after).getBytes()))));
		NdjsonReaderTests.Sink sink = new NdjsonReaderTests.Sink();

		this.reader.read(csv, sink);

		assertThat(sink.records).extracting(UsageRecord::path).containsExactly("a", "c", "d,\"e\"");
		assertThat(sink.records).extracting((r) -> r.tokens().input()).containsExactly(100L, 300L, 400L);
		assertThat(sink.rejects).singleElement().asString().contains("characters or more");
	}

	@Test
	void cutsOnlyCellsAtTheLimitAndKeepsQuotingWhole() throws IOException {
		String csv = "x,\"12\"\"34\",123456,\"a\nb\",1234,\"abcd\"\"ef\"\"gh\"\n\"\"\"\"\"\"\"\"\"\",y\n";
		StringBuilder out = new StringBuilder();
		try (Reader limited = new CellLengthLimit(new StringReader(csv), 4)) {
			char[] buffer = new char[3];
			int n;
			while ((n = limited.read(buffer, 0, buffer.length)) > 0) {
				out.append(buffer, 0, n);
			}
		}
		// Quotes do not count; a cell's fifth character and after are dropped, with the
		// doubled quotes among them.
		assertThat(out.toString()).isEqualTo("x,\"12\"\"34\",1234,\"a\nb\",1234,\"abcd\"\n\"\"\"\"\"\"\"\"\"\",y\n");
	}

	/** {@code length} bytes of {@code pattern} over and over. */
	private static final class RepeatingStream extends InputStream {

		private final byte[] pattern;

		private long left;

		private int at;

		RepeatingStream(byte[] pattern, long length) {
			this.pattern = pattern;
			this.left = length;
		}

		@Override
		public int read() {
			if (this.left == 0) {
				return -1;
			}
			this.left--;
			byte b = this.pattern[this.at];
			this.at = (this.at + 1) % this.pattern.length;
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.left == 0) {
				return -1;
			}
			int n = (int) Math.min(length, this.left);
			for (int i = 0; i < n; i++) {
				buffer[offset + i] = this.pattern[this.at];
				this.at = (this.at + 1) % this.pattern.length;
			}
			this.left -= n;
			return n;
		}

	}

	private NdjsonReaderTests.Sink read(String csv) throws IOException {
		NdjsonReaderTests.Sink sink = new NdjsonReaderTests.Sink();
		this.reader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), sink);
		return sink;
	}

}
