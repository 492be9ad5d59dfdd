package com.bedrockcostanalyzer.savings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.bedrockcostanalyzer.aggregate.DailyUsage;
import com.bedrockcostanalyzer.aggregate.MinuteKey;
import com.bedrockcostanalyzer.aggregate.MinuteTotals;
import com.bedrockcostanalyzer.aggregate.PrefixKey;
import com.bedrockcostanalyzer.aggregate.PrefixTotals;
import com.bedrockcostanalyzer.aggregate.UsageKey;
import com.bedrockcostanalyzer.aggregate.UsageStore.MinuteRow;
import com.bedrockcostanalyzer.aggregate.UsageStore.PrefixRow;
import com.bedrockcostanalyzer.aggregate.UsageTotals;
import com.bedrockcostanalyzer.pricing.CostCalculator;
import com.bedrockcostanalyzer.pricing.Discounts;
import com.bedrockcostanalyzer.pricing.PriceBookLoader;
import com.bedrockcostanalyzer.pricing.ProvisionedBook;
import com.bedrockcostanalyzer.pricing.ReservedBook;
import com.bedrockcostanalyzer.usage.Context;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;
import com.bedrockcostanalyzer.usage.Window;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Detectors on hand-made aggregates; expected dollars from the published rates (per 1M
 * tokens), per one-day window.
 */
class DetectorTests {

	private static final LocalDate DAY = LocalDate.of(2026, 10, 5);

	private static final Window WINDOW = new Window(DAY, DAY.plusDays(1));

	private static final Instant MIDNIGHT = DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();

	@Test
	void countsTheCacheWarmOnlyWhenTheWholeGapIsInsideTheTtl() {
		assertThat(PromptCachingDetector.cold(null, MIDNIGHT, 5)).isTrue();
		assertThat(PromptCachingDetector.cold(MIDNIGHT, MIDNIGHT.plusSeconds(4 * 60), 5)).as("4 minutes").isFalse();
		assertThat(PromptCachingDetector.cold(MIDNIGHT, MIDNIGHT.plusSeconds(5 * 60), 5)).as("5 minutes").isTrue();
		assertThat(PromptCachingDetector.cold(MIDNIGHT, MIDNIGHT.plusSeconds(59 * 60), 60)).as("59 minutes").isFalse();
		assertThat(PromptCachingDetector.cold(MIDNIGHT, MIDNIGHT.plusSeconds(60 * 60), 60)).as("an hour").isTrue();
	}

	@Test
	void replaysAPrefixTimelineAgainstTheFiveMinuteTtl() {
		// Claude 3.7 Sonnet (no 1-hour cache): a 2,000-token prefix at minutes 0, 4, 9
		// and 13.
		// 0 writes, 4 reads (gap 4), 9 writes (gap 5), 13 reads: 4,000 written at $3.75,
		// 4,000 read at $0.30,
		// against 8,000 uncached at $3.00: $0.024 - ($0.015 + $0.0012) = $0.0078 a day.
		String model = "anthropic.claude-3-7-sonnet-20250219-v1:0";
		Opportunity o = caching(model, Scope.REGIONAL, new int[] { 0, 4, 9, 13 });

		assertThat(o.evidence()).containsEntry("ttl", "5m")
			.containsEntry("prefixTokensWrittenToCache", 4000L)
			.containsEntry("prefixTokensReadFromCache", 4000L)
			.containsEntry("hitRate5m", 0.5);
		assertThat(o.savings()).isEqualByComparingTo(monthly("0.0078"));
	}

	@Test
	void choosesTheOneHourTtlWhenGapsOutliveFiveMinutes() {
		// Sonnet 4.5 global, same timeline: with 1 hour, one write ($6.00) and three
		// reads ($0.30):
		// $0.024 - ($0.012 + $0.0018) = $0.0102 a day, better than 5 minutes' $0.0078.
		Opportunity o = caching("anthropic.claude-sonnet-4-5-20250929-v1:0", Scope.GLOBAL, new int[] { 0, 4, 9, 13 });

		assertThat(o.evidence()).containsEntry("ttl", "1h").containsEntry("prefixTokensWrittenToCache", 2000L);
		assertThat(o.savings()).isEqualByComparingTo(monthly("0.0102"));
	}

	@Test
	void saysWhenAPrefixIsBelowTheModelsMinimum() {
		// Haiku 4.5 needs 4,096 tokens before a checkpoint; a 2,000-token prefix cannot
		// be cached.
		SavingsContext context = context(
				List.of(daily("anthropic.claude-haiku-4-5-20251001-v1:0", Scope.GLOBAL, "chat", 400, 2000 * 400L, 10, 0,
						0)),
				List.of(), prefixes("anthropic.claude-haiku-4-5-20251001-v1:0", Scope.GLOBAL, new int[] { 0, 1 }, 200),
				ProvisionedBook.load(null));

		List<Opportunity> found = new PromptCachingDetector().detect(context);

		assertThat(found).singleElement().satisfies((o) -> {
			assertThat(o.savings()).isNull();
			assertThat(o.evidence()).containsEntry("finding", "prefix below the model minimum");
		});
	}

	@Test
	void pricesTheWritePremiumOfACacheThatIsNeverRead() {
		// 1M tokens written at $3.75 that would have cost $3.00 as plain input: $0.75 a
		// day paid for nothing.
		SavingsContext context = context(List.of(daily("anthropic.claude-sonnet-4-5-20250929-v1:0", Scope.GLOBAL,
				"chat", 500, 100_000, 10_000, 0, 1_000_000)), List.of(), List.of(), ProvisionedBook.load(null));

		List<Opportunity> found = new PromptCachingDetector().detect(context);

		assertThat(found).singleElement().satisfies((o) -> {
			assertThat(o.evidence()).containsEntry("finding", "caching in use but writes without reads");
			assertThat(o.savings()).isEqualByComparingTo("0.75");
		});
	}

	@Test
	void buysProvisionedThroughputOnlyWhenItIsCheaper() {
		// Nova Pro, every minute of the day 90,000 input and 15,000 output tokens: on
		// demand
		// 1,440 x (0.09 x $0.80 + 0.015 x $3.20) = $172.80 a day. One unit (100,000 /
		// 20,000 TPM) at $5 an hour: $120.
		// Each minute's traffic comes in two scopes (60,000 + 30,000 in, 10,000 + 5,000
		// out): a model's capacity in a
		// Region counts them together.
		List<MinuteRow> minutes = new ArrayList<>();
		for (int m = 0; m < 1440; m++) {
			minutes
				.add(new MinuteRow(
						new MinuteKey(MIDNIGHT.plusSeconds(60L * m), "us-east-1", "amazon.nova-pro-v1:0",
								Scope.REGIONAL, Tier.STANDARD, Context.STANDARD, "search"),
						new MinuteTotals(6, 0, 60_000, 10_000, 0, 0)));
			minutes
				.add(new MinuteRow(
						new MinuteKey(MIDNIGHT.plusSeconds(60L * m), "us-east-1", "amazon.nova-pro-v1:0", Scope.GEO,
								Tier.STANDARD, Context.STANDARD, "search"),
						new MinuteTotals(4, 0, 30_000, 5_000, 0, 0)));
		}
		ProvisionedBook cheap = new ProvisionedBook(List.of(new ProvisionedBook.Row("amazon.nova-pro-v1:0", "us-east-1",
				"1-month", new BigDecimal("5"), 100_000L, 20_000L, DAY.minusYears(1), "test")));
		ProvisionedBook dear = new ProvisionedBook(List.of(new ProvisionedBook.Row("amazon.nova-pro-v1:0", "us-east-1",
				"1-month", new BigDecimal("20"), 100_000L, 20_000L, DAY.minusYears(1), "test")));
		ProvisionedBook unknown = new ProvisionedBook(List.of(new ProvisionedBook.Row("amazon.nova-pro-v1:0",
				"us-east-1", "1-month", new BigDecimal("5"), null, null, DAY.minusYears(1), "test")));

		List<Opportunity> found = capacity(context(List.of(), minutes, List.of(), cheap),
				OpportunityType.PROVISIONED_THROUGHPUT);
		assertThat(found).singleElement().satisfies((o) -> {
			assertThat(o.currentCost()).isEqualByComparingTo("172.80");
			assertThat(o.savings()).isEqualByComparingTo("52.80");
			assertThat(o.evidence()).containsEntry("modelUnits", 1L).containsEntry("p95InputTpm", 90_000L);
			// $120 against 1,440 x (0.1 x $0.80 + 0.02 x $3.20) = $207.36 at full use.
			assertThat((BigDecimal) o.evidence().get("breakEvenUtilisation")).isEqualByComparingTo("0.5787");
		});
		assertThat(capacity(context(List.of(), minutes, List.of(), dear), OpportunityType.PROVISIONED_THROUGHPUT))
			.isEmpty();
		assertThat(capacity(context(List.of(), minutes, List.of(), unknown), OpportunityType.PROVISIONED_THROUGHPUT))
			.singleElement()
			.satisfies((o) -> {
				assertThat(o.savings()).isNull();
				assertThat(o.action()).contains("supply the input and output tokens per minute of one model unit");
			});
	}

	@Test
	void takesAPathDeclaredNonInteractiveAtItsWordAndADeclaredInteractiveOneNever() {
		// Nova Pro: 1M in x $0.80 + 1M out x $3.20 = $4.00 on demand, $2.00 on batch; no
		// time profile at all.
		DailyUsage row = daily("amazon.nova-pro-v1:0", Scope.REGIONAL, "reports", 10, 1_000_000, 1_000_000, 0, 0);
		SavingsProperties declared = new SavingsProperties(BigDecimal.valueOf(25), 100, 30, "0-6", List.of("chat"),
				List.of("reports"), null, 100, 300, null);
		SavingsContext context = new SavingsContext(WINDOW, List.of(row), ProfileSource.of(List.of(), List.of()),
				new CostCalculator(new PriceBookLoader().loadDefault()), Discounts.NONE, declared,
				ProvisionedBook.load(null), ReservedBook.load(null));

		assertThat(new TierDetectors.Batch().detect(context)).singleElement().satisfies((o) -> {
			assertThat(o.savings()).isEqualByComparingTo("2.00");
			assertThat(o.confidence()).isEqualTo(Confidence.HIGH);
			assertThat(o.evidence()).containsEntry("declaredNonInteractive", true);
		});
		DailyUsage chat = daily("amazon.nova-pro-v1:0", Scope.REGIONAL, "chat", 10, 1_000_000, 1_000_000, 0, 0);
		SavingsContext interactive = new SavingsContext(WINDOW, List.of(chat), ProfileSource.of(List.of(), List.of()),
				new CostCalculator(new PriceBookLoader().loadDefault()), Discounts.NONE, declared,
				ProvisionedBook.load(null), ReservedBook.load(null));
		assertThat(new TierDetectors.Batch().detect(interactive)).isEmpty();
		assertThat(new TierDetectors.Flex().detect(interactive)).isEmpty();
	}

	@Test
	void reservesTokensPerMinuteOnlyForSteadyTrafficOnTheLongerTerm() {
		// Sonnet 4.6 geo, 100,000 input and 10,000 output TPM every minute: on demand
		// 1,440 x (0.1 x $3.30 + 0.01 x $16.50) = $712.80 a day. 3-month reservation of
		// 100K / 10K TPM:
		// 24 x (100 x $0.1782 + 10 x $0.891) = $641.52; the 1-month term costs exactly
		// the on-demand price.
		List<MinuteRow> steady = new ArrayList<>();
		List<MinuteRow> bursty = new ArrayList<>();
		for (int m = 0; m < 1440; m++) {
			MinuteRow row = new MinuteRow(new MinuteKey(MIDNIGHT.plusSeconds(60L * m), "us-east-1",
					"anthropic.claude-sonnet-4-6", Scope.GEO, Tier.STANDARD, Context.STANDARD, "chat"),
					new MinuteTotals(50, 0, 100_000, 10_000, 0, 0));
			steady.add(row);
			if (m % 2 == 0) {
				bursty.add(row);
			}
		}

		List<Opportunity> found = capacity(context(List.of(), steady, List.of(), ProvisionedBook.load(null)),
				OpportunityType.RESERVED);

		assertThat(found).singleElement().satisfies((o) -> {
			assertThat(o.type()).isEqualTo(OpportunityType.RESERVED);
			assertThat(o.currentCost()).isEqualByComparingTo("712.80");
			assertThat(o.projectedCost()).isEqualByComparingTo("641.52");
			assertThat(o.evidence()).containsEntry("term", "3-month").containsEntry("reservedInputKtpm", 100L);
		});
		// The analysis runs both capacity detectors from one pass over the same minutes.
		assertThat(new CapacityDetectors().detect(context(List.of(), steady, List.of(), ProvisionedBook.load(null))))
			.extracting(Opportunity::type)
			.containsExactlyInAnyOrder(OpportunityType.RESERVED, OpportunityType.PROVISIONED_THROUGHPUT);
		// Half the minutes idle: the reservation would sit half unused.
		assertThat(
				capacity(context(List.of(), bursty, List.of(), ProvisionedBook.load(null)), OpportunityType.RESERVED))
			.isEmpty();
	}

	@Test
	void putsTheCostOfTruncatedResponsesAsAnUpperBound() {
		// Nova Lite: 100 requests of 1M in / 0 out = $6.00; 10 truncated: $0.60 at most.
		UsageKey key = new UsageKey(DAY, "us-east-1", "amazon.nova-lite-v1:0", Scope.REGIONAL, Tier.STANDARD,
				Context.STANDARD, "docs");
		DailyUsage row = new DailyUsage(key, new UsageTotals(100, 0, 0, 10, new TokenCounts(100_000_000, 0, 0, 0, 0)));

		List<Opportunity> found = new WasteDetector()
			.detect(context(List.of(row), List.of(), List.of(), ProvisionedBook.load(null)));

		assertThat(found).singleElement().satisfies((o) -> {
			assertThat(o.type()).isEqualTo(OpportunityType.WASTE);
			assertThat(o.savings()).isEqualByComparingTo("0.60");
		});
	}

	@Test
	void measuresRunsBetweenDistinctMinutesAndOffHoursAcrossMidnight() {
		// Off-hours 22-6 (UTC, across midnight), runs end after a 30-minute pause. Given
		// out of time order, one minute
		// in two Regions: 05:50 (3 + 2 requests), 06:19 (4, 29 minutes on: same run),
		// 06:49 (7, 30 minutes on: a new
		// run), 06:59 (1), 23:30 (6, a new run). Runs 5+4 = 9, 7+1 = 8, 6: three, the
		// largest 9, 23/3 on average;
		// off-hours 05:50 and 23:30, 5 + 6 = 11 of 23.
		SavingsProperties settings = new SavingsProperties(BigDecimal.valueOf(25), 100, 30, "22-6", null, null, null,
				100, 300, null);
		List<MinuteRow> minutes = List.of(minute(6 * 60 + 49, "us-east-1", 7), minute(5 * 60 + 50, "us-east-1", 3),
				minute(23 * 60 + 30, "us-east-1", 6), minute(6 * 60 + 19, "us-east-1", 4),
				minute(5 * 60 + 50, "us-west-2", 2), minute(6 * 60 + 59, "us-east-1", 1));

		TrafficShape shape = TrafficShape.of(new UsageTotals(23, 0, 0, 0, TokenCounts.ZERO), minutes, settings);

		assertThat(shape.runs()).isEqualTo(3);
		assertThat(shape.largestRun()).isEqualTo(9);
		assertThat(shape.meanRecordsPerRun()).isEqualTo(23.0 / 3);
		assertThat(shape.offHoursShare()).isEqualTo(11.0 / 23);
		assertThat(
				TrafficShape.of(new UsageTotals(23, 0, 0, 0, TokenCounts.ZERO), minutes, SavingsProperties.defaults())
					.offHoursShare())
			.as("0-6: only 05:50")
			.isEqualTo(5.0 / 23);
	}

	@Test
	void sumsAMinuteOverRegionsWhateverTheOrder() {
		// Minute 10 in two Regions (100 + 20 input, 5 + 2 output), minute 3 once (50, 1):
		// two active minutes.
		List<MinuteRow> rows = List.of(minute(10, "us-east-1", 1, 100, 5), minute(3, "us-east-1", 1, 50, 1),
				minute(10, "us-west-2", 1, 20, 2));

		TokensPerMinute tpm = TokensPerMinute.of(rows, 1440, MinuteTotals::inputTokens);

		assertThat(tpm.activeMinutes()).isEqualTo(2);
		assertThat(tpm.inputTotal()).isEqualTo(170);
		assertThat(tpm.outputTotal()).isEqualTo(8);
		assertThat(TokensPerMinute.max(tpm.inputs())).isEqualTo(120);
		assertThat(TokensPerMinute.max(tpm.outputs())).isEqualTo(7);
		assertThat(tpm.inputs()).as("the active minutes alone").hasSize(2);
		assertThat(tpm.inputPercentile(0.999)).as("the 2nd largest of 1,440").isEqualTo(50);
		assertThat(tpm.inputPercentile(1.0)).as("the largest").isEqualTo(120);
		assertThat(tpm.outputPercentile(0.998)).as("the 3rd largest of 1,440: a quiet minute").isZero();
	}

	private static MinuteRow minute(int minuteOfDay, String region, long requests) {
		return minute(minuteOfDay, region, requests, 0, 0);
	}

	private static MinuteRow minute(int minuteOfDay, String region, long requests, long input, long output) {
		return new MinuteRow(new MinuteKey(MIDNIGHT.plusSeconds(60L * minuteOfDay), region, "amazon.nova-pro-v1:0",
				Scope.REGIONAL, Tier.STANDARD, Context.STANDARD, "search"),
				new MinuteTotals(requests, 0, input, output, 0, 0));
	}

	private static Opportunity caching(String model, Scope scope, int[] minutes) {
		SavingsContext context = context(
				List.of(daily(model, scope, "chat", minutes.length, 2000L * minutes.length, 10, 0, 0)), List.of(),
				prefixes(model, scope, minutes, 2000), ProvisionedBook.load(null));
		List<Opportunity> found = new PromptCachingDetector().detect(context);
		assertThat(found).hasSize(1);
		return found.get(0).scaled(SavingsAnalysis.monthFactor(WINDOW));
	}

	private static BigDecimal monthly(String perDay) {
		// Monthly figures are kept to the micro-dollar.
		return new BigDecimal(perDay).multiply(new BigDecimal("30.4375")).setScale(6, java.math.RoundingMode.HALF_EVEN);
	}

	private static List<PrefixRow> prefixes(String model, Scope scope, int[] minutes, long tokens) {
		List<PrefixRow> rows = new ArrayList<>();
		for (int m : minutes) {
			rows.add(new PrefixRow(new PrefixKey(new MinuteKey(MIDNIGHT.plusSeconds(60L * m), "us-east-1", model, scope,
					Tier.STANDARD, Context.STANDARD, "chat"), 42L), new PrefixTotals(1, tokens, 0)));
		}
		return rows;
	}

	private static DailyUsage daily(String model, Scope scope, String path, long requests, long input, long output,
			long cacheRead, long cacheWrite) {
		return new DailyUsage(new UsageKey(DAY, "us-east-1", model, scope, Tier.STANDARD, Context.STANDARD, path),
				new UsageTotals(requests, 0, 0, 0, new TokenCounts(input, output, cacheRead, cacheWrite, 0)));
	}

	/** What the analysis's one pass over the standard-tier minutes finds, of one type. */
	private static List<Opportunity> capacity(SavingsContext context, OpportunityType type) {
		return new CapacityDetectors().detect(context).stream().filter((o) -> o.type() == type).toList();
	}

	private static SavingsContext context(List<DailyUsage> daily, List<MinuteRow> minutes, List<PrefixRow> prefixes,
			ProvisionedBook provisioned) {
		return new SavingsContext(WINDOW, daily, ProfileSource.of(minutes, prefixes),
				new CostCalculator(new PriceBookLoader().loadDefault()), Discounts.NONE, SavingsProperties.defaults(),
				provisioned, ReservedBook.load(null));
	}

}
