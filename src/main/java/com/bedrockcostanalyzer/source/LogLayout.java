package com.bedrockcostanalyzer.source;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.bedrockcostanalyzer.usage.Window;

/**
 * Bedrock's delivery layout, the same in S3 and in a local copy:
 * {@code …/AWSLogs/{account}/BedrockModelInvocationLogs/{region}/YYYY/MM/DD/HH/*.json.gz},
 * with offloaded bodies in {@code HH/data/} and a zero-byte permission-check object.
 * Which keys hold records, and which hours a window needs.
 */
public final class LogLayout {

	public static final String PERMISSION_CHECK = "amazon-bedrock-logs-permission-check";

	/** {@code …/BedrockModelInvocationLogs/{region}/YYYY/MM/DD[/HH]} */
	private static final Pattern DATED = Pattern
		.compile("(?:^|/)BedrockModelInvocationLogs/[^/]+/(\\d{4})/(\\d{2})/(\\d{2})(?:/(\\d{2}))?(?:/|$)");

	private static final Pattern REGION_ROOT = Pattern.compile("(?:^|/)BedrockModelInvocationLogs/[^/]+/$");

	private static final List<String> LOG_SUFFIXES = List.of(".json", ".json.gz", ".jsonl", ".jsonl.gz", ".ndjson",
			".ndjson.gz", ".log", ".log.gz");

	private static final List<String> CSV_SUFFIXES = List.of(".csv", ".csv.gz");

	private LogLayout() {
	}

	/** How a file of this name is read, or null when it is not an input at all. */
	public static UnitFormat formatOf(String fileName) {
		String name = fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".jsonl.out")) {
			// Batch-inference results; manifest.json.out holds only totals and is not
			// read.
			return UnitFormat.BATCH_OUTPUT;
		}
		if (CSV_SUFFIXES.stream().anyMatch(name::endsWith)) {
			return UnitFormat.CSV;
		}
		if (LOG_SUFFIXES.stream().anyMatch(name::endsWith)) {
			return UnitFormat.INVOCATION_LOG;
		}
		return null;
	}

	/**
	 * Whether an object or file key is one to read: not a sidecar body, not the
	 * permission check, not hidden, not empty. Its name need not say what it holds
	 * ({@link UnitFormat#UNKNOWN}): nothing is passed over unseen.
	 */
	public static boolean isInput(String key, long size) {
		String name = key.substring(key.lastIndexOf('/') + 1);
		return size > 0 && !name.equals(PERMISSION_CHECK) && !name.startsWith(".") && !isSidecar(key)
				&& !name.equals(BATCH_MANIFEST);
	}

	/**
	 * A batch-inference job's totals beside its outputs: nothing to count that the
	 * outputs do not hold.
	 */
	private static final String BATCH_MANIFEST = "manifest.json.out";

	/**
	 * How a listed file is read: by its name, else by its content
	 * ({@link UnitFormat#UNKNOWN}).
	 */
	public static UnitFormat listedFormatOf(String fileName) {
		UnitFormat format = formatOf(fileName);
		return format != null ? format : UnitFormat.UNKNOWN;
	}

	/**
	 * Keys (and folders) under {@code …/HH/data/} hold offloaded request and response
	 * bodies, not log records.
	 */
	public static boolean isSidecar(String key) {
		int data = key.indexOf("/data/");
		if (key.startsWith("data/")) {
			return true;
		}
		if (data < 0) {
			return false;
		}
		Matcher m = DATED.matcher(key.substring(0, data + 1));
		return m.find() && m.group(4) != null;
	}

	/** Whether a prefix is the folder of one account's logs in one Region. */
	public static boolean isRegionRoot(String prefix) {
		return REGION_ROOT.matcher(prefix).find();
	}

	/** Whether a prefix points inside one Region's {@code YYYY/MM/…} folders. */
	public static boolean isInsideDatedFolders(String prefix) {
		return Pattern.compile("(?:^|/)BedrockModelInvocationLogs/[^/]+/\\d{4}/").matcher(prefix).find();
	}

	/**
	 * True when a key or folder of the dated layout is a day or hour the window cannot
	 * need.
	 */
	public static boolean outsideWindow(String path, Window window) {
		Matcher m = DATED.matcher(path);
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

}
