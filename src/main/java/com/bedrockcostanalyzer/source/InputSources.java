package com.bedrockcostanalyzer.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Component;

/** Lists and opens the input units of a source the user named ({@code --source}). */
@Component
public class InputSources {

	private final LocalInputLister local = new LocalInputLister();

	/** Checks a source before a run starts, so a typo is a usage error rather than a failed job. */
	public void check(String source) {
		if (source.startsWith("s3://")) {
			throw new UnsupportedSourceException("reading s3:// sources is not in this build yet: copy the logs with "
					+ "'aws s3 sync' and analyze the folder");
		}
		if (source.startsWith("cloudwatch:")) {
			throw new UnsupportedSourceException("reading cloudwatch: sources is not in this build yet");
		}
		if (!Files.exists(Path.of(source))) {
			throw new UnsupportedSourceException("no such file or folder: " + source);
		}
	}

	/** The name a source is stored under, the same however the user spelled it. */
	public String canonicalName(String source) {
		return Path.of(source).toAbsolutePath().normalize().toString();
	}

	public List<InputUnit> list(String source, Window window) throws IOException {
		check(source);
		return this.local.list(Path.of(source), window);
	}

	public InputStream open(InputUnit unit) throws IOException {
		return Files.newInputStream(Path.of(unit.location()));
	}

}
