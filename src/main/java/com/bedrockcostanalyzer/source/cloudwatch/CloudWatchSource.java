package com.bedrockcostanalyzer.source.cloudwatch;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.bedrockcostanalyzer.source.InputSource;
import com.bedrockcostanalyzer.source.InputUnit;
import com.bedrockcostanalyzer.source.UnitFormat;
import com.bedrockcostanalyzer.source.UnsupportedSourceException;
import com.bedrockcostanalyzer.usage.Window;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * {@code cloudwatch:LOG_GROUP}: the group's events in one-hour slices of event time, each
 * slice a unit of the ledger (the window's hours plus one either side). A slice that may
 * still be receiving events is left for the next run rather than counted half.
 */
public final class CloudWatchSource implements InputSource {

	public static final String PREFIX = "cloudwatch:";

	/**
	 * Events arrive a little after their time; a slice is read once this long has passed
	 * since its end.
	 */
	static final Duration SETTLE = Duration.ofMinutes(15);

	static final DateTimeFormatter SLICE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH'h'");

	private final Supplier<CloudWatchLogsClient> clients;

	private final Clock clock;

	private CloudWatchLogsClient logs;

	public CloudWatchSource(Supplier<CloudWatchLogsClient> clients, Clock clock) {
		this.clients = clients;
		this.clock = clock;
	}

	private synchronized CloudWatchLogsClient logs() {
		if (this.logs == null) {
			this.logs = this.clients.get();
		}
		return this.logs;
	}

	@Override
	public boolean handles(String source) {
		return source.startsWith(PREFIX);
	}

	@Override
	public boolean overNetwork() {
		return true;
	}

	@Override
	public void check(String source) {
		String group = group(source);
		if (!group.matches("[\\.\\-_/#A-Za-z0-9]{1,512}")) {
			throw new UnsupportedSourceException("'" + group + "' is not a CloudWatch Logs group name");
		}
	}

	@Override
	public String canonicalName(String source) {
		return PREFIX + group(source);
	}

	static String group(String source) {
		return source.substring(PREFIX.length()).trim();
	}

	@Override
	public List<InputUnit> list(String source, Window window) {
		String name = canonicalName(source);
		Instant settled = this.clock.instant().minus(SETTLE);
		List<InputUnit> units = new ArrayList<>();
		LocalDateTime last = window.to().atStartOfDay().plusHours(1);
		for (LocalDateTime hour = window.from().atStartOfDay().minusHours(1); hour
			.isBefore(last); hour = hour.plusHours(1)) {
			if (hour.plusHours(1).toInstant(ZoneOffset.UTC).isAfter(settled)) {
				break;
			}
			String key = SLICE.format(hour);
			units.add(new InputUnit(name, key, name + " " + key, 0, "slice", UnitFormat.INVOCATION_LOG,
					hour.plusHours(1).toInstant(ZoneOffset.UTC)));
		}
		return units;
	}

	@Override
	public InputStream open(InputUnit unit) {
		LocalDateTime hour = LocalDateTime.parse(unit.key(), SLICE);
		Instant start = hour.toInstant(ZoneOffset.UTC);
		return new EventMessageStream(logs(), group(unit.source()), start, start.plus(Duration.ofHours(1)));
	}

}
