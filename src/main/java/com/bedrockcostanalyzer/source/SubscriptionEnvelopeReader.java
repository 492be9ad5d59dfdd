package com.bedrockcostanalyzer.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Counts what a CloudWatch Logs subscription delivered through Firehose: JSON envelopes
 * one after the other, with or without a separator, gzip as CloudWatch Logs compressed
 * them (several members in one object read whole), each
 * {@code {"messageType":"DATA_MESSAGE",…,"logEvents":[{"id":…,"timestamp":…,"message":"{…record…}"}]}}.
 * Every event's message is read as a log line is; {@code CONTROL_MESSAGE} envelopes are
 * Firehose's own checks and hold no record. A break in the JSON stops the reading there:
 * the envelopes before it count.
 */
public final class SubscriptionEnvelopeReader {

	private final LineParser parser;

	public SubscriptionEnvelopeReader(LineParser parser) {
		this.parser = parser;
	}

	public void read(InputStream raw, RecordSink sink) throws IOException {
		int[] envelope = { 0 };
		JsonValueStream.read(raw, sink, () -> "envelope " + Math.max(1, envelope[0]), (p) -> {
			JsonToken token;
			while ((token = p.nextToken()) != null) {
				envelope[0]++;
				if (token != JsonToken.START_OBJECT) {
					sink.reject("envelope " + envelope[0],
							"not a CloudWatch Logs subscription envelope; the rest of " + "the file is not read", null);
					return;
				}
				readEnvelope(p, envelope[0], sink);
			}
		});
	}

	/**
	 * One envelope: its events are held until its type is known (the fields may come in
	 * any order).
	 */
	private void readEnvelope(JsonParser p, int envelope, RecordSink sink) {
		String type = null;
		List<String> messages = new ArrayList<>();
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			JsonToken value = p.nextToken();
			if (name.equals("messageType")) {
				type = JsonValues.text(p, value);
			}
			else if (name.equals("logEvents") && value == JsonToken.START_ARRAY) {
				while (p.nextToken() == JsonToken.START_OBJECT) {
					String message = null;
					while (p.nextToken() == JsonToken.PROPERTY_NAME) {
						String field = p.currentName();
						JsonToken fieldValue = p.nextToken();
						if (field.equals("message")) {
							message = JsonValues.text(p, fieldValue);
						}
						else {
							p.skipChildren();
						}
					}
					messages.add(message);
				}
			}
			else {
				p.skipChildren();
			}
		}
		if ("CONTROL_MESSAGE".equals(type)) {
			return;
		}
		if (!"DATA_MESSAGE".equals(type)) {
			sink.reject("envelope " + envelope, "an envelope that is neither DATA_MESSAGE nor CONTROL_MESSAGE", null);
			return;
		}
		for (int event = 0; event < messages.size(); event++) {
			String location = "envelope " + envelope + ", event " + (event + 1);
			String message = messages.get(event);
			if (message == null) {
				sink.reject(location, "a log event without a message", null);
				continue;
			}
			byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
			ParsedLine parsed = this.parser.parse(bytes, 0, bytes.length);
			parsed.sendTo(sink, location);
		}
	}

}
