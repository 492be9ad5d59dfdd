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
				if (LogLayout.outsideWindow(relative, window)) {
					return FileVisitResult.CONTINUE;
				}
				// A link to a file is followed: listed as the file it leads to.
				BasicFileAttributes target = attrs.isSymbolicLink() ? followed(file) : attrs;
				if (target != null && target.isRegularFile()) {
					if (LogLayout.isInput(relative, target.size())) {
						units.add(new InputUnit(source, relative, file.toString(), target.size(), version(target),
								LogLayout.formatOf(file.getFileName().toString()), target.lastModifiedTime().toInstant()));
					}
				}
				else if (LogLayout.formatOf(file.getFileName().toString()) != null) {
					// A link, FIFO, socket or device named like an input: listed, so that the reader follows a link
					// to a file and says why anything else cannot be read, instead of passing over it in silence.
					units.add(new InputUnit(source, relative, file.toString(), 0, NOT_A_FILE,
							LogLayout.formatOf(file.getFileName().toString()), null));
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException failure) {
				// A folder or file that cannot even be looked at: a unit the reader reports as unreadable.
				String relative = relative(base, file);
				units.add(new InputUnit(source, relative.isEmpty() ? "." : relative, file.toString(), 0, NOT_A_FILE,
						UnitFormat.INVOCATION_LOG, null));
				return FileVisitResult.CONTINUE;
			}

		});
		units.sort(Comparator.comparing(InputUnit::key));
		return units;
	}

	/** What a link leads to, or null when it leads nowhere. */
	private static BasicFileAttributes followed(Path link) {
		try {
			return Files.readAttributes(link, BasicFileAttributes.class);
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** The version of a listed entry that is not a regular file: it has no content to compare. */
	public static final String NOT_A_FILE = "not-a-regular-file";

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
