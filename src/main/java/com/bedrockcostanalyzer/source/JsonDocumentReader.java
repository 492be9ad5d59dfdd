package com.bedrockcostanalyzer.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;

/**
 * Counts logs kept as JSON documents rather than one record a line: a CloudWatch Logs
 * Insights export (a JSON array of {@code {"@timestamp":…,"@message":"{…record…}"}}), or
 * records pretty-printed over many lines, one after the other. Each record is read as a
 * log line is; rejects are located as {@code element N} or {@code record N}. JSON that
 * breaks stops the reading there: what came before it counts.
 */
public final class JsonDocumentReader {

	private final LineParser parser;

	public JsonDocumentReader(LineParser parser) {
		this.parser = parser;
	}

	public void read(InputStream raw, RecordSink sink) throws IOException {
		int[] n = { 0 };
		String[] unit = { "record" };
		JsonValueStream.read(raw, sink, () -> unit[0] + " " + Math.max(1, n[0]), (p) -> {
			JsonToken token;
			while ((token = p.nextToken()) != null) {
				if (token == JsonToken.START_ARRAY) {
					unit[0] = "element";
					while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
						readElement(p, token, unit[0] + " " + ++n[0], sink);
					}
					continue;
				}
				readElement(p, token, unit[0] + " " + ++n[0], sink);
			}
		});
	}

	/** A record, or an Insights row whose {@code @message} is the record. */
	private void readElement(JsonParser p, JsonToken token, String location, RecordSink sink) {
		if (token != JsonToken.START_OBJECT) {
			p.skipChildren();
			sink.reject(location, "not a JSON object", null);
			return;
		}
		byte[] record = compact(p);
		byte[] message = insightsMessage(record);
		byte[] line = message != null ? message : record;
		ParsedLine parsed = this.parser.parse(line, 0, line.length);
		parsed.sendTo(sink, location);
	}

	/** The object the parser stands on, written out on one line. */
	private static byte[] compact(JsonParser p) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JsonGenerator g = JsonValues.FACTORY.createGenerator(ObjectWriteContext.empty(), bytes)) {
			g.copyCurrentStructure(p);
		}
		return bytes.toByteArray();
	}

	/** The {@code @message} of an Insights row, or null when the object is not one. */
	private static byte[] insightsMessage(byte[] object) {
		try (JsonParser p = JsonValues.FACTORY.createParser(ObjectReadContext.empty(), object)) {
			p.nextToken();
			while (p.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = p.currentName();
				JsonToken value = p.nextToken();
				if (name.equals("@message") && value == JsonToken.VALUE_STRING) {
					return p.getString().getBytes(StandardCharsets.UTF_8);
				}
				if (name.equals("schemaType")) {
					return null;
				}
				p.skipChildren();
			}
		}
		return null;
	}

}
