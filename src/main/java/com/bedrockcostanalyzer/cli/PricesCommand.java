package com.bedrockcostanalyzer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.bedrockcostanalyzer.pricing.PriceBookLoader;
import com.bedrockcostanalyzer.pricing.PriceBookWriter;
import com.bedrockcostanalyzer.pricing.PriceListImporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code prices}: work with price books. */
@Command(name = "prices", mixinStandardHelpOptions = true, description = "Work with price books.",
		subcommands = { PricesCommand.Import.class })
class PricesCommand implements Runnable {

	@Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "a subcommand is required, e.g. 'prices import'");
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
			// Read it back as analyze will, so a bad book fails here and not in a nightly run.
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

}
