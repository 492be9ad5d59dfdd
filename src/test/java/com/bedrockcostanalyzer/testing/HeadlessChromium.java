package com.bedrockcostanalyzer.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's chromium, headless and cut off from the network, as the browser tests drive
 * it.
 */
public final class HeadlessChromium {

	private HeadlessChromium() {
	}

	/** The browser, or null when it is not installed. */
	public static String find() {
		for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
			if (new File(candidate).canExecute()) {
				return candidate;
			}
		}
		return null;
	}

	/** Starts the browser with a fresh profile under {@code work}. */
	public static Process start(String chromium, Path work, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + Files.createTempDirectory(work, "chrome"),
				// No network: every request would go to a closed local port (the page
				// makes none anyway).
				"--proxy-server=127.0.0.1:9", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000"));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).start();
	}

	/**
	 * Writes a PNG of the page as a window of the given size shows it; false if the
	 * browser did not finish.
	 */
	public static boolean screenshot(String chromium, Path work, String url, Path png, int width, int height)
			throws IOException, InterruptedException {
		Files.createDirectories(png.toAbsolutePath().getParent());
		Process shot = start(chromium, work, "--window-size=" + width + "," + height,
				"--screenshot=" + png.toAbsolutePath(), "--hide-scrollbars", url);
		shot.getInputStream().readAllBytes();
		shot.getErrorStream().readAllBytes();
		return shot.waitFor(90, TimeUnit.SECONDS);
	}

}
