package com.bedrockcostanalyzer.job;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Why a local input cannot be read, found before it is opened: opening a FIFO for reading
 * would wait for a writer forever, and a folder that cannot be listed is only found by
 * trying.
 */
final class LocalReadability {

	private LocalReadability() {
	}

	/**
	 * Null when the path is a readable regular file (a link is followed); else why not,
	 * in a few words.
	 */
	static String problem(Path path) {
		if (Files.isDirectory(path)) {
			return Files.isReadable(path) && Files.isExecutable(path) ? "is a folder, not a file"
					: "is a folder that cannot be listed (permission denied)";
		}
		if (Files.isSymbolicLink(path) && !Files.exists(path)) {
			return "is a link to nothing (" + target(path) + ")";
		}
		if (!Files.exists(path)) {
			return "is gone or cannot be looked at";
		}
		if (!Files.isRegularFile(path)) {
			return "is not a regular file (a FIFO, socket or device): not read";
		}
		if (!Files.isReadable(path)) {
			return "cannot be read (permission denied)";
		}
		return null;
	}

	static String describe(IOException failure) {
		if (failure instanceof AccessDeniedException) {
			return "permission denied";
		}
		return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
	}

	private static String target(Path link) {
		try {
			return "-> " + Files.readSymbolicLink(link);
		}
		catch (IOException ex) {
			return "unreadable link";
		}
	}

}
