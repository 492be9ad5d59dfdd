package com.bedrockcostanalyzer.source;

import java.time.LocalDate;

import com.bedrockcostanalyzer.usage.NormalizedModel;
import com.bedrockcostanalyzer.usage.Tier;
import com.bedrockcostanalyzer.usage.TokenCounts;
import com.bedrockcostanalyzer.usage.UsageRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one line of a batch-inference output ({@code {recordId, modelInput, modelOutput}}
 * or {@code {recordId, modelInput, error}}): usage already billed on the batch tier. The
 * lines carry neither model nor time, so both come from the job (its configured model,
 * the output file's date); the prompt is stepped over.
 */
public final class BatchOutputParser implements LineParser {

	private final NormalizedModel model;

	private final LocalDate day;

	private final String region;

	private final String path;

	public BatchOutputParser(NormalizedModel model, LocalDate day, String region, String path) {
		this.model = model;
		this.day = day;
		this.region = region;
		this.path = path;
	}

	@Override
	public ParsedLine parse(byte[] buffer, int offset, int length) {
		LoggedUsage usage = new LoggedUsage();
		boolean output = false;
		boolean error = false;
		// Prompts and completions are stepped over in a copy without them (see
		// ShortenedLine).
		ShortenedLine view = ShortenedLine.of(buffer, offset, length);
		try (JsonParser p = view.parser()) {
			if (p.nextToken() != JsonToken.START_OBJECT) {
				return ParsedLine.rejected("not a JSON object", this.day);
			}
			while (p.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = p.currentName();
				JsonToken value = p.nextToken();
				if (name.equals("modelOutput") && value == JsonToken.START_OBJECT) {
					output = true;
					readOutput(p, usage, view);
				}
				else if (name.equals("error") && value != JsonToken.VALUE_NULL) {
					error = true;
					p.skipChildren();
				}
				else {
					p.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			return ParsedLine.rejected(JsonValues.describe(ex, view::toLine), this.day);
		}
		if (error) {
			return ParsedLine.of(new UsageRecord(this.day, this.region, this.model, Tier.BATCH, this.path, 0, 1, 0, 0,
					TokenCounts.ZERO));
		}
		if (!output) {
			return ParsedLine.rejected("neither modelOutput nor error", this.day);
		}
		if (usage.problem != null) {
			return ParsedLine.rejected(usage.problem, this.day);
		}
		if (usage.input < 0) {
			return ParsedLine.rejected("no input token count in modelOutput", this.day);
		}
		return ParsedLine.of(new UsageRecord(this.day, this.region, this.model, Tier.BATCH, this.path, 1, 0, 0,
				usage.truncated ? 1 : 0, usage.tokens()));
	}

	/** The usage of Anthropic, Converse/Nova, Titan and Llama bodies. */
	private static void readOutput(JsonParser p, LoggedUsage usage, ShortenedLine view) {
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			JsonToken value = p.nextToken();
			switch (name) {
				case "usage" -> readUsage(p, value, usage);
				case "inputTextTokenCount", "prompt_token_count" ->
					usage.input = JsonValues.count(p, value, "modelOutput." + name, usage::problem);
				case "generation_token_count" ->
					usage.output = JsonValues.count(p, value, "modelOutput." + name, usage::problem);
				case "results" -> readTitanResults(p, value, usage, view);
				case "stop_reason", "stopReason" -> usage.stopReason(view.text(p, value));
				default -> p.skipChildren();
			}
		}
	}

	private static void readUsage(JsonParser p, JsonToken token, LoggedUsage usage) {
		if (token != JsonToken.START_OBJECT) {
			p.skipChildren();
			return;
		}
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			JsonToken value = p.nextToken();
			String field = "modelOutput.usage." + name;
			switch (name) {
				case "input_tokens", "inputTokens" -> usage.input = JsonValues.count(p, value, field, usage::problem);
				case "output_tokens", "outputTokens" ->
					usage.output = JsonValues.count(p, value, field, usage::problem);
				case "cache_read_input_tokens", "cacheReadInputTokens", "cacheReadInputTokenCount" ->
					usage.cacheRead = JsonValues.count(p, value, field, usage::problem);
				case "cache_creation_input_tokens", "cacheWriteInputTokens", "cacheWriteInputTokenCount" ->
					usage.cacheWrite = JsonValues.count(p, value, field, usage::problem);
				case "cache_creation" -> {
					if (value != JsonToken.START_OBJECT) {
						p.skipChildren();
						break;
					}
					while (p.nextToken() == JsonToken.PROPERTY_NAME) {
						String inner = p.currentName();
						JsonToken innerValue = p.nextToken();
						if (inner.equals("ephemeral_1h_input_tokens")) {
							usage.cacheWrite1h = JsonValues.count(p, innerValue, field + "." + inner, usage::problem);
						}
						else {
							p.skipChildren();
						}
					}
				}
				default -> p.skipChildren();
			}
		}
	}

	private static void readTitanResults(JsonParser p, JsonToken token, LoggedUsage usage, ShortenedLine view) {
		if (token != JsonToken.START_ARRAY) {
			p.skipChildren();
			return;
		}
		long total = 0;
		JsonToken element;
		while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
			if (element != JsonToken.START_OBJECT) {
				p.skipChildren();
				continue;
			}
			while (p.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = p.currentName();
				JsonToken value = p.nextToken();
				if (name.equals("tokenCount")) {
					total += Math.max(JsonValues.count(p, value, "modelOutput.results.tokenCount", usage::problem), 0);
				}
				else if (name.equals("completionReason")) {
					usage.truncated |= "LENGTH".equals(view.text(p, value));
				}
				else {
					p.skipChildren();
				}
			}
		}
		usage.output = total;
	}

}
