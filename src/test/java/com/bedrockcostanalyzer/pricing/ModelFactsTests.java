package com.bedrockcostanalyzer.pricing;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bedrockcostanalyzer.savings.SavingsProperties;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The model facts beside the prices: the geo rule, the tiers sold, and what the detectors
 * read from them.
 */
class ModelFactsTests {

	private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

	@TempDir
	Path work;

	@Test
	void aGeoProfileUsesTheRegionalPriceOnlyWhereTheModelFactsSaySo() throws Exception {
		Path folder = prices("""
				acme.same-v1,eu-west-1,regional,standard,1,2,,,,2026-01-01,test
				acme.apart-v1,eu-west-1,regional,standard,1,2,,,,2026-01-01,test
				acme.apart-v1,eu-west-1,regional,batch,0.5,1,,,,2026-01-01,test
				""", """
				acme.same-v1,acme,1,,,,,,yes,test
				acme.apart-v1,acme,1,acme.same-v1,3000,,,standard,no,test
				""");
		PriceBook book = new PriceBookLoader().load(folder);
		CostCalculator prices = new CostCalculator(book);
		TokenCounts tokens = new TokenCounts(1_000_000, 1_000_000, 0, 0, 0);

		assertThat(prices.cost("acme.same-v1", "eu-west-1", Scope.GEO, Tier.STANDARD, DAY, tokens).usd())
			.isEqualByComparingTo("3");
		assertThat(prices.cost("acme.apart-v1", "eu-west-1", Scope.GEO, Tier.STANDARD, DAY, tokens).priced()).isFalse();
		// One Region's price never stands in for another's.
		assertThat(prices.cost("acme.same-v1", "eu-west-2", Scope.REGIONAL, Tier.STANDARD, DAY, tokens).priced())
			.isFalse();
		// A batch row for a model sold on the standard tier only is never used.
		assertThat(prices.cost("acme.apart-v1", "eu-west-1", Scope.REGIONAL, Tier.BATCH, DAY, tokens).unpricedReason())
			.contains("does not sell acme.apart-v1 on the batch tier");
		// The detectors read the same facts: the user's models add a rung and a cache
		// minimum to the shipped ones.
		SavingsProperties settings = new SavingsProperties(BigDecimal.valueOf(25), 100, 30, "0-6", null, null, null,
				100, 300, null)
			.withModelFacts(book.facts());
		assertThat(settings.routingLadder()).containsEntry("acme.apart-v1", "acme.same-v1")
			.containsEntry("meta.llama4-maverick-17b-instruct-v1:0", "meta.llama4-scout-17b-instruct-v1:0");
		assertThat(settings.cacheMinimumTokens()).containsEntry("acme.apart-v1", 3000);
	}

	@Test
	void rejectsAFactThatIsNotOneWithItsLine() throws Exception {
		Path folder = prices("""
				acme.one-v1,eu-west-1,regional,standard,1,2,,,,2026-01-01,test
				""", """
				acme.one-v1,acme,1,,-5,,,,yes,test
				""");

		assertThat(catchThrowable(() -> new PriceBookLoader().load(folder))).isInstanceOf(PriceBookException.class)
			.hasMessageContaining("models.csv line 2")
			.hasMessageContaining("'-5' is not a positive whole number");
	}

	/**
	 * A --prices folder of a book (a header of the legacy form, without context) and a
	 * models.csv.
	 */
	private Path prices(String bookRows, String factRows) throws Exception {
		Path folder = Files.createDirectories(this.work.resolve("prices"));
		Files.writeString(folder.resolve("book.csv"), "model_id,region,scope,tier,input,output,cache_read,"
				+ "cache_write_5m,cache_write_1h,effective_from,source\n" + bookRows);
		Files.writeString(folder.resolve(ModelFacts.FILE), "model_id,family,generation,route_to,cache_min_tokens,"
				+ "long_context_threshold,end_of_life,tiers,geo_as_regional,source\n" + factRows);
		return folder;
	}

}
