package com.bedrockcostanalyzer.pricing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.usage.Scope;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code prices update} against a Price List served on loopback: the offers are the
 * import fixtures split per Region as AWS publishes them, with a Region index per offer.
 * Nothing reaches the internet.
 */
class PricesUpdateTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String MAVERICK = "meta.llama4-maverick-17b-instruct-v1:0";

	/** What the server answers, by path. */
	private record Answer(int status, byte[] body) {

		static Answer json(JsonNode node) {
			return new Answer(200, JSON.writeValueAsBytes(node));
		}

	}

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private HttpServer server;

	@TempDir
	Path work;

	private Path book;

	private Path names;

	@BeforeEach
	void serveTheOffers() throws Exception {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			Answer answer = this.answers.getOrDefault(exchange.getRequestURI().getPath(),
					new Answer(404, "not found".getBytes(StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(answer.status(), answer.body().length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer.body());
			}
		});
		this.server.start();
		publish("AmazonBedrock", "20261101000000", offer("AmazonBedrock", UnaryOperator.identity()));
		publish("AmazonBedrockFoundationModels", "20261101000000",
				offer("AmazonBedrockFoundationModels", UnaryOperator.identity()));
		publish("AmazonBedrockService", "20261101000000", offer("AmazonBedrockFoundationModels", (o) -> {
			// Reserved-capacity SKUs only: an offer this version reads no token price
			// from, which is fine.
			ObjectNode products = (ObjectNode) o.get("products");
			products.propertyNames().stream().filter((sku) -> !sku.equals("S15")).toList().forEach(products::remove);
			((ObjectNode) o).put("offerCode", "AmazonBedrockService");
			return o;
		}));

		// The book in force: what 'prices import' made of the same offers before the
		// change.
		this.book = this.work.resolve("prices").resolve("bedrock-list-prices.csv");
		Cli.Result imported = Cli.run("prices", "import", "--offer", "src/test/resources/offers/AmazonBedrock.json",
				"--offer", "src/test/resources/offers/AmazonBedrockFoundationModels.json", "--out",
				this.book.toString());
		assertThat(imported.exitCode()).as(imported.err()).isZero();
		this.names = this.work.resolve("names.csv");
		Files.writeString(this.names, "price_list_name,model_id\nLlama 4 Maverick 17B Instruct," + MAVERICK + "\n");
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void writesABookThatPricesANewModelAndAChangedPrice() throws Exception {
		publish("AmazonBedrock", "20261201000000", offer("AmazonBedrock", (o) -> {
			// Nova Pro's input 0.80 -> 0.75 per 1M, and a model the book has never had.
			price(o, "NP1", "0.00075");
			addSku(o, "LM1", "Llama 4 Maverick 17B Instruct", "USE1-Llama4-Maverick-17B-input-tokens", "0.00024");
			addSku(o, "LM2", "Llama 4 Maverick 17B Instruct", "USE1-Llama4-Maverick-17B-output-tokens", "0.00097");
			return o;
		}));

		Cli.Result update = update();

		assertThat(update.exitCode()).as(update.err()).isZero();
		// Old book: the 11 rows of the import. New: the same keys, Nova Pro's standard
		// row changed, Maverick added.
		assertThat(update.out()).contains("Wrote 12 price rows from 4 offer files")
			.contains("+1 rows, 1 prices changed, 0 withdrawn, 0 units not understood");
		CostCalculator prices = new CostCalculator(new PriceBookLoader().load(this.book));
		LocalDate day = LocalDate.of(2026, 12, 1);
		// 1M input x 0.24 + 1M output x 0.97
		assertThat(prices
			.cost(MAVERICK, "us-east-1", Scope.REGIONAL, Tier.STANDARD, day,
					new TokenCounts(1_000_000, 1_000_000, 0, 0, 0))
			.usd()).isEqualByComparingTo("1.21");
		assertThat(prices
			.cost("amazon.nova-pro-v1:0", "us-east-1", Scope.REGIONAL, Tier.STANDARD, day,
					new TokenCounts(1_000_000, 0, 0, 0, 0))
			.usd()).isEqualByComparingTo("0.75");
		String maverick = Files.readAllLines(this.book)
			.stream()
			.filter((l) -> l.startsWith(MAVERICK))
			.findFirst()
			.orElseThrow();
		assertThat(maverick).endsWith("AWS Price List AmazonBedrock 20261201000000 published 2026-09-01 SKU LM1+LM2");
	}

	@Test
	void downloadsOnlyTheRegionsAsked() throws Exception {
		Cli.Result update = update("--region", "ap-northeast-1");

		assertThat(update.exitCode()).as(update.err()).isZero();
		// Only AmazonBedrock lists ap-northeast-1: its Nova Pro row is the whole book,
		// the 10 US rows withdrawn.
		assertThat(update.out()).contains("Wrote 1 price rows from 1 offer files")
			.contains("+0 rows, 0 prices changed, 10 withdrawn");
		assertThat(Files.readAllLines(this.book).stream().filter((l) -> !l.startsWith("#")).toList()).hasSize(2)
			.last()
			.asString()
			.startsWith("amazon.nova-pro-v1:0,ap-northeast-1,regional,standard,standard,0.84,3.36,");
	}

	@ParameterizedTest
	@ValueSource(strings = { "index missing", "index not JSON", "file cut short", "connection closed early",
			"no Bedrock rows", "unknown unit", "another offer", "unknown Region" })
	void aBrokenAnswerLeavesTheBookInForce(String broken) throws Exception {
		byte[] before = Files.readAllBytes(this.book);
		String index = "/offers/v1.0/aws/AmazonBedrock/current/region_index.json";
		String usEast = "/offers/v1.0/aws/AmazonBedrock/20261101000000/us-east-1/index.json";
		byte[] file = this.answers.get(usEast).body();
		String[] extra = {};
		switch (broken) {
			case "index missing" -> this.answers.remove(index);
			case "index not JSON" -> this.answers.put(index,
					new Answer(200, "<html>Service Unavailable</html>".getBytes(StandardCharsets.UTF_8)));
			case "file cut short" -> this.answers.put(usEast, new Answer(200, Arrays.copyOf(file, file.length / 2)));
			case "connection closed early" -> {
				// The Region index sends the client to a server that promises the whole
				// file and hangs up halfway.
				int port = hangUpHalfway(file);
				ObjectNode regions = (ObjectNode) JSON.readTree(this.answers.get(index).body()).deepCopy();
				((ObjectNode) regions.get("regions").get("us-east-1")).put("currentVersionUrl",
						"http://127.0.0.1:" + port + usEast);
				this.answers.put(index, Answer.json(regions));
			}
			case "no Bedrock rows" -> this.answers.put(usEast, Answer.json(offer("AmazonBedrock", (o) -> {
				((ObjectNode) o).putObject("products");
				return o;
			})));
			case "unknown unit" -> this.answers.put(usEast, Answer.json(offer("AmazonBedrock", (o) -> {
				dimension(o, "NP2").put("unit", "1K characters");
				return o;
			})));
			case "another offer" -> this.answers.put(usEast, Answer.json(offer("AmazonBedrock", (o) -> {
				((ObjectNode) o).put("offerCode", "AmazonEC2");
				return o;
			})));
			case "unknown Region" -> extra = new String[] { "--region", "xx-nowhere-1" };
			default -> throw new IllegalArgumentException(broken);
		}

		Cli.Result update = update(extra);

		assertThat(update.exitCode()).isEqualTo(1);
		assertThat(update.err().strip().lines()).singleElement().asString().startsWith("error: ");
		assertThat(Files.readAllBytes(this.book)).isEqualTo(before);
		try (var left = Files.list(this.book.getParent())) {
			assertThat(left.map((p) -> p.getFileName().toString())).containsExactly("bedrock-list-prices.csv");
		}
	}

	private static int hangUpHalfway(byte[] body) throws IOException {
		ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		Thread thread = new Thread(() -> {
			try (socket; Socket connection = socket.accept()) {
				BufferedReader request = new BufferedReader(
						new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
				while (!request.readLine().isEmpty()) {
					// the request's headers
				}
				OutputStream out = connection.getOutputStream();
				out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
						+ "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				out.write(body, 0, body.length / 2);
				out.flush();
			}
			catch (IOException ex) {
				// the test fails on what the client saw
			}
		});
		thread.setDaemon(true);
		thread.start();
		return socket.getLocalPort();
	}

	private Cli.Result update(String... more) {
		String[] args = { "prices", "update", "--base-url", "http://127.0.0.1:" + this.server.getAddress().getPort(),
				"--out", this.book.toString(), "--names", this.names.toString() };
		String[] all = Arrays.copyOf(args, args.length + more.length);
		System.arraycopy(more, 0, all, args.length, more.length);
		return Cli.run(all);
	}

	/**
	 * Serves {@code offer} as that offer's current version, one file per Region its
	 * products are in.
	 */
	private void publish(String code, String version, JsonNode offer) {
		ObjectNode index = JSON.createObjectNode().put("formatVersion", "v1.0").put("offerCode", code);
		ObjectNode regions = index.putObject("regions");
		for (String region : offer.get("products")
			.valueStream()
			.map((p) -> p.get("attributes").get("regionCode").asString())
			.distinct()
			.toList()) {
			String path = "/offers/v1.0/aws/" + code + "/" + version + "/" + region + "/index.json";
			regions.putObject(region).put("regionCode", region).put("currentVersionUrl", path);
			ObjectNode part = (ObjectNode) offer.deepCopy();
			part.put("version", version);
			ObjectNode products = (ObjectNode) part.get("products");
			products.propertyNames()
				.stream()
				.filter((sku) -> !products.get(sku).get("attributes").get("regionCode").asString().equals(region))
				.toList()
				.forEach(products::remove);
			this.answers.put(path, Answer.json(part));
		}
		this.answers.put("/offers/v1.0/aws/" + code + "/current/region_index.json", Answer.json(index));
	}

	private static JsonNode offer(String fixture, UnaryOperator<JsonNode> change) {
		JsonNode offer = JSON.readTree(Path.of("src/test/resources/offers", fixture + ".json").toFile());
		return change.apply(offer);
	}

	private static ObjectNode dimension(JsonNode offer, String sku) {
		JsonNode term = offer.get("terms").get("OnDemand").get(sku).valueStream().findFirst().orElseThrow();
		return (ObjectNode) term.get("priceDimensions").valueStream().findFirst().orElseThrow();
	}

	private static void price(JsonNode offer, String sku, String usd) {
		((ObjectNode) dimension(offer, sku).get("pricePerUnit")).put("USD", usd);
	}

	private static void addSku(JsonNode offer, String sku, String model, String usageType, String usdPer1k) {
		ObjectNode product = ((ObjectNode) offer.get("products")).putObject(sku).put("sku", sku);
		product.putObject("attributes")
			.put("regionCode", "us-east-1")
			.put("usagetype", usageType)
			.put("model", model)
			.put("feature", "On-demand Inference");
		ObjectNode term = ((ObjectNode) offer.get("terms").get("OnDemand")).putObject(sku)
			.putObject(sku + ".JRTCKXETXF")
			.put("sku", sku)
			.put("effectiveDate", "2026-12-01T00:00:00Z");
		term.putObject("priceDimensions")
			.putObject(sku + ".JRTCKXETXF.6YS6EN2CT7")
			.put("unit", "1K tokens")
			.putObject("pricePerUnit")
			.put("USD", usdPer1k);
	}

}
