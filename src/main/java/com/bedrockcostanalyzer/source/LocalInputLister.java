package com.bedrockcostanalyzer.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lists the input units under a local folder (or one file): invocation logs in the S3 delivery layout or loose, and
 * CSV exports. In the S3 layout only the hour folders the window needs are read; Bedrock's noise is skipped.
 */
public final class LocalInputLister {

	public List<InputUnit> list(Path root, Window window) throws IOException {
		Path base = root.toAbsolutePath().normalize();
		String source = base.toString();
		if (Files.isRegularFile(base)) {
			UnitFormat format = LogLayout.formatOf(base.getFileName().toString());
			BasicFileAttributes attrs = Files.readAttributes(base, BasicFileAttributes.class);
			// A file named on the command line is read whatever it is called.
			return List.of(new InputUnit(source, base.getFileName().toString(), source, attrs.size(), version(attrs),
					format != null ? format : UnitFormat.INVOCATION_LOG, attrs.lastModifiedTime().toInstant()));
		}
		if (!Files.isDirectory(base)) {
			throw new IOException("no such file or folder: " + root);
		}
		List<InputUnit> units = new ArrayList<>();
		Files.walkFileTree(base, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
				String relative = relative(base, dir);
				if (relative.isEmpty()) {
					return FileVisitResult.CONTINUE;
				}
				boolean skip = dir.getFileName().toString().startsWith(".") || LogLayout.isSidecar(relative + "/")
						|| LogLayout.outsideWindow(relative, window);
				return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
				String relative = relative(base, file);
				if (attrs.isRegularFile() && LogLayout.isInput(relative, attrs.size())
						&& !LogLayout.outsideWindow(relative, window)) {
					units.add(new InputUnit(source, relative, file.toString(), attrs.size(), version(attrs),
							LogLayout.formatOf(file.getFileName().toString()), attrs.lastModifiedTime().toInstant()));
				}
				return FileVisitResult.CONTINUE;
			}

		});
		units.sort(Comparator.comparing(InputUnit::key));
		return units;
	}

	/**
	 * Size and modification time: a file rewritten in place is noticed even at the same size. (A tree copied elsewhere
	 * is another source, so copying does not make files look changed.)
	 */
	static String version(BasicFileAttributes attrs) {
		return "size:" + attrs.size() + ";mtime:" + attrs.lastModifiedTime().toMillis();
	}

	private static String relative(Path base, Path path) {
		return base.relativize(path).toString().replace('\\', '/');
	}

}
