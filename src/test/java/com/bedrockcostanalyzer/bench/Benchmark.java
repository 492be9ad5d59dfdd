package com.bedrockcostanalyzer.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.bedrockcostanalyzer.cli.Main;
import com.bedrockcostanalyzer.report.ReportWriter;
import com.bedrockcostanalyzer.source.Decompression;
import com.bedrockcostanalyzer.source.InvocationLogParser;
import com.bedrockcostanalyzer.source.NdjsonReader;
import com.bedrockcostanalyzer.source.RecordSink;
import com.bedrockcostanalyzer.usage.ModelIdNormalizer;
import com.bedrockcostanalyzer.usage.PathResolver;
import com.bedrockcostanalyzer.usage.UsageRecord;

/**
 * The benchmark: a month of realistic invocation logs (long system prompts, text delivery
 * on, every operation), then (a) inflate-only over the same files on all cores — the
 * physical limit — and (b) the full {@code analyze}, in this JVM. Prints records/s,
 * uncompressed MB/s, the ratio (b)/(a) by elapsed and by CPU time, the peak heap of (b),
 * its phases and which JIT compilers ran. Not a test: run it with
 * <pre>mvn -q -Pbenchmark test-compile exec:exec -Dbench.records=200000</pre>
 */
public final class Benchmark {

	private static final String[] MODELS = { "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
			"global.anthropic.claude-haiku-4-5-20251001-v1:0", "amazon.nova-pro-v1:0", "amazon.nova-lite-v1:0",
			"anthropic.claude-3-haiku-20240307-v1:0", "meta.llama3-3-70b-instruct-v1:0" };

	private static final String[] OPERATIONS = { "Converse", "ConverseStream", "InvokeModel",
			"InvokeModelWithResponseStream" };

	private static final String WORDS = "the customer account order invoice shipping refund policy product support "
			+ "question answer summary context document section clause payment delivery warranty escalation ";

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		int records = Integer.getInteger("bench.records", 200_000);
		// Words a streamed answer's delta holds: three by default; one as Bedrock logs
		// Anthropic's streams (a token or
		// so a delta); none for the corpus before stream events were real-shaped (one
		// event held the whole answer,
		// which keeps the old folder name).
		String streams = System.getProperty("bench.streams", "events");
		int wordsPerDelta = switch (streams) {
			case "whole" -> 0;
			case "tokens" -> 1;
			case "events" -> 3;
			default -> throw new IllegalArgumentException("bench.streams is events, tokens or whole: " + streams);
		};
		Path root = Path.of(System.getProperty("bench.dir", "target/bench"))
			.resolve("corpus-" + records + ((wordsPerDelta == 0) ? "" : "-stream-" + streams));
		LocalDate from = LocalDate.of(2026, 9, 1);
		LocalDate to = from.plusDays(30);
		if (!Files.exists(root.resolve("done"))) {
			System.out.println("generating " + records + " records in " + root + " …");
			generate(root, records, from, wordsPerDelta);
			Files.writeString(root.resolve("done"), "");
		}
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter((p) -> p.toString().endsWith(".json.gz")).toList();
		}
		long compressed = 0;
		for (Path f : files) {
			compressed += Files.size(f);
		}
		int cores = Runtime.getRuntime().availableProcessors();
		// (a) Inflating alone, with the JDK's zlib and with the analyzer's own inflater
		// (libdeflate where it is built): a first pass of each warms the JIT and the page
		// cache and checks that both give every file the same bytes; then each is timed.
		long[] jdkChecksums = inflateAll(files, cores, Benchmark::jdkGunzip, true).checksums();
		long[] ownChecksums = inflateAll(files, cores, Decompression::maybeGunzip, true).checksums();
		long differing = IntStream.range(0, files.size()).filter((i) -> jdkChecksums[i] != ownChecksums[i]).count();
		Inflated jdk = inflateAll(files, cores, Benchmark::jdkGunzip, false);
		Inflated own = inflateAll(files, cores, Decompression::maybeGunzip, false);
		// Inflating and parsing into records, nothing summed or stored: what reading
		// costs
		// before the aggregates.
		parseAll(files, cores);
		long tParse = System.nanoTime();
		long cpuParse = processCpuNanos();
		long parsed = parseAll(files, cores);
		double parseSeconds = (System.nanoTime() - tParse) / 1e9;
		double parseCpu = (processCpuNanos() - cpuParse) / 1e9;

		// (b) The full analyze, its peak heap sampled every 20 ms (per-pool peaks happen
		// at different times and cannot be added up).
		System.gc();
		AtomicLong peak = new AtomicLong();
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		Path work = Files.createTempDirectory("bca-bench");
		Instant started = Instant.now();
		long cpu1 = processCpuNanos();
		Analyzed month = analyze(root, from, to, work.resolve("month"));
		double analyzeCpu = (processCpuNanos() - cpu1) / 1e9;
		sampler.interrupt();
		long peakHeap = peak.get();
		double analyzeSeconds = month.seconds();
		double mb = own.bytes() / 1e6;
		System.out.printf("%nmachine: %d cores, %s, max heap %d MB, JIT: %s%n", cores,
				System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() / (1 << 20), jit());
		System.out.printf("corpus: %,d records in %,d files, %.1f MB gzip, %.1f MB uncompressed%n", records,
				files.size(), compressed / 1e6, mb);
		System.out.printf(
				"(a) inflate only, %d threads: JDK zlib %.2f s (%.0f MB/s, CPU %.1f s); the analyzer's"
						+ " inflater (%s) %.2f s (%.0f MB/s, CPU %.1f s); %s%n",
				cores, jdk.seconds(), mb / jdk.seconds(), jdk.cpuSeconds(), Decompression.inflater(), own.seconds(),
				mb / own.seconds(), own.cpuSeconds(),
				(differing == 0) ? "the same bytes from every file" : differing + " FILES INFLATE DIFFERENTLY");
		System.out.printf("(a2) inflate and parse into records only, %d threads: %.2f s, CPU %.1f s (%,d records)%n",
				cores, parseSeconds, parseCpu, parsed);
		System.out.printf("(b) full analyze (exit %d): %.2f s, %,.0f records/s, %.0f MB/s, CPU %.1f s%n", month.exit(),
				analyzeSeconds, records / analyzeSeconds, mb / analyzeSeconds, analyzeCpu);
		System.out.printf(
				"ratio (b)/(a): %.0f%% of the analyzer's inflater's rate (%.0f%% of its CPU rate),"
						+ " %.0f%% of the JDK's%n",
				100 * own.seconds() / analyzeSeconds, 100 * own.cpuSeconds() / analyzeCpu,
				100 * jdk.seconds() / analyzeSeconds);
		System.out.printf("peak heap used during (b), garbage included: %d MiB (limit %d MiB)%n", peakHeap >> 20,
				Runtime.getRuntime().maxMemory() / (1 << 20));
		printPhases("jdbc:h2:file:" + work.resolve("month/db/bca"), started, analyzeSeconds, mb);
		Duck duck = duckDb(root, null);
		if (duck != null) {
			System.out.printf(
					"(c) DuckDB %s read_json + GROUP BY: %.2f s, %,.0f records/s; %d groups, %,d requests,"
							+ " output tokens %s the analyzer's%n",
					duck.version(), duck.seconds(), records / duck.seconds(), duck.groups(), duck.requests(),
					(duck.outputTokens() == month.outputTokens()) ? "equal to" : "DIFFERENT from");
			System.out.printf("ratio (b)/(c): %.2f%n", analyzeSeconds / duck.seconds());
			Duck minutes = duckDb(root, null, true);
			System.out.printf(
					"(c2) DuckDB grouping by the minute as well: %.2f s, %,d groups, output tokens %s the"
							+ " analyzer's; ratio (b)/(c2): %.2f%n",
					minutes.seconds(), minutes.groups(),
					(minutes.outputTokens() == month.outputTokens()) ? "equal to" : "DIFFERENT from",
					analyzeSeconds / minutes.seconds());
		}

		// (d) One day of the same logs, as a nightly run reads it: in this JVM, for the
		// cost of a record beyond a run's fixed part, and as a process of its own.
		LocalDate day = from.plusDays(14);
		Analyzed oneDay = analyze(root, day, day.plusDays(1), work.resolve("day"));
		long beyond = records - oneDay.requests();
		double perRecord = (analyzeSeconds - oneDay.seconds()) / beyond * 1e6;
		System.out.printf("(d) one day (%s, %,d records), in this JVM: %.2f s; a record beyond it costs %.1f µs%n", day,
				oneDay.requests(), oneDay.seconds(), perRecord);
		Duck duckDay = duck == null ? null : duckDb(root, day);
		if (duckDay != null) {
			double duckPerRecord = (duck.seconds() - duckDay.seconds()) / (records - duckDay.requests()) * 1e6;
			System.out.printf(
					"    DuckDB over that day: %.2f s; a record beyond it costs %.1f µs;"
							+ " marginal ratio analyze/DuckDB %.2f%n",
					duckDay.seconds(), duckPerRecord, perRecord / duckPerRecord);
		}
		wholeProcess(root, day, work.resolve("process"), oneDay.requests());
	}

	private static InputStream jdkGunzip(InputStream in) throws IOException {
		return new GZIPInputStream(in, 64 * 1024);
	}

	/**
	 * Inflated bytes, wall and CPU seconds, and each file's CRC-32 in order (0s when not
	 * asked for).
	 */
	private record Inflated(long bytes, double seconds, double cpuSeconds, long[] checksums) {
	}

	private record Analyzed(int exit, double seconds, long requests, long outputTokens) {
	}

	private record Duck(String version, double seconds, long groups, long requests, long outputTokens) {
	}

	private static Analyzed analyze(Path root, LocalDate from, LocalDate to, Path work) throws Exception {
		long t = System.nanoTime();
		int exit = Main.execute(
				new String[] { "analyze", "--db", "jdbc:h2:file:" + work.resolve("db/bca"), "--source", root.toString(),
						"--from", from.toString(), "--to", to.toString(), "--out", work.resolve("out").toString() },
				new PrintWriter(System.out, true), new PrintWriter(System.err, true));
		double seconds = (System.nanoTime() - t) / 1e9;
		var totals = ReportWriter.mapper().readTree(work.resolve("out/report.json").toFile()).get("totals");
		return new Analyzed(exit, seconds, totals.get("requests").asLong(), totals.get("outputTokens").asLong());
	}

	/**
	 * A nightly run as a process of its own — JVM start, Spring, the database, listing,
	 * counting and the report — C1 only as the image runs it: plain, then with a
	 * class-data-sharing archive of the JDK's and the libraries' classes made by one
	 * training run (the image makes one the same way). Three runs each, the median.
	 */
	private static void wholeProcess(Path root, LocalDate day, Path work, long dayRecords) throws Exception {
		Path archive = work.resolve("bca.jsa");
		Files.createDirectories(work);
		String classpath = jarClasspath(work.resolve("bca.jar"));
		process(root, day, work.resolve("train"), classpath, "-XX:ArchiveClassesAtExit=" + archive);
		double[] plain = new double[3];
		double[] shared = new double[3];
		for (int i = 0; i < 3; i++) {
			plain[i] = process(root, day, work.resolve("plain" + i), classpath, "-Xshare:auto");
			shared[i] = process(root, day, work.resolve("shared" + i), classpath, "-XX:SharedArchiveFile=" + archive);
		}
		Arrays.sort(plain);
		Arrays.sort(shared);
		System.out.printf(
				"(e) one day (%,d records) as a process of its own, C1 only, median of 3: %.2f s;"
						+ " with a class-data-sharing archive %.2f s (runs %.2f–%.2f s)%n",
				dayRecords, plain[1], shared[1], shared[0], shared[2]);
	}

	/**
	 * This JVM's class path with the project's classes in a jar, as the application jar
	 * has them (an archive cannot be made from classes in a folder), and the test classes
	 * left out.
	 */
	private static String jarClasspath(Path jar) throws IOException {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
			Path path = Path.of(entry);
			if (!Files.isDirectory(path)) {
				entries.add(entry);
			}
			else if (Files.exists(path.resolve("com/bedrockcostanalyzer/cli/Main.class"))) {
				try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
						Stream<Path> walk = Files.walk(path)) {
					// Folders too: Spring finds the components and Flyway its migrations
					// by
					// them.
					for (Path file : walk.filter((f) -> !f.equals(path)).sorted().toList()) {
						String name = path.relativize(file).toString().replace('\\', '/');
						boolean folder = Files.isDirectory(file);
						out.putNextEntry(new JarEntry(folder ? name + "/" : name));
						if (!folder) {
							Files.copy(file, out);
						}
						out.closeEntry();
					}
				}
				entries.add(0, jar.toString());
			}
		}
		return String.join(java.io.File.pathSeparator, entries);
	}

	private static double process(Path root, LocalDate day, Path work, String classpath, String option)
			throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		long t = System.nanoTime();
		Process process = new ProcessBuilder(java, option, "-XX:TieredStopAtLevel=1", "-Xmx512m", "-cp", classpath,
				Main.class.getName(), "analyze", "--db", "jdbc:h2:file:" + work.resolve("db/bca"), "--source",
				root.toString(), "--from", day.toString(), "--to", day.plusDays(1).toString(), "--out",
				work.resolve("out").toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		int exit = process.waitFor();
		if (exit != 0 && exit != 3) {
			throw new IllegalStateException("the one-day run exited " + exit);
		}
		return (System.nanoTime() - t) / 1e9;
	}

	/**
	 * (c) The peer a user would pick for an ad-hoc look: DuckDB's read_json over the same
	 * files (or one day's), the same per-(model, path) totals, in this JVM (its driver is
	 * on the classpath in the benchmark profile only; without it the column is left out).
	 * Its token sums are set beside the analyzer's, so both are seen to count the same.
	 */
	private static Duck duckDb(Path root, LocalDate day) throws Exception {
		return duckDb(root, day, false);
	}

	/**
	 * As {@link #duckDb(Path, LocalDate)}; {@code perMinute} also groups by the minute,
	 * nearer the per-minute profile the analyzer keeps for its detectors.
	 */
	private static Duck duckDb(Path root, LocalDate day, boolean perMinute) throws Exception {
		Connection duck;
		try {
			duck = DriverManager.getConnection("jdbc:duckdb:");
		}
		catch (java.sql.SQLException ex) {
			System.out.println("(c) DuckDB: not on the classpath (run with -Pbenchmark)");
			return null;
		}
		String files = (day == null) ? root.toAbsolutePath() + "/**/*.json.gz"
				: root.toAbsolutePath()
						+ String.format("/AWSLogs/*/BedrockModelInvocationLogs/*/%04d/%02d/%02d/*/*.json.gz",
								day.getYear(), day.getMonthValue(), day.getDayOfMonth());
		String query = """
				SELECT modelId, requestMetadata.feature AS path, %s count(*) AS requests,
				  sum(input.inputTokenCount) AS input_tokens, sum(output.outputTokenCount) AS output_tokens
				FROM read_json('%s', format = 'newline_delimited', compression = 'gzip',
				  columns = {modelId: 'VARCHAR', requestMetadata: 'STRUCT(feature VARCHAR)', "timestamp": 'VARCHAR',
				    input: 'STRUCT(inputTokenCount BIGINT)', output: 'STRUCT(outputTokenCount BIGINT)'})
				GROUP BY ALL""".formatted(perMinute ? "substr(\"timestamp\", 1, 16) AS minute," : "", files);
		try (duck; Statement statement = duck.createStatement()) {
			// Warm once, as (a) is.
			statement.executeQuery(query).close();
			long t = System.nanoTime();
			long groups = 0;
			long requests = 0;
			long output = 0;
			try (ResultSet rows = statement.executeQuery(query)) {
				while (rows.next()) {
					groups++;
					requests += rows.getLong("requests");
					output += rows.getLong("output_tokens");
				}
			}
			double seconds = (System.nanoTime() - t) / 1e9;
			return new Duck(duck.getMetaData().getDatabaseProductVersion(), seconds, groups, requests, output);
		}
	}

	/**
	 * Where (b)'s time went, from the job's own step records: start-up (the JVM was
	 * already running; Spring, the database and the job repository), counting (listing
	 * and partitioning included), the report.
	 */
	private static void printPhases(String url, Instant started, double analyzeSeconds, double mb) throws Exception {
		Map<String, double[]> steps = new HashMap<>();
		try (Connection db = DriverManager.getConnection(url, "sa", "");
				Statement query = db.createStatement();
				ResultSet rs = query.executeQuery("SELECT step_name, start_time, end_time FROM batch_step_execution"
						+ " WHERE step_name IN ('forgetCounted', 'countUsage', 'writeReport') AND end_time IS NOT NULL")) {
			while (rs.next()) {
				steps.put(rs.getString(1), new double[] { secondsAfter(started, rs.getTimestamp(2)),
						secondsAfter(started, rs.getTimestamp(3)) });
			}
		}
		if (steps.size() < 3) {
			return; // a step did not finish: nothing to divide
		}
		double startUp = steps.get("forgetCounted")[0];
		double counting = steps.get("countUsage")[1] - steps.get("countUsage")[0];
		double report = steps.get("writeReport")[1] - steps.get("writeReport")[0];
		System.out.printf(
				"phases of (b): start-up %.1f s, counting %.1f s (%.0f MB/s), report %.1f s, the rest %.1f s%n",
				startUp, counting, mb / counting, report, analyzeSeconds - startUp - counting - report);
	}

	private static double secondsAfter(Instant started, Timestamp at) {
		return Duration.between(started, at.toLocalDateTime().atZone(ZoneId.systemDefault()).toInstant()).toNanos()
				/ 1e9;
	}

	/**
	 * Which compilers ran: the run's -XX:TieredStopAtLevel, if it was given (the image
	 * gives 1).
	 */
	private static String jit() {
		return ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter((arg) -> arg.startsWith("-XX:TieredStopAtLevel="))
			.reduce((first, last) -> last)
			.map((arg) -> arg.endsWith("=1") ? "C1 only (" + arg + ")"
					: arg.endsWith("=4") ? "C1 and C2 (" + arg + ")" : arg)
			.orElse("C1 and C2 (the JVM's default)");
	}

	/**
	 * CPU time of the whole process, compiler and collector threads included. On a shared
	 * VM it varies less than the elapsed time (time the host gives to other guests is not
	 * counted), so it is the better figure to compare two builds by.
	 */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * Inflates every file; with {@code checksum}, each file's CRC-32 as well (the timed
	 * passes leave it out: it is not inflating).
	 */
	private static Inflated inflateAll(List<Path> files, int threads, Gunzip gunzip, boolean checksum)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicLong total = new AtomicLong();
		long[] checksums = new long[files.size()];
		List<Future<?>> futures = new ArrayList<>();
		long t = System.nanoTime();
		long cpu = processCpuNanos();
		for (int i = 0; i < files.size(); i++) {
			int index = i;
			futures.add(pool.submit(() -> {
				byte[] buffer = new byte[64 * 1024];
				CRC32 crc = new CRC32();
				try (InputStream in = gunzip.open(Files.newInputStream(files.get(index)))) {
					int n;
					while ((n = in.read(buffer)) > 0) {
						total.addAndGet(n);
						if (checksum) {
							crc.update(buffer, 0, n);
						}
					}
				}
				checksums[index] = crc.getValue();
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		pool.shutdown();
		return new Inflated(total.get(), (System.nanoTime() - t) / 1e9, (processCpuNanos() - cpu) / 1e9, checksums);
	}

	private static long parseAll(List<Path> files, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicLong records = new AtomicLong();
		List<Future<?>> futures = new ArrayList<>();
		InvocationLogParser parser = new InvocationLogParser(new ModelIdNormalizer(Map.of()),
				new PathResolver(List.of("feature")));
		NdjsonReader reader = new NdjsonReader(parser, 8 * 1024 * 1024);
		for (Path file : files) {
			futures.add(pool.submit(() -> {
				try (InputStream in = Files.newInputStream(file)) {
					reader.read(in, new RecordSink() {

						@Override
						public void accept(UsageRecord record) {
							records.incrementAndGet();
						}

						@Override
						public void reject(String location, String reason, LocalDate day) {
						}

						@Override
						public void skip() {
						}

						@Override
						public void note(String note) {
						}

					});
				}
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		pool.shutdown();
		return records.get();
	}

	private interface Gunzip {

		InputStream open(InputStream in) throws IOException;

	}

	/**
	 * About 280 records an hour for 30 days, 100 to a file, in the S3 delivery layout.
	 */
	static void generate(Path root, int records, LocalDate from, int wordsPerDelta) throws IOException {
		Random random = new Random(1);
		List<String> prompts = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			prompts.add("You are assistant number " + i + ". " + text(random, 6_000 + random.nextInt(6_000)));
		}
		int hours = 30 * 24;
		int perHour = Math.max(1, records / hours);
		int written = 0;
		for (int h = 0; h < hours && written < records; h++) {
			LocalDateTime hour = from.atStartOfDay().plusHours(h);
			Path folder = root
				.resolve(String.format("AWSLogs/123456789012/BedrockModelInvocationLogs/us-east-1/%04d/%02d/%02d/%02d",
						hour.getYear(), hour.getMonthValue(), hour.getDayOfMonth(), hour.getHour()));
			Files.createDirectories(folder);
			int inHour = (h == hours - 1) ? records - written : Math.min(perHour, records - written);
			for (int start = 0; start < inHour; start += 100) {
				Path file = folder.resolve(String.format("%04d%02d%02dT%02d%04dZ_%08x.json.gz", hour.getYear(),
						hour.getMonthValue(), hour.getDayOfMonth(), hour.getHour(), start, random.nextInt()));
				try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 64 * 1024)) {
					for (int i = start; i < Math.min(inHour, start + 100); i++) {
						String line = record(random, hour.plusSeconds(random.nextInt(3600)), prompts, wordsPerDelta)
								+ "\n";
						out.write(line.getBytes(StandardCharsets.UTF_8));
					}
				}
			}
			written += inHour;
		}
	}

	private static String record(Random random, LocalDateTime at, List<String> prompts, int wordsPerDelta) {
		String model = MODELS[random.nextInt(MODELS.length)];
		String operation = OPERATIONS[random.nextInt(OPERATIONS.length)];
		String system = prompts.get(random.nextInt(prompts.size()));
		String question = text(random, 400 + random.nextInt(2_000));
		String answer = text(random, 300 + random.nextInt(1_500));
		long input = question.length() / 4 + 20;
		long cacheRead = random.nextInt(3) == 0 ? system.length() / 4 : 0;
		long output = answer.length() / 4;
		String ts = at.toInstant(ZoneOffset.UTC).toString();
		String body = operation.startsWith("Invoke")
				? "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":2048,\"system\":\"" + system
						+ "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + question + "\"}]}"
				: "{\"system\":[{\"text\":\"" + system
						+ "\"}],\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"" + question
						+ "\"}]}],\"inferenceConfig\":{\"maxTokens\":2048}}";
		String out = operation.equals("InvokeModelWithResponseStream")
				? ((wordsPerDelta == 0) ? wholeAnswerEvents(answer, input, output)
						: streamEvents(answer, input, output, wordsPerDelta))
				: "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\"" + answer
						+ "\"}]}},\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":" + input
						+ ",\"outputTokens\":" + output + "}}";
		return "{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"" + ts
				+ "\",\"accountId\":\"123456789012\",\"identity\":{\"arn\":\"arn:aws:sts::123456789012:assumed-role/App"
				+ random.nextInt(8) + "/s\"},\"region\":\"us-east-1\",\"requestId\":\"" + random.nextLong()
				+ "\",\"operation\":\"" + operation + "\",\"modelId\":\"" + model
				+ "\",\"input\":{\"inputContentType\":\"application/json\",\"inputBodyJson\":" + body
				+ ",\"inputTokenCount\":" + input + ",\"cacheReadInputTokenCount\":" + cacheRead
				+ "},\"output\":{\"outputContentType\":\"application/json\",\"outputBodyJson\":" + out
				+ ",\"outputTokenCount\":" + output + "},\"requestMetadata\":{\"feature\":\"feature-"
				+ random.nextInt(12) + "\"}}";
	}

	/**
	 * The events Anthropic's stream logs hold, as in the Elastic sample
	 * (bedrock-formats.md): the message's start, a delta every few words (three: 14–80 an
	 * answer; or one, as that sample has it: 42–240), its end, the usage and the
	 * invocation metrics.
	 */
	private static String streamEvents(String answer, long input, long output, int wordsPerDelta) {
		StringBuilder out = new StringBuilder(answer.length() * 4);
		out.append("[{\"type\":\"message_start\",\"message\":{\"id\":\"msg_bdrk_01\",\"type\":\"message\",")
			.append("\"role\":\"assistant\",\"model\":\"claude\",\"content\":[],\"stop_reason\":null,")
			.append("\"stop_sequence\":null,\"usage\":{\"input_tokens\":")
			.append(input)
			.append(",\"output_tokens\":1}}},{\"type\":\"content_block_start\",\"index\":0,")
			.append("\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
		String[] words = answer.split(" ", -1);
		for (int i = 0; i < words.length; i += wordsPerDelta) {
			String piece = String.join(" ", Arrays.copyOfRange(words, i, Math.min(words.length, i + wordsPerDelta)));
			out.append(",{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",")
				.append("\"text\":\"")
				.append(piece)
				.append(i + wordsPerDelta < words.length ? " " : "")
				.append("\"}}");
		}
		return out.append(",{\"type\":\"content_block_stop\",\"index\":0},{\"type\":\"message_delta\",")
			.append("\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":")
			.append(output)
			.append("}},{\"type\":\"message_stop\",\"amazon-bedrock-invocationMetrics\":{\"inputTokenCount\":")
			.append(input)
			.append(",\"outputTokenCount\":")
			.append(output)
			.append(",\"invocationLatency\":2100,\"firstByteLatency\":380}}]")
			.toString();
	}

	/**
	 * The stream shape of the corpus before 2026-11-27 ({@code -Dbench.streams=whole}):
	 * one delta with the answer.
	 */
	private static String wholeAnswerEvents(String answer, long input, long output) {
		return "[{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":" + input + "}}},"
				+ "{\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"" + answer
				+ "\"}},{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":"
				+ output + "}}]";
	}

	private static String text(Random random, int length) {
		StringBuilder text = new StringBuilder(length + 16);
		String[] words = WORDS.split(" ");
		while (text.length() < length) {
			text.append(words[random.nextInt(words.length)]).append(' ');
		}
		return text.substring(0, length);
	}

}
