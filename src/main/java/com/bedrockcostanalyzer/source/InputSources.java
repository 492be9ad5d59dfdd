package com.bedrockcostanalyzer.source;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import com.bedrockcostanalyzer.source.cloudwatch.CloudWatchSource;
import com.bedrockcostanalyzer.source.s3.S3Source;
import com.bedrockcostanalyzer.usage.Window;

/**
 * Every kind of source, chosen by the form of the {@code --source} value. AWS clients are
 * made only when needed.
 */
@Component
public class InputSources {

	private final List<InputSource> sources;

	public InputSources() {
		this(new AwsClientFactory());
	}

	public InputSources(AwsClientFactory aws) {
		this(List.of(new S3Source(aws::s3), new CloudWatchSource(aws::cloudWatchLogs, Clock.systemUTC()),
				new LocalSource()));
	}

	public InputSources(List<InputSource> sources) {
		this.sources = List.copyOf(sources);
	}

	private InputSource sourceFor(String source) {
		return this.sources.stream()
			.filter((s) -> s.handles(source))
			.findFirst()
			.orElseThrow(() -> new UnsupportedSourceException("cannot read " + source));
	}

	public void check(String source) {
		sourceFor(source).check(source);
	}

	public boolean overNetwork(String source) {
		return sourceFor(source).overNetwork();
	}

	public String canonicalName(String source) {
		return sourceFor(source).canonicalName(source);
	}

	public List<InputUnit> list(String source, Window window) throws IOException {
		return sourceFor(source).list(source, window);
	}

	public InputStream open(InputUnit unit) throws IOException {
		return sourceFor(unit.source()).open(unit);
	}

}
