package com.bedrockcostanalyzer.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for the three Bedrock control-plane calls the analyzer makes,
 * answering the documented REST-JSON (moto does not serve them):
 * {@code GET /inference-profiles?type=APPLICATION} one profile a page, so that the
 * client's paging is exercised; {@code GET /inference-profiles/{id}}, which also knows
 * profiles the listing leaves out (another account's); and
 * {@code POST /listTagsForResource}. It can refuse everything as AWS does a caller
 * without the permission. Every request is recorded.
 */
public final class BedrockControlPlane implements AutoCloseable {

	public record Profile(String arn, List<String> modelArns, Map<String, String> tags, boolean listed) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final Map<String, Profile> profiles = new LinkedHashMap<>();

	private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

	private volatile boolean denyAll;

	public BedrockControlPlane() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public BedrockControlPlane add(Profile profile) {
		this.profiles.put(profile.arn(), profile);
		return this;
	}

	public void denyAll() {
		this.denyAll = true;
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** "METHOD path" of every request so far. */
	public List<String> requests() {
		synchronized (this.requests) {
			return List.copyOf(this.requests);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		String query = exchange.getRequestURI().getRawQuery();
		byte[] body = exchange.getRequestBody().readAllBytes();
		this.requests.add(exchange.getRequestMethod() + " " + path);
		if (this.denyAll) {
			error(exchange, 403, "AccessDeniedException", "not authorized to perform bedrock:ListInferenceProfiles");
			return;
		}
		if (path.equals("/inference-profiles")) {
			if (query == null || !query.contains("type=APPLICATION")) {
				error(exchange, 400, "ValidationException", "expected type=APPLICATION");
				return;
			}
			List<Profile> listed = this.profiles.values().stream().filter(Profile::listed).toList();
			int page = 0;
			for (String parameter : query.split("&")) {
				if (parameter.startsWith("nextToken=")) {
					page = Integer.parseInt(parameter.substring("nextToken=".length()));
				}
			}
			ObjectNode response = JSON.createObjectNode();
			ArrayNode summaries = response.putArray("inferenceProfileSummaries");
			if (page < listed.size()) {
				summaries.add(describe(listed.get(page)));
			}
			if (page + 1 < listed.size()) {
				response.put("nextToken", String.valueOf(page + 1));
			}
			send(exchange, 200, response);
		}
		else if (path.startsWith("/inference-profiles/")) {
			String id = URLDecoder.decode(path.substring("/inference-profiles/".length()), StandardCharsets.UTF_8);
			Profile profile = this.profiles.get(id);
			if (profile == null) {
				error(exchange, 404, "ResourceNotFoundException", "inference profile not found");
				return;
			}
			send(exchange, 200, describe(profile));
		}
		else if (path.equals("/listTagsForResource")) {
			JsonNode request = JSON.readTree(body);
			Profile profile = this.profiles.get(request.get("resourceARN").asString());
			if (profile == null) {
				error(exchange, 404, "ResourceNotFoundException", "resource not found");
				return;
			}
			ObjectNode response = JSON.createObjectNode();
			ArrayNode tags = response.putArray("tags");
			profile.tags().forEach((key, value) -> tags.addObject().put("key", key).put("value", value));
			send(exchange, 200, response);
		}
		else {
			error(exchange, 404, "UnknownOperationException", "no such operation");
		}
	}

	private static ObjectNode describe(Profile profile) {
		ObjectNode node = JSON.createObjectNode();
		node.put("inferenceProfileName", profile.arn().substring(profile.arn().lastIndexOf('/') + 1));
		node.put("inferenceProfileArn", profile.arn());
		node.put("inferenceProfileId", profile.arn().substring(profile.arn().lastIndexOf('/') + 1));
		node.put("status", "ACTIVE");
		node.put("type", "APPLICATION");
		ArrayNode models = node.putArray("models");
		profile.modelArns().forEach((arn) -> models.addObject().put("modelArn", arn));
		return node;
	}

	private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
		exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
		ObjectNode body = JSON.createObjectNode();
		body.put("message", message);
		send(exchange, status, body);
	}

	private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
