package com.bedrockcostanalyzer.source;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.bedrockcostanalyzer.usage.Window;

/**
 * Lists the input units under a local folder (or one file): invocation logs in the S3
 * delivery layout or loose, and CSV exports. In the S3 layout only the hour folders the
 * window needs are read; Bedrock's noise is skipped.
 */
public final class LocalInputLister {

	private static final Logger log = LoggerFactory.getLogger(LocalInputLister.class);

	public List<InputUnit> list(Path root, Window window) throws IOException {
		Path base = root.toAbsolutePath().normalize();
		String source = base.toString();
		if (Files.isRegularFile(base)) {
			BasicFileAttributes attrs = Files.readAttributes(base, BasicFileAttributes.class);
			// A file named on the command line is read whatever it is called: by its
			// content when the name says nothing.
			return List.of(new InputUnit(source, base.getFileName().toString(), source, attrs.size(), version(attrs),
					LogLayout.listedFormatOf(base.getFileName().toString()), attrs.lastModifiedTime().toInstant()));
		}
		if (!Files.isDirectory(base)) {
			throw new IOException("no such file or folder: " + root);
		}
		List<InputUnit> units = new ArrayList<>();
		Map<Path, List<InputUnit>> byRealPath = new HashMap<>();
		// Links to folders are followed like links to files; a link back to a folder
		// above it is a loop, walked once.
		Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
				new SimpleFileVisitor<>() {

					@Override
					public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
						String relative = relative(base, dir);
						if (relative.isEmpty()) {
							return FileVisitResult.CONTINUE;
						}
						boolean skip = dir.getFileName().toString().startsWith(".")
								|| LogLayout.isSidecar(relative + "/") || LogLayout.outsideWindow(relative, window);
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
								byRealPath.computeIfAbsent(realPath(file), (r) -> new ArrayList<>())
									.add(new InputUnit(source, relative, file.toString(), target.size(),
											version(target), LogLayout.listedFormatOf(file.getFileName().toString()),
											target.lastModifiedTime().toInstant()));
							}
						}
						else if (LogLayout.isInput(relative, 1)) {
							// A broken link, FIFO, socket or device: listed, so that the
							// reader says why it cannot be read,
							// instead of passing over it in silence.
							units.add(new InputUnit(source, relative, file.toString(), 0, NOT_A_FILE,
									LogLayout.listedFormatOf(file.getFileName().toString()), null));
						}
						return FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFileFailed(Path file, IOException failure) {
						if (failure instanceof FileSystemLoopException) {
							log.info("{} leads back to a folder above it: its files are listed once, from there", file);
							return FileVisitResult.CONTINUE;
						}
						// A folder or file that cannot even be looked at: a unit the
						// reader reports as unreadable.
						String relative = relative(base, file);
						units.add(new InputUnit(source, relative.isEmpty() ? "." : relative, file.toString(), 0,
								NOT_A_FILE, UnitFormat.INVOCATION_LOG, null));
						return FileVisitResult.CONTINUE;
					}

				});
		byRealPath.forEach((real, paths) -> units.add(oneOf(real, paths)));
		units.sort(Comparator.comparing(InputUnit::key));
		return units;
	}

	/**
	 * The one path a file reached by several (through links) is listed under, the same
	 * every run so that its ledger entry is found again: the path that is the file
	 * itself, else the first by name.
	 */
	private static InputUnit oneOf(Path real, List<InputUnit> paths) {
		InputUnit chosen = paths.stream()
			.filter((u) -> Path.of(u.location()).equals(real))
			.findFirst()
			.orElseGet(() -> paths.stream().min(Comparator.comparing(InputUnit::key)).orElseThrow());
		if (paths.size() > 1) {
			log.info("{} is reached by {} paths: listed once, as {}", real, paths.size(), chosen.key());
		}
		return chosen;
	}

	/**
	 * The file itself, links resolved; when that cannot be told, its path (it is then
	 * read by its path).
	 */
	private static Path realPath(Path file) {
		try {
			return file.toRealPath();
		}
		catch (IOException ex) {
			return file;
		}
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

	/**
	 * The version of a listed entry that is not a regular file: it has no content to
	 * compare.
	 */
	public static final String NOT_A_FILE = "not-a-regular-file";

	/**
	 * Size and modification time: a file rewritten in place is noticed even at the same
	 * size. (A tree copied elsewhere is another source, so copying does not make files
	 * look changed.)
	 */
	static String version(BasicFileAttributes attrs) {
		return "size:" + attrs.size() + ";mtime:" + attrs.lastModifiedTime().toMillis();
	}

	private static String relative(Path base, Path path) {
		return base.relativize(path).toString().replace('\\', '/');
	}

}
