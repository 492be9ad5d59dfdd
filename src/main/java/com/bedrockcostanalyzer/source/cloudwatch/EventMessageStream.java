package com.bedrockcostanalyzer.source.cloudwatch;

import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;

/**
 * The messages of a group's events in {@code [start, end)} as NDJSON, one message per
 * line, fetched page by page with FilterLogEvents; the same reader as for files then
 * counts them. Throttling is retried by the SDK.
 */
final class EventMessageStream extends InputStream {

	private final CloudWatchLogsClient logs;

	private final String group;

	private final Instant start;

	private final Instant end;

	private byte[] page = new byte[0];

	private int position;

	private String nextToken;

	private boolean done;

	private boolean started;

	EventMessageStream(CloudWatchLogsClient logs, String group, Instant start, Instant end) {
		this.logs = logs;
		this.group = group;
		this.start = start;
		this.end = end;
	}

	@Override
	public int read() {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return n < 0 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] b, int off, int len) {
		while (this.position >= this.page.length) {
			if (this.done) {
				return -1;
			}
			fetch();
		}
		int n = Math.min(len, this.page.length - this.position);
		System.arraycopy(this.page, this.position, b, off, n);
		this.position += n;
		return n;
	}

	private void fetch() {
		if (this.started && this.nextToken == null) {
			this.done = true;
			this.page = new byte[0];
			this.position = 0;
			return;
		}
		FilterLogEventsResponse response = this.logs.filterLogEvents(FilterLogEventsRequest.builder()
			.logGroupName(this.group)
			.startTime(this.start.toEpochMilli())
			// endTime is inclusive; the slice is [start, end).
			.endTime(this.end.toEpochMilli() - 1)
			.nextToken(this.nextToken)
			.build());
		this.started = true;
		String token = response.nextToken();
		// A repeated token means the end has been reached.
		this.nextToken = (token == null || token.equals(this.nextToken)) ? null : token;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (FilteredLogEvent event : response.events()) {
			out.writeBytes(event.message().getBytes(StandardCharsets.UTF_8));
			out.write('\n');
		}
		this.page = out.toByteArray();
		this.position = 0;
	}

}
