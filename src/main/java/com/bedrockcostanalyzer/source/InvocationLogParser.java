package com.bedrockcostanalyzer.source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import com.bedrockcostanalyzer.usage.InvocationDetail;
import com.bedrockcostanalyzer.usage.ModelIdNormalizer;
import com.bedrockcostanalyzer.usage.PathResolver;
import com.bedrockcostanalyzer.usage.Regions;
import com.bedrockcostanalyzer.usage.RequestId;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;
import com.bedrockcostanalyzer.usage.UsageRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one model-invocation log record with Jackson's streaming parser: the few fields
 * that matter are picked out and the prompt and completion text is stepped over without
 * ever being turned into objects. Nothing from the input goes into a reject reason.
 */
public final class InvocationLogParser implements LineParser {

	static final String SCHEMA_TYPE = "ModelInvocationLog";

	private final ModelIdNormalizer models;

	private final PathResolver paths;

	public InvocationLogParser(ModelIdNormalizer models, PathResolver paths) {
		this.models = models;
		this.paths = paths;
	}

	@Override
	public ParsedLine parse(byte[] buffer, int offset, int length) {
		Fields f = new Fields();
		ShortenedLine view = ShortenedLine.of(buffer, offset, length);
		f.view = view;
		try (JsonParser p = view.parser()) {
			if (p.nextToken() != JsonToken.START_OBJECT) {
				return ParsedLine.rejected("not a JSON object", null);
			}
			readRecord(p, f);
			if (p.nextToken() != null) {
				return ParsedLine.rejected("unexpected content after the record", null);
			}
		}
		catch (JacksonException ex) {
			return ParsedLine.rejected(JsonValues.describe(ex, view::toLine), null);
		}
		return toRecord(f);
	}

	private ParsedLine toRecord(Fields f) {
		if (f.schemaType == null) {
			return ParsedLine.rejected("no schemaType: not a model-invocation log record", null);
		}
		if (!SCHEMA_TYPE.equals(f.schemaType)) {
			return ParsedLine.foreignSchema();
		}
		if (f.timestamp == null) {
			return ParsedLine.rejected("missing timestamp", null);
		}
		Instant at = parseInstant(f.timestamp);
		if (at == null) {
			return ParsedLine.rejected("timestamp is not an RFC 3339 date-time", null);
		}
		LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
		if (f.problem != null) {
			return ParsedLine.rejected(f.problem, day);
		}
		if (f.modelId == null || f.modelId.isBlank()) {
			return ParsedLine.rejected("missing modelId", day);
		}
		if (f.region == null || f.region.isBlank()) {
			return ParsedLine.rejected("missing region", day);
		}
		if (!Regions.isRegionCode(f.region)) {
			return ParsedLine.rejected("region is not an AWS Region code", day);
		}
		boolean error = f.errorCode != null;
		if (!error && f.input < 0) {
			return ParsedLine.rejected("missing input.inputTokenCount", day);
		}
		boolean streaming = f.operation != null && f.operation.endsWith("Stream");
		String path = this.paths.resolve(f.requestMetadata, f.identityArn);
		if (error) {
			// Failed calls are not billed: counted as errors, never as requests or
			// tokens.
			return ParsedLine.of(new UsageRecord(day, f.region, this.models.normalize(f.modelId), f.billedTier(), path,
					0, 1, 0, 0, TokenCounts.ZERO, InvocationDetail.ofError(at, RequestId.of(f.requestId))));
		}
		TokenCounts tokens = f.tokens();
		return ParsedLine.of(new UsageRecord(day, f.region, this.models.normalize(f.modelId), f.billedTier(), path, 1,
				0, streaming ? 1 : 0, f.truncated ? 1 : 0, tokens, detail(f, at, tokens)));
	}

	private static InvocationDetail detail(Fields f, Instant at, TokenCounts tokens) {
		long fingerprint = 0;
		long prefixTokens = 0;
		if (f.prefix != null && f.prefix.bytes() > 0 && f.requestBodyBytes > 0) {
			// Tokens per byte of this very request, applied to the prefix's length:
			// calibrated per record.
			long promptTokens = tokens.input() + tokens.cacheRead() + tokens.cacheWrite();
			fingerprint = f.prefix.fingerprint();
			prefixTokens = Math.min(promptTokens, f.prefix.bytes() * promptTokens / f.requestBodyBytes);
		}
		return new InvocationDetail(at, PathResolver.isPerson(f.identityArn), fingerprint, prefixTokens,
				f.prefix != null && f.prefix.cacheMarked(), RequestId.of(f.requestId));
	}

	/** An RFC 3339 date-time ({@code Z} or an offset), or null. */
	static Instant parseInstant(String timestamp) {
		Instant canonical = parseCanonicalInstant(timestamp);
		if (canonical != null) {
			return canonical;
		}
		try {
			return Instant.parse(timestamp);
		}
		catch (DateTimeParseException ex) {
			try {
				return OffsetDateTime.parse(timestamp).toInstant();
			}
			catch (DateTimeParseException ex2) {
				return null;
			}
		}
	}

	/**
	 * The form Bedrock writes, {@code 2026-09-01T12:34:56Z} with or without a fraction of
	 * up to nine digits, read without a formatter (which costs more than the rest of a
	 * record's fields); null for anything else, which then takes the general path.
	 */
	static Instant parseCanonicalInstant(String s) {
		int length = (s != null) ? s.length() : 0;
		if (length < 20 || length > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
				|| s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(length - 1) != 'Z') {
			return null;
		}
		int year = digits(s, 0, 4);
		int month = digits(s, 5, 2);
		int day = digits(s, 8, 2);
		int hour = digits(s, 11, 2);
		int minute = digits(s, 14, 2);
		int second = digits(s, 17, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()
				|| hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
			return null;
		}
		int nanos = 0;
		if (length > 20) {
			int fraction = length - 21;
			if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
				return null;
			}
			nanos = digits(s, 20, fraction);
			if (nanos < 0) {
				return null;
			}
			for (int i = fraction; i < 9; i++) {
				nanos *= 10;
			}
		}
		else if (s.charAt(19) != 'Z') {
			return null;
		}
		long epochDay = LocalDate.of(year, month, day).toEpochDay();
		return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
	}

	/** The decimal number in {@code count} ASCII digits from {@code from}, or -1. */
	private static int digits(String s, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	/** The UTC day of an RFC 3339 date-time, or null. */
	static LocalDate parseDay(String timestamp) {
		Instant at = parseInstant(timestamp);
		return at == null ? null : LocalDate.ofInstant(at, ZoneOffset.UTC);
	}

	private static void readRecord(JsonParser p, Fields f) {
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			JsonToken token = p.nextToken();
			switch (name) {
				case "schemaType" -> f.schemaType = text(p, token, f);
				case "timestamp" -> f.timestamp = f.once(f.timestamp, text(p, token, f), "timestamp");
				case "region" -> f.region = f.once(f.region, text(p, token, f), "region");
				case "requestId" -> f.requestId = f.once(f.requestId, text(p, token, f), "requestId");
				case "operation" -> f.operation = text(p, token, f);
				case "modelId" -> f.modelId = f.once(f.modelId, text(p, token, f), "modelId");
				case "errorCode" -> f.errorCode = text(p, token, f);
				case "identity" -> readIdentity(p, token, f);
				case "requestMetadata" -> f.requestMetadata = readMetadata(p, token, f);
				case "input" -> readInput(p, token, f);
				case "output" -> readOutput(p, token, f);
				case "performanceConfig" -> f.latencyServed = readLatency(p, token, f);
				default -> p.skipChildren();
			}
		}
	}

	private static void readIdentity(JsonParser p, JsonToken token, Fields f) {
		if (token != JsonToken.START_OBJECT) {
			p.skipChildren();
			return;
		}
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			JsonToken value = p.nextToken();
			if (name.equals("arn")) {
				f.identityArn = text(p, value, f);
			}
			else {
				p.skipChildren();
			}
		}
	}

	private static Map<String, String> readMetadata(JsonParser p, JsonToken token, Fields f) {
		if (token != JsonToken.START_OBJECT) {
			p.skipChildren();
			return null;
		}
		Map<String, String> metadata = new HashMap<>();
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			JsonToken value = p.nextToken();
			if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
				metadata.put(name, text(p, value, f));
			}
			else {
				p.skipChildren();
			}
		}
		return metadata;
	}

	private static void readInput(JsonParser p, JsonToken token, Fields f) {
		if (token != JsonToken.START_OBJECT) {
			p.skipChildren();
			return;
		}
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			JsonToken value = p.nextToken();
			switch (name) {
				case "inputTokenCount" ->
					f.input = f.once(f.input, count(p, value, "input.inputTokenCount", f), "input.inputTokenCount");
				case "cacheReadInputTokenCount" -> f.cacheRead = f.once(f.cacheRead,
						count(p, value, "input.cacheReadInputTokenCount", f), "input.cacheReadInputTokenCount");
				case "cacheWriteInputTokenCount" -> f.cacheWrite = f.once(f.cacheWrite,
						count(p, value, "input.cacheWriteInputTokenCount", f), "input.cacheWriteInputTokenCount");
				case "inputBodyJson" -> {
					long start = f.view.toLine(p.currentTokenLocation().getByteOffset());
					readRequestBody(p, value, f);
					f.requestBodyBytes = Math.max(0, f.view.toLine(p.currentLocation().getByteOffset()) - start);
				}
				default -> p.skipChildren();
			}
		}
	}

	private static void readOutput(JsonParser p, JsonToken token, Fields f) {
		if (token != JsonToken.START_OBJECT) {
			p.skipChildren();
			return;
		}
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			JsonToken value = p.nextToken();
			switch (name) {
				case "outputTokenCount" -> f.output = f.once(f.output, count(p, value, "output.outputTokenCount", f),
						"output.outputTokenCount");
				case "outputBodyJson" -> readResponseBody(p, value, f);
				default -> p.skipChildren();
			}
		}
	}

	/**
	 * The request body: the service tier, and a fingerprint of the cacheable prefix
	 * (system prompt and tools; the system turn of a Llama prompt). Messages are only
	 * looked through for cache-point markers; their text is stepped over.
	 */
	private static void readRequestBody(JsonParser p, JsonToken token, Fields f) {
		if (token != JsonToken.START_OBJECT) {
			p.skipChildren();
			return;
		}
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			JsonToken value = p.nextToken();
			switch (name) {
				case "serviceTier", "service_tier" -> readServiceTier(p, value, f);
				case "performanceConfig" -> f.latencyAsked = readLatency(p, value, f);
				case "system", "tools", "toolConfig" -> f.prefix().addValue(p, value, f.view);
				case "messages" -> findCacheMarkers(p, value, f);
				case "prompt" -> llamaSystemTurn(p, value, f);
				default -> p.skipChildren();
			}
		}
	}

	private static void findCacheMarkers(JsonParser p, JsonToken token, Fields f) {
		if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
			f.prefix().findMarkers(p);
		}
	}

	private static final String LLAMA_SYSTEM = "<|start_header_id|>system<|end_header_id|>";

	private static void llamaSystemTurn(JsonParser p, JsonToken token, Fields f) {
		if (token != JsonToken.VALUE_STRING) {
			p.skipChildren();
			return;
		}
		String prompt = text(p, token, f);
		int start = prompt.indexOf(LLAMA_SYSTEM);
		if (start >= 0) {
			int end = prompt.indexOf("<|eot_id|>", start);
			f.prefix().addText(prompt.substring(start, end < 0 ? prompt.length() : end));
		}
	}

	/**
	 * The response body: an object (Converse, InvokeModel) or an array of stream events
	 * (InvokeModelWithResponseStream). Read for the 1-hour cache-write split, the stop
	 * reason and the service tier.
	 */
	private static void readResponseBody(JsonParser p, JsonToken token, Fields f) {
		if (token == JsonToken.START_OBJECT) {
			readResponseObject(p, f, true);
		}
		else if (token == JsonToken.START_ARRAY) {
			while (p.nextToken() != JsonToken.END_ARRAY) {
				if (p.currentToken() == JsonToken.START_OBJECT) {
					readStreamEvent(p, f);
				}
				else {
					p.skipChildren();
				}
			}
		}
		else {
			p.skipChildren();
		}
	}

	private static void readResponseObject(JsonParser p, Fields f, boolean topLevel) {
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			JsonToken value = p.nextToken();
			switch (name) {
				case "usage" -> readUsage(p, value, f);
				case "stopReason", "stop_reason" -> f.stopReason(text(p, value, f));
				case "serviceTier", "service_tier" -> readServiceTier(p, value, f);
				case "performanceConfig" -> f.latencyServed = readLatency(p, value, f);
				case "output" -> {
					// Some Converse dumps nest usage and stopReason under "output".
					if (topLevel && value == JsonToken.START_OBJECT) {
						readResponseObject(p, f, false);
					}
					else {
						p.skipChildren();
					}
				}
				default -> p.skipChildren();
			}
		}
	}

	private static void readStreamEvent(JsonParser p, Fields f) {
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			JsonToken value = p.nextToken();
			if ((name.equals("message") || name.equals("delta")) && value == JsonToken.START_OBJECT) {
				// message_start carries message.usage; message_delta carries
				// delta.stop_reason.
				readResponseObject(p, f, false);
			}
			else if (name.equals("usage")) {
				readUsage(p, value, f);
			}
			else {
				p.skipChildren();
			}
		}
	}

	private static void readUsage(JsonParser p, JsonToken token, Fields f) {
		if (token != JsonToken.START_OBJECT) {
			p.skipChildren();
			return;
		}
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			JsonToken value = p.nextToken();
			if (name.equals("cache_creation") && value == JsonToken.START_OBJECT) {
				while (p.nextToken() == JsonToken.PROPERTY_NAME) {
					String inner = p.currentName();
					JsonToken innerValue = p.nextToken();
					if (inner.equals("ephemeral_1h_input_tokens") && innerValue == JsonToken.VALUE_NUMBER_INT
							&& f.cacheWrite1h < 0) {
						f.cacheWrite1h = p.getLongValue();
					}
					else {
						p.skipChildren();
					}
				}
			}
			else if (name.equals("cacheDetails") && value == JsonToken.START_ARRAY) {
				readCacheDetails(p, f);
			}
			else {
				p.skipChildren();
			}
		}
	}

	/** Converse {@code usage.cacheDetails: [{ttl: "1h"|"5m", inputTokens}]}. */
	private static void readCacheDetails(JsonParser p, Fields f) {
		long oneHour = 0;
		boolean seen = false;
		JsonToken element;
		while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
			if (element != JsonToken.START_OBJECT) {
				p.skipChildren();
				continue;
			}
			String ttl = null;
			long tokens = 0;
			while (p.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = p.currentName();
				JsonToken value = p.nextToken();
				if (name.equals("ttl")) {
					ttl = text(p, value, f);
				}
				else if (name.equals("inputTokens") && value == JsonToken.VALUE_NUMBER_INT) {
					tokens = p.getLongValue();
				}
				else {
					p.skipChildren();
				}
			}
			if ("1h".equals(ttl)) {
				oneHour += tokens;
			}
			seen = true;
		}
		if (seen && f.cacheWrite1h < 0) {
			f.cacheWrite1h = oneHour;
		}
	}

	/**
	 * {@code {"latency": "optimized" | "standard"}}: the latency setting, or null when
	 * absent or of another shape.
	 */
	private static String readLatency(JsonParser p, JsonToken token, Fields f) {
		if (token != JsonToken.START_OBJECT) {
			p.skipChildren();
			return null;
		}
		String latency = null;
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			JsonToken value = p.nextToken();
			if (name.equals("latency") && value == JsonToken.VALUE_STRING) {
				latency = text(p, value, f);
			}
			else {
				p.skipChildren();
			}
		}
		return latency;
	}

	private static void readServiceTier(JsonParser p, JsonToken token, Fields f) {
		String type = null;
		if (token == JsonToken.VALUE_STRING) {
			type = text(p, token, f);
		}
		else if (token == JsonToken.START_OBJECT) {
			while (p.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = p.currentName();
				JsonToken value = p.nextToken();
				if (name.equals("type")) {
					type = text(p, value, f);
				}
				else {
					p.skipChildren();
				}
			}
		}
		else {
			p.skipChildren();
		}
		if (type != null) {
			switch (type) {
				case "flex" -> f.tier = Tier.FLEX;
				case "priority" -> f.tier = Tier.PRIORITY;
				case "reserved" -> f.tier = Tier.RESERVED;
				default -> {
					// "default" and anything unknown stay on the standard tier.
				}
			}
		}
	}

	private static String text(JsonParser p, JsonToken token, Fields f) {
		return f.view.text(p, token);
	}

	private static long count(JsonParser p, JsonToken token, String field, Fields f) {
		return JsonValues.count(p, token, field, f::problem);
	}

	private static final class Fields extends LoggedUsage {

		String schemaType;

		String timestamp;

		String region;

		String requestId;

		String operation;

		String modelId;

		String errorCode;

		String identityArn;

		Map<String, String> requestMetadata;

		long requestBodyBytes;

		ShortenedLine view;

		PrefixHasher prefix;

		PrefixHasher prefix() {
			if (this.prefix == null) {
				this.prefix = new PrefixHasher();
			}
			return this.prefix;
		}

		Tier tier = Tier.STANDARD;

		/**
		 * The latency the request asked for, and the one the log or the response says it
		 * was served at.
		 */
		String latencyAsked;

		String latencyServed;

		/**
		 * The tier billed: latency-optimized where the request was served so (a request
		 * that asked for it falls back to standard, billed at standard, when the response
		 * or the log says so).
		 */
		Tier billedTier() {
			String latency = this.latencyServed != null ? this.latencyServed : this.latencyAsked;
			return this.tier == Tier.STANDARD && "optimized".equals(latency) ? Tier.LATENCY_OPTIMIZED : this.tier;
		}

	}

}
