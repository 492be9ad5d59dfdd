package com.bedrockcostanalyzer.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;
import java.util.zip.ZipException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Reads a file of JSON values, gzip or not, with one parser, for the readers of logs kept
 * as JSON documents rather than lines. JSON that breaks stops the reading there, what
 * came before it counted; gzip cut short or damaged is treated as the line reader treats
 * it. The parser hands the stream's own failures on wrapped, so they are unwrapped to
 * tell a break in the gzip from a break in the JSON.
 */
final class JsonValueStream {

	/** What the values hold, read into the sink. */
	interface Values {

		void read(JsonParser parser);

	}

	private JsonValueStream() {
	}

	/**
	 * @param where the location of the value being read, for a reject that stops the
	 * reading
	 */
	static void read(InputStream raw, RecordSink sink, Supplier<String> where, Values values) throws IOException {
		try (InputStream in = Decompression.maybeGunzip(raw);
				JsonParser parser = JsonValues.FACTORY.createParser(ObjectReadContext.empty(), in)) {
			values.read(parser);
		}
		catch (JacksonIOException ex) {
			stopped(ex.getCause(), where.get(), sink);
		}
		catch (JacksonException ex) {
			sink.reject(where.get(), "not JSON from here on (" + JsonValues.describe(ex, (offset) -> offset)
					+ "); what came before it counts", null);
		}
		catch (EOFException | ZipException ex) {
			stopped(ex, where.get(), sink);
		}
		sink.commit();
	}

	private static void stopped(IOException failure, String where, RecordSink sink) throws IOException {
		if (failure instanceof EOFException) {
			sink.reject(where, "gzip stream is truncated; what it breaks off in is not counted", null);
		}
		else if (failure instanceof ZipException) {
			// Corrupt: what the damaged part held may be altered, so none of what was
			// read counts.
			sink.discard();
			sink.reject(where, "gzip data is corrupt; the records of the damaged part are not counted", null);
		}
		else {
			throw failure;
		}
	}

}
