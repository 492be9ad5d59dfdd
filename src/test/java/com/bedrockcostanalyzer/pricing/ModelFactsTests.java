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

	@Test
	void comparesTokenizersWithinALineageOnly() {
		ModelFacts facts = ModelFacts.load(null);

		assertThat(facts.tokenFactor("anthropic.claude-opus-4-6-v1", "anthropic.claude-opus-4-7").label())
			.isEqualTo("1-1.35");
		// 1 / 1.35 = 0.7407: the older tokenizer makes up to a quarter fewer tokens.
		assertThat(facts.tokenFactor("anthropic.claude-opus-4-7", "anthropic.claude-sonnet-4-6").label())
			.isEqualTo("0.7407-1");
		assertThat(facts.tokenFactor("anthropic.claude-sonnet-4-6", "anthropic.claude-haiku-4-5-20251001-v1:0").same())
			.isTrue();
		assertThat(facts.tokenFactor("anthropic.claude-sonnet-4-6", "amazon.nova-pro-v1:0")).isNull();
	}

	@Test
	void shipsLifecycleDatesWithSourcesAndSuccessorsItKnows() {
		ModelFacts facts = ModelFacts.load(null);

		// AWS Bedrock, Model lifecycle (Legacy): Claude Sonnet 4.5 legacy 2026-10-08,
		// public extended access 2027-01-08, end of life 2027-04-08.
		ModelFacts.Lifecycle sonnet = facts.lifecycle("anthropic.claude-sonnet-4-5-20250929-v1:0");
		assertThat(sonnet).isEqualTo(new ModelFacts.Lifecycle(LocalDate.of(2026, 10, 8), LocalDate.of(2027, 1, 8),
				LocalDate.of(2027, 4, 8), null));
		assertThat(facts.successor("anthropic.claude-sonnet-4-20250514-v1:0")).isEqualTo("anthropic.claude-sonnet-4-6");
		assertThat(facts.successor("anthropic.claude-sonnet-4-5-20250929-v1:0")).isEqualTo("anthropic.claude-sonnet-5");
		for (String model : java.util.List.of("anthropic.claude-3-5-haiku-20241022-v1:0",
				"anthropic.claude-opus-4-20250514-v1:0", "meta.llama3-2-90b-instruct-v1:0", "cohere.command-r-v1:0")) {
			ModelFacts.Lifecycle lifecycle = facts.lifecycle(model);
			assertThat(lifecycle).as(model).isNotNull();
			assertThat(lifecycle.endOfLife()).as(model).isNotNull();
			String successor = facts.successor(model);
			if (successor != null) {
				assertThat(facts.lifecycle(successor)).as(successor).isNotNull();
			}
		}
	}

	@Test
	void rejectsATokenizerFactorThatIsNotARange() throws Exception {
		Path folder = Files.createDirectories(this.work.resolve("prices"));
		Files.writeString(folder.resolve("book.csv"),
				"model_id,region,scope,tier,input,output,cache_read,"
						+ "cache_write_5m,cache_write_1h,effective_from,source\n"
						+ "acme.one-v1,eu-west-1,regional,standard,1,2,,,,2026-01-01,test\n");
		Files.writeString(folder.resolve(ModelFacts.FILE),
				String.join(",", ModelFacts.HEADER) + "\n" + "acme.one-v1,acme,1,,,,,,,,acme-v2,1.3-1.1,,no,test\n");

		assertThat(catchThrowable(() -> new PriceBookLoader().load(folder))).isInstanceOf(PriceBookException.class)
			.hasMessageContaining("models.csv line 2")
			.hasMessageContaining("tokenizer_factor '1.3-1.1'");
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
