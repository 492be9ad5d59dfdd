package com.bedrockcostanalyzer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.springframework.util.FileSystemUtils;

import com.bedrockcostanalyzer.pricing.PriceBookChanges;
import com.bedrockcostanalyzer.pricing.PriceBookException;

import com.bedrockcostanalyzer.pricing.PriceBookLoader;
import com.bedrockcostanalyzer.pricing.PriceBookWriter;
import com.bedrockcostanalyzer.pricing.PriceListFetcher;
import com.bedrockcostanalyzer.pricing.PriceListImporter;
import com.bedrockcostanalyzer.pricing.PriceRow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code prices}: work with price books. */
@Command(name = "prices", mixinStandardHelpOptions = true, description = "Work with price books.",
		subcommands = { PricesCommand.Update.class, PricesCommand.Import.class })
class PricesCommand implements Runnable {

	@Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "a subcommand is required, e.g. 'prices update'");
	}

	@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
			description = { "Turns AWS Price List offer files into a price book (USD per 1M tokens).", "",
					"Download the offers first, e.g. https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/"
							+ "AmazonBedrockFoundationModels/current/index.json (also AmazonBedrock and "
							+ "AmazonBedrockService); loading only AmazonBedrock misses the current Claude prices." })
	static class Import implements Callable<Integer> {

		@Spec
		CommandLine.Model.CommandSpec spec;

		@Option(names = "--offer", required = true, paramLabel = "FILE",
				description = "An offer file (index.json). Repeatable.")
		List<Path> offers;

		@Option(names = "--names", paramLabel = "FILE",
				description = "Extra price_list_name,model_id rows for models the shipped name table lacks.")
		Path names;

		@Option(names = "--out", required = true, paramLabel = "FILE", description = "The price book to write.")
		Path out;

		@Override
		public Integer call() throws Exception {
			for (Path offer : this.offers) {
				if (!Files.isRegularFile(offer)) {
					throw new ParameterException(this.spec.commandLine(), "no such offer file: " + offer);
				}
			}
			PriceListImporter importer = new PriceListImporter(PriceListImporter.names(this.names));
			PriceListImporter.Result result = importer.importOffers(this.offers);
			new PriceBookWriter().write(result.rows(), this.out,
					"Imported from the AWS Price List by 'prices import'. USD per 1M tokens; empty = not offered.");
			// Read it back as analyze will, so a bad book fails here and not in a nightly
			// run.
			new PriceBookLoader().load(this.out);
			var out = this.spec.commandLine().getOut();
			out.println("Wrote " + result.rows().size() + " price rows to " + this.out);
			result.skipped().forEach((reason, count) -> out.println("Skipped " + count + " SKUs: " + reason));
			if (!result.unknownNames().isEmpty()) {
				out.println("Models without a model id (add price_list_name,model_id rows with --names): "
						+ String.join("; ", result.unknownNames()));
			}
			return ExitCodes.DONE;
		}

	}

	@Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
			description = {
					"Downloads the current AWS Price List offers that carry Bedrock (AmazonBedrock, "
							+ "AmazonBedrockFoundationModels, AmazonBedrockService) and writes a dated price book.",
					"",
					"Public HTTPS, no AWS credentials. Without --out the book goes to data/prices/ under the working "
							+ "directory, where analyze and run use it whenever --prices is not given. The book in "
							+ "force is replaced only once the new one is whole and loads." })
	static class Update implements Callable<Integer> {

		@Spec
		CommandLine.Model.CommandSpec spec;

		@Option(names = "--region", paramLabel = "REGION", split = ",",
				description = "Only these Regions (e.g. us-east-1,eu-west-1). Repeatable. Default: every Region.")
		List<String> regions = new ArrayList<>();

		@Option(names = "--out", paramLabel = "FILE",
				description = "The price book to write. Default: data/prices/bedrock-list-prices.csv.")
		Path out = PriceBookLoader.UPDATED_BOOK;

		@Option(names = "--names", paramLabel = "FILE",
				description = "Extra price_list_name,model_id rows for models the shipped name table lacks.")
		Path names;

		@Option(names = "--base-url", paramLabel = "URL",
				defaultValue = "${env:BCA_PRICE_LIST_URL:-" + PriceListFetcher.DEFAULT_BASE_URL + "}",
				description = "Where the offers are published (a mirror, or a test server); also the "
						+ "BCA_PRICE_LIST_URL environment variable. Default: ${DEFAULT-VALUE}.")
		String baseUrl;

		@Override
		public Integer call() throws Exception {
			Path target = this.out.toAbsolutePath();
			Files.createDirectories(target.getParent());
			List<PriceRow> before = inForce(target);
			// Downloads and the new book are written beside the target, so the final move
			// is a rename.
			Path work = Files.createTempDirectory(target.getParent(), ".prices-update-");
			try (DownloadProgress progress = new DownloadProgress()) {
				List<PriceListFetcher.OfferFile> offers = new PriceListFetcher(this.baseUrl).fetch(this.regions, work,
						progress);
				PriceListImporter.Result result = new PriceListImporter(PriceListImporter.names(this.names))
					.importDownloaded(offers);
				if (result.unitsNotUnderstood() > 0) {
					throw new PriceBookException(result.unitsNotUnderstood() + " token prices in the offers are in a "
							+ "unit this version does not understand; the book in force is unchanged");
				}
				if (result.rows().isEmpty()) {
					throw new PriceBookException("the offers hold no Bedrock token price this version can read; "
							+ "the book in force is unchanged");
				}
				Path written = work.resolve(target.getFileName());
				new PriceBookWriter().write(result.rows(), written, "Downloaded from the AWS Price List by 'prices "
						+ "update' on " + LocalDate.now(ZoneOffset.UTC) + ". USD per 1M tokens; empty = not offered.");
				// Read back as analyze will, so a bad book fails here and never replaces
				// a good one.
				new PriceBookLoader().load(written);
				Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				progress.close();
				PriceBookChanges changes = PriceBookChanges.between(before, result.rows());
				var console = this.spec.commandLine().getOut();
				console.printf(Locale.ROOT, "Wrote %d price rows from %d offer files to %s%n", result.rows().size(),
						offers.size(), this.out);
				console.printf(Locale.ROOT, "+%d rows, %d prices changed, %d withdrawn, %d units not understood%n",
						changes.added(), changes.changed(), changes.withdrawn(), result.unitsNotUnderstood());
				if (!result.unknownNames().isEmpty()) {
					console.println("Models without a model id, not in the book (add price_list_name,model_id rows "
							+ "with --names): " + String.join("; ", result.unknownNames()));
				}
				return ExitCodes.DONE;
			}
			finally {
				FileSystemUtils.deleteRecursively(work);
			}
		}

	}

	/**
	 * The rows the update is compared with: the book it replaces, or the shipped one;
	 * none if that is broken.
	 */
	private static List<PriceRow> inForce(Path target) {
		try {
			return (Files.isRegularFile(target) ? new PriceBookLoader().load(target)
					: new PriceBookLoader().loadShipped())
				.allRows();
		}
		catch (PriceBookException ex) {
			return List.of();
		}
	}

	/** A bar of offer files on an interactive terminal; nothing in logs or pipes. */
	private static final class DownloadProgress implements PriceListFetcher.Listener, AutoCloseable {

		private ProgressBar bar;

		@Override
		public void planned(int files) {
			if (System.console() != null) {
				this.bar = new ProgressBarBuilder().setTaskName("Downloading offers")
					.setInitialMax(files)
					.setStyle(ProgressBarStyle.ASCII)
					.build();
			}
		}

		@Override
		public void fetched(String offer, String region, long bytes) {
			if (this.bar != null) {
				this.bar.step();
				this.bar.setExtraMessage(" " + offer + " " + region);
			}
		}

		@Override
		public void close() {
			if (this.bar != null) {
				this.bar.close();
				this.bar = null;
			}
		}

	}

}
