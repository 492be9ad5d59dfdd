package com.bedrockcostanalyzer.pricing;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Expected dollars are worked out by hand from AWS's published rates (USD per 1M tokens),
 * not from the code.
 */
class CostCalculatorTests {

	private static final LocalDate OCT = LocalDate.of(2026, 10, 15);

	private final CostCalculator shipped = new CostCalculator(new PriceBookLoader().loadDefault());

	@TempDir
	Path dir;

	@Test
	void pricesNovaProOnDemandAndBatch() {
		// 12M input x $0.80 + 3M output x $3.20 = 9.60 + 9.60; batch is half of each.
		TokenCounts tokens = new TokenCounts(12_000_000, 3_000_000, 0, 0, 0);
		assertThat(usd("amazon.nova-pro-v1:0", "us-east-1", Scope.REGIONAL, Tier.STANDARD, tokens))
			.isEqualByComparingTo("19.20");
		assertThat(usd("amazon.nova-pro-v1:0", "us-east-1", Scope.REGIONAL, Tier.BATCH, tokens))
			.isEqualByComparingTo("9.60");
		assertThat(usd("amazon.nova-pro-v1:0", "us-east-1", Scope.REGIONAL, Tier.FLEX, tokens))
			.isEqualByComparingTo("9.60");
		// priority: 12 x 1.40 + 3 x 5.60 = 16.80 + 16.80
		assertThat(usd("amazon.nova-pro-v1:0", "us-east-1", Scope.REGIONAL, Tier.PRIORITY, tokens))
			.isEqualByComparingTo("33.60");
	}

	@Test
	void pricesEveryCacheTokenKindAtItsOwnRate() {
		// Sonnet 4.5 global: 1M x 3.00 + 2M read x 0.30 + 0.1M 5m-write x 3.75 + 0.05M
		// 1h-write x 6.00 + 0.5M out x 15
		TokenCounts tokens = new TokenCounts(1_000_000, 500_000, 2_000_000, 100_000, 50_000);
		assertThat(usd("anthropic.claude-sonnet-4-5-20250929-v1:0", "us-east-1", Scope.GLOBAL, Tier.STANDARD, tokens))
			.isEqualByComparingTo("11.775");
		// geo/in-region is 10% dearer on every rate: 3.30 + 0.66 + 0.4125 + 0.33 + 8.25
		assertThat(usd("anthropic.claude-sonnet-4-5-20250929-v1:0", "us-east-1", Scope.GEO, Tier.STANDARD, tokens))
			.isEqualByComparingTo("12.9525");
	}

	@Test
	void billsOneHourWritesAtTheOneHourRateNotTheFiveMinuteOne() {
		// Haiku 4.5 global: 1M 1h writes x $2.00 (a 5-minute rate of $1.25 would
		// under-bill by 37.5%)
		assertThat(usd("anthropic.claude-haiku-4-5-20251001-v1:0", "us-west-2", Scope.GLOBAL, Tier.STANDARD,
				new TokenCounts(0, 0, 0, 0, 1_000_000)))
			.isEqualByComparingTo("2.00");
	}

	@Test
	void pricesCacheReadsAtTheDiscountNotAtZero() {
		// Claude 3.5 Haiku: 10M reads x $0.08 = $0.80
		assertThat(usd("anthropic.claude-3-5-haiku-20241022-v1:0", "us-east-1", Scope.REGIONAL, Tier.STANDARD,
				new TokenCounts(0, 0, 10_000_000, 0, 0)))
			.isEqualByComparingTo("0.80");
	}

	@Test
	void pricesGeoProfilesAtTheSourceRegionsRegionalPrice() {
		// us.amazon.nova-micro: the regional rate, 1M x 0.035 + 1M x 0.14
		assertThat(usd("amazon.nova-micro-v1:0", "us-west-2", Scope.GEO, Tier.STANDARD,
				new TokenCounts(1_000_000, 1_000_000, 0, 0, 0)))
			.isEqualByComparingTo("0.175");
	}

	@Test
	void neverPricesAnUnknownModelOrMissingRateAsZero() {
		Cost unknown = this.shipped.cost("acme.secret-model-v1", "us-east-1", Scope.REGIONAL, Tier.STANDARD, OCT,
				new TokenCounts(1, 1, 0, 0, 0));
		assertThat(unknown.priced()).isFalse();
		assertThat(unknown.unpricedReason()).isEqualTo("model not in the price book");
		// Claude 3 Haiku has no cache rates on Bedrock: cache tokens make the amount
		// unpriced, not free.
		Cost noCacheRate = this.shipped.cost("anthropic.claude-3-haiku-20240307-v1:0", "us-east-1", Scope.REGIONAL,
				Tier.STANDARD, OCT, new TokenCounts(10, 10, 10, 0, 0));
		assertThat(noCacheRate.unpricedReason()).startsWith("no cache_read rate");
		// Claude 3 Haiku has no global profile price, and global never falls back to
		// regional.
		assertThat(this.shipped
			.cost("anthropic.claude-3-haiku-20240307-v1:0", "us-east-1", Scope.GLOBAL, Tier.STANDARD, OCT,
					new TokenCounts(10, 10, 0, 0, 0))
			.priced()).isFalse();
	}

	@Test
	void pricesEachDayWithTheRowInForceThatDay() throws IOException {
		Path book = write("""
				model_id,region,scope,tier,input,output,cache_read,cache_write_5m,cache_write_1h,effective_from,source
				m,us-east-1,regional,standard,1.00,2.00,,,,2026-01-01,test
				m,us-east-1,regional,standard,0.50,1.00,,,,2026-06-01,test cut
				""");
		CostCalculator calculator = new CostCalculator(new PriceBookLoader().load(book));
		TokenCounts tokens = new TokenCounts(1_000_000, 1_000_000, 0, 0, 0);

		assertThat(calculator.cost("m", "us-east-1", Scope.REGIONAL, Tier.STANDARD, LocalDate.of(2026, 5, 31), tokens)
			.usd()).isEqualByComparingTo("3.00");
		assertThat(calculator.cost("m", "us-east-1", Scope.REGIONAL, Tier.STANDARD, LocalDate.of(2026, 6, 1), tokens)
			.usd()).isEqualByComparingTo("1.50");
		assertThat(calculator.cost("m", "us-east-1", Scope.REGIONAL, Tier.STANDARD, LocalDate.of(2025, 12, 31), tokens)
			.unpricedReason()).isEqualTo("no standard price for regional scope in us-east-1 effective on 2025-12-31");
	}

	@Test
	void refusesAPriceBookItCannotTrust() throws IOException {
		String header = "model_id,region,scope,tier,input,output,cache_read,cache_write_5m,cache_write_1h,effective_from,source\n";
		PriceBookLoader loader = new PriceBookLoader();
		assertThatThrownBy(() -> loader.load(write("model,price\nm,1\n"))).hasMessageContaining("the header must be");
		assertThatThrownBy(() -> loader.load(write(header + "m,us-east-1,regional,standard,-1,2,,,,2026-01-01,x\n")))
			.hasMessageContaining("line 2: input must not be negative");
		assertThatThrownBy(() -> loader.load(write(header + "m,us-east-1,local,standard,1,2,,,,2026-01-01,x\n")))
			.hasMessageContaining("scope must be regional, geo or global");
		assertThatThrownBy(() -> loader.load(write(header + "m,us-east-1,regional,standard,1,2,,,,2026-01-01,x\n"
				+ "m,us-east-1,regional,standard,1,3,,,,2026-01-01,y\n")))
			.hasMessageContaining("line 3: a second price for m us-east-1 regional standard effective 2026-01-01");
	}

	@Test
	void shipsADefaultBookThatNamesItsSources() {
		PriceBook book = new PriceBookLoader().loadDefault();
		assertThat(book.files()).singleElement().satisfies((f) -> assertThat(f.sha256()).hasSize(64));
		assertThat(book.allRows()).allSatisfy((row) -> assertThat(row.source()).isNotBlank());
	}

	private BigDecimal usd(String model, String region, Scope scope, Tier tier, TokenCounts tokens) {
		Cost cost = this.shipped.cost(model, region, scope, tier, OCT, tokens);
		assertThat(cost.unpricedReason()).isNull();
		return cost.usd();
	}

	private Path write(String csv) throws IOException {
		Path file = Files.createTempFile(this.dir, "book", ".csv");
		Files.writeString(file, csv);
		return file;
	}

}
