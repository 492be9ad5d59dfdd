package com.bedrockcostanalyzer.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the input units under a local folder (or one file): invocation logs in the S3 delivery layout or loose, and
 * CSV exports. In the S3 layout only the hour folders the window needs are read; Bedrock's noise is skipped.
 */
public final class LocalInputLister {

	static final String PERMISSION_CHECK = "amazon-bedrock-logs-permission-check";

	/** {@code …/BedrockModelInvocationLogs/{region}/YYYY/MM/DD[/HH]} */
	private static final Pattern LAYOUT = Pattern
		.compile("(?:^|/)BedrockModelInvocationLogs/[^/]+/(\\d{4})/(\\d{2})/(\\d{2})(?:/(\\d{2}))?(?:/|$)");

	private static final List<String> LOG_SUFFIXES = List.of(".json", ".json.gz", ".jsonl", ".jsonl.gz", ".ndjson",
			".ndjson.gz", ".log", ".log.gz");

	private static final List<String> CSV_SUFFIXES = List.of(".csv", ".csv.gz");

	public List<InputUnit> list(Path root, Window window) throws IOException {
		Path base = root.toAbsolutePath().normalize();
		String source = base.toString();
		if (Files.isRegularFile(base)) {
			UnitFormat format = formatOf(base.getFileName().toString());
			long size = Files.size(base);
			// A file named on the command line is read whatever it is called.
			return List.of(new InputUnit(source, base.getFileName().toString(), source, size, "size:" + size,
					format != null ? format : UnitFormat.INVOCATION_LOG));
		}
		if (!Files.isDirectory(base)) {
			throw new IOException("no such file or folder: " + root);
		}
		List<InputUnit> units = new ArrayList<>();
		Files.walkFileTree(base, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
				String relative = relative(base, dir);
				String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
				if (!relative.isEmpty() && (name.startsWith(".") || isSidecarFolder(relative))) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				return outsideWindow(relative, window) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
				String name = file.getFileName().toString();
				UnitFormat format = formatOf(name);
				if (!attrs.isRegularFile() || attrs.size() == 0 || name.equals(PERMISSION_CHECK)
						|| name.startsWith(".") || format == null) {
					return FileVisitResult.CONTINUE;
				}
				String relative = relative(base, file);
				if (!outsideWindow(relative, window)) {
					units.add(new InputUnit(source, relative, file.toString(), attrs.size(), "size:" + attrs.size(),
							format));
				}
				return FileVisitResult.CONTINUE;
			}

		});
		units.sort(Comparator.comparing(InputUnit::key));
		return units;
	}

	static UnitFormat formatOf(String fileName) {
		String name = fileName.toLowerCase(Locale.ROOT);
		if (CSV_SUFFIXES.stream().anyMatch(name::endsWith)) {
			return UnitFormat.CSV;
		}
		if (LOG_SUFFIXES.stream().anyMatch(name::endsWith)) {
			return UnitFormat.INVOCATION_LOG;
		}
		return null;
	}

	/** {@code …/HH/data/} holds offloaded request and response bodies, not log records. */
	static boolean isSidecarFolder(String relativePath) {
		if (!relativePath.equals("data") && !relativePath.endsWith("/data")) {
			return false;
		}
		Matcher m = LAYOUT.matcher(relativePath);
		return relativePath.equals("data") || (m.find() && m.group(4) != null);
	}

	/** True when a path in the S3 delivery layout is a day or hour folder the window cannot need. */
	static boolean outsideWindow(String relativePath, Window window) {
		Matcher m = LAYOUT.matcher(relativePath);
		if (!m.find()) {
			return false;
		}
		try {
			LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3)));
			if (m.group(4) == null) {
				return !window.mayHoldDay(day);
			}
			return !window.mayHoldHour(LocalDateTime.of(day, LocalTime.of(Integer.parseInt(m.group(4)), 0)));
		}
		catch (DateTimeException ex) {
			// Not a date after all: read it rather than lose it.
			return false;
		}
	}

	private static String relative(Path base, Path path) {
		return base.relativize(path).toString().replace('\\', '/');
	}

}
