package com.bedrockcostanalyzer.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.bedrockcostanalyzer.usage.Window;

/** A local folder (the S3 layout copied, or loose files) or a single file. */
public final class LocalSource implements InputSource {

	private final LocalInputLister lister = new LocalInputLister();

	@Override
	public boolean handles(String source) {
		return !source.contains("://") && !source.startsWith("cloudwatch:");
	}

	@Override
	public boolean overNetwork() {
		return false;
	}

	@Override
	public void check(String source) {
		if (!Files.exists(Path.of(source))) {
			throw new UnsupportedSourceException("no such file or folder: " + source);
		}
	}

	@Override
	/**
	 * The real path: a source given through a symbolic link is the folder or file the
	 * link leads to.
	 */
	public String canonicalName(String source) {
		Path path = Path.of(source).toAbsolutePath().normalize();
		try {
			return path.toRealPath().toString();
		}
		catch (IOException ex) {
			// Not there (yet): the check before counting says so.
			return path.toString();
		}
	}

	@Override
	public List<InputUnit> list(String source, Window window) throws IOException {
		return this.lister.list(Path.of(source), window);
	}

	@Override
	public InputStream open(InputUnit unit) throws IOException {
		return Files.newInputStream(Path.of(unit.location()));
	}

}
