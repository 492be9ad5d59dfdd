package com.bedrockcostanalyzer.pricing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downloads the AWS Price List offers that carry Bedrock, one file per offer and Region,
 * through each offer's Region index
 * ({@code /offers/v1.0/aws/{offer}/current/region_index.json}), so a user can limit a
 * download to the Regions they run in. Public HTTPS, no credentials. A failed download is
 * one sentence naming the offer, the Region and the address; the files are written only
 * where the caller says, so a failed download leaves nothing in force changed.
 */
public final class PriceListFetcher {

	/** Where AWS publishes the bulk offers. */
	public static final String DEFAULT_BASE_URL = "https://pricing.us-east-1.amazonaws.com";

	/**
	 * The offers Bedrock's prices are split across; loading only the first misses every
	 * current Claude rate.
	 */
	public static final List<String> OFFERS = List.of("AmazonBedrock", "AmazonBedrockFoundationModels",
			"AmazonBedrockService");

	/** Told of each file as it arrives, for a progress bar. */
	public interface Listener {

		void planned(int files);

		void fetched(String offer, String region, long bytes);

	}

	/** One downloaded offer file. */
	public record OfferFile(String offer, String region, URI address, Path file) {
	}

	private final URI base;

	private final HttpClient http;

	private final JsonMapper mapper = JsonMapper.builder().build();

	public PriceListFetcher(String baseUrl) {
		this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
		this.http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(30))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	/**
	 * Downloads every offer's file for each of {@code regions} (all the Regions an offer
	 * lists when empty) into {@code folder}; {@link PriceListImporter#importDownloaded}
	 * checks each as it reads it.
	 */
	public List<OfferFile> fetch(Collection<String> regions, Path folder, Listener listener) {
		Map<String, Map<String, URI>> plan = new LinkedHashMap<>();
		Set<String> offered = new TreeSet<>();
		for (String offer : OFFERS) {
			Map<String, URI> files = regionFiles(offer);
			offered.addAll(files.keySet());
			if (!regions.isEmpty()) {
				files.keySet().retainAll(regions);
			}
			plan.put(offer, files);
		}
		for (String region : regions) {
			if (!offered.contains(region)) {
				throw new PriceBookException("no Bedrock offer lists the Region " + region + " (Regions listed: "
						+ String.join(", ", offered) + ")");
			}
		}
		listener.planned(plan.values().stream().mapToInt(Map::size).sum());
		List<OfferFile> fetched = new ArrayList<>();
		plan.forEach((offer, files) -> files.forEach((region, address) -> {
			Path file = folder.resolve(offer + "-" + region + ".json");
			long bytes = download(address, file, offer + " offer for " + region);
			fetched.add(new OfferFile(offer, region, address, file));
			listener.fetched(offer, region, bytes);
		}));
		return fetched;
	}

	private Map<String, URI> regionFiles(String offer) {
		URI index = this.base.resolve("offers/v1.0/aws/" + offer + "/current/region_index.json");
		JsonNode root = json(get(index, offer + " Region index"), offer + " Region index", index);
		JsonNode regions = root.path("regions");
		if (!regions.isObject() || regions.isEmpty()) {
			throw new PriceBookException("the " + offer + " Region index at " + index + " lists no Regions");
		}
		Map<String, URI> files = new LinkedHashMap<>();
		for (var entry : regions.properties()) {
			String url = entry.getValue().path("currentVersionUrl").asString("");
			if (url.isEmpty()) {
				throw new PriceBookException(
						"the " + offer + " Region index at " + index + " gives no file for " + entry.getKey());
			}
			files.put(entry.getKey(), this.base.resolve(url.startsWith("/") ? url.substring(1) : url));
		}
		return files;
	}

	private String get(URI address, String what) {
		HttpResponse<String> response = send(address, HttpResponse.BodyHandlers.ofString(), what);
		return response.body();
	}

	private long download(URI address, Path file, String what) {
		send(address, HttpResponse.BodyHandlers.ofFile(file), what);
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new PriceBookException("the " + what + " was downloaded but cannot be read: " + ex.getMessage());
		}
	}

	private <T> HttpResponse<T> send(URI address, HttpResponse.BodyHandler<T> handler, String what) {
		HttpRequest request = HttpRequest.newBuilder(address).timeout(Duration.ofMinutes(5)).GET().build();
		HttpResponse<T> response;
		try {
			response = this.http.send(request, handler);
		}
		catch (IOException ex) {
			throw new PriceBookException("the " + what + " could not be downloaded from " + address + ": "
					+ (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PriceBookException("the download of the " + what + " was interrupted");
		}
		if (response.statusCode() != 200) {
			throw new PriceBookException(
					"the " + what + " could not be downloaded from " + address + ": HTTP " + response.statusCode());
		}
		return response;
	}

	private JsonNode json(String text, String what, URI address) {
		try {
			return this.mapper.readTree(text);
		}
		catch (JacksonException ex) {
			throw new PriceBookException("the " + what + " at " + address + " is not JSON: " + ex.getOriginalMessage());
		}
	}

}
