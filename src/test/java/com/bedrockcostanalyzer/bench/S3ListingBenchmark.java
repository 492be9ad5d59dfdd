package com.bedrockcostanalyzer.bench;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.gaul.s3proxy.junit.S3ProxyExtension;

import com.bedrockcostanalyzer.source.AwsClientFactory;
import com.bedrockcostanalyzer.source.InputUnit;
import com.bedrockcostanalyzer.source.s3.S3Source;
import com.bedrockcostanalyzer.testing.LocalAws;
import com.bedrockcostanalyzer.usage.Window;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * How long listing a month of S3 logs takes: one account and Region, every hour folder of
 * October 2026 (and the days around it) holding three log objects and, in turn, each
 * number of offloaded bodies under {@code data/} that {@code bench.sidecarsPerHour} lists
 * (default 0 and 40), in S3Proxy in this JVM. S3Proxy on the loopback answers in about a
 * millisecond, where S3 takes tens, so every request is held {@code bench.latencyMs}
 * (default 50) before it is sent — the one part not real. Prints, per round, the time,
 * the requests and the keys the answers carried. Not a test: run it with
 * <pre>mvn -q -Pbenchmark test-compile exec:exec -Dbench.main=com.bedrockcostanalyzer.bench.S3ListingBenchmark</pre>
 * ({@code -Dbench.jvmArgs=-Dbench.sidecarsPerHour=150 -Dbench.heap=2g} for a bucket of
 * 130,000 keys, which S3Proxy holds in this JVM's heap).
 */
public final class S3ListingBenchmark {

	private static final String BUCKET = "logs";

	private static final String ROOT = "p/AWSLogs/111111111111/BedrockModelInvocationLogs/us-east-1/";

	private S3ListingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int latencyMs = Integer.getInteger("bench.latencyMs", 50);
		for (String sidecars : System.getProperty("bench.sidecarsPerHour", "0,40").split(",")) {
			run(latencyMs, 3, Integer.parseInt(sidecars.trim()));
		}
	}

	private static void run(int latencyMs, int logs, int sidecars) throws Exception {
		S3ProxyExtension proxy = LocalAws.s3Proxy();
		proxy.beforeEach(null);
		try {
			URI endpoint = proxy.getUri();
			int objects = fill(LocalAws.s3Client(endpoint), logs, sidecars);
			System.out.printf(
					"bucket: %,d objects (%d logs and %d offloaded bodies an hour), %d ms added to each " + "request%n",
					objects, logs, sidecars, latencyMs);
			Meter meter = new Meter(latencyMs);
			try (LocalAws aws = LocalAws.s3(endpoint)) {
				S3Client client = new AwsClientFactory(Map.of("AWS_ENDPOINT_URL_S3", endpoint.toString())::get,
						List.of(meter))
					.s3();
				for (int round = 1; round <= 3; round++) {
					meter.reset();
					long start = System.nanoTime();
					List<InputUnit> units = new S3Source(() -> client).list("s3://" + BUCKET + "/p/",
							new Window(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1)));
					System.out.printf(
							"round %d: %,d units listed in %.2f s, %,d requests (at most %d at once), %,d "
									+ "keys in the answers%n",
							round, units.size(), (System.nanoTime() - start) / 1e9, meter.requests.get(),
							meter.mostAtOnce.get(), meter.keys.get());
				}
			}
		}
		finally {
			proxy.afterEach(null);
		}
	}

	/** Puts the month's objects, eight at a time; how many. */
	private static int fill(S3Client s3, int logs, int sidecars) throws Exception {
		s3.createBucket((b) -> b.bucket(BUCKET));
		List<String> keys = new ArrayList<>();
		LocalDate end = LocalDate.of(2026, 11, 3);
		for (LocalDate day = LocalDate.of(2026, 9, 29); day.isBefore(end); day = day.plusDays(1)) {
			for (int hour = 0; hour < 24; hour++) {
				String folder = ROOT + String.format("%04d/%02d/%02d/%02d/", day.getYear(), day.getMonthValue(),
						day.getDayOfMonth(), hour);
				for (int i = 0; i < logs; i++) {
					keys.add(folder + String.format("%04d%02d%02dT%02d%02d00000Z_%04x.json.gz", day.getYear(),
							day.getMonthValue(), day.getDayOfMonth(), hour, i, i));
				}
				for (int i = 0; i < sidecars; i++) {
					keys.add(folder + String.format("data/%06x_input.json.gz", i));
				}
			}
		}
		ExecutorService puts = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (String key : keys) {
				// Two bytes each: a log object must not be empty to be read.
				RequestBody twoBytes = RequestBody.fromString("{}");
				done.add(puts.submit(() -> s3.putObject((b) -> b.bucket(BUCKET).key(key), twoBytes)));
			}
			for (Future<?> put : done) {
				put.get();
			}
		}
		finally {
			puts.shutdown();
		}
		return keys.size();
	}

	/**
	 * Holds each request {@code latencyMs} and counts requests, requests at once, and
	 * keys listed.
	 */
	private static final class Meter implements ExecutionInterceptor {

		private final int latencyMs;

		final AtomicInteger requests = new AtomicInteger();

		final AtomicInteger inFlight = new AtomicInteger();

		final AtomicInteger mostAtOnce = new AtomicInteger();

		final AtomicLong keys = new AtomicLong();

		Meter(int latencyMs) {
			this.latencyMs = latencyMs;
		}

		void reset() {
			this.requests.set(0);
			this.mostAtOnce.set(0);
			this.keys.set(0);
		}

		@Override
		public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
			this.requests.incrementAndGet();
			this.mostAtOnce.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			try {
				Thread.sleep(this.latencyMs);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
			this.inFlight.decrementAndGet();
			if (context.response() instanceof ListObjectsV2Response response) {
				this.keys.addAndGet(response.contents().size());
			}
		}

	}

}
