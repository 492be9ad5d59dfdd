package com.bedrockcostanalyzer.source;

import java.util.ArrayList;
import java.util.List;

/**
 * The sources of a run as one set of distinct inputs: a source named twice, or one that
 * lies inside another (a folder in a folder, an S3 prefix under a prefix), is dropped
 * with a note, so every input is counted once. Works on canonical names (absolute real
 * paths, {@code s3://bucket/prefix}, {@code cloudwatch:group}).
 */
public final class DistinctSources {

	/** The sources to count, in the order given, and a sentence for each one dropped. */
	public record Result(List<String> sources, List<String> notes) {
	}

	private DistinctSources() {
	}

	public static Result of(List<String> canonical) {
		List<String> kept = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (String source : canonical) {
			String outer = canonical.stream()
				.filter((other) -> !other.equals(source) && inside(source, other))
				.findFirst()
				.orElse(null);
			if (outer != null) {
				notes.add(source + " is inside " + outer + ": its inputs are counted once, as part of " + outer);
			}
			else if (kept.contains(source)) {
				notes.add(source + " is named more than once: counted once");
			}
			else {
				kept.add(source);
			}
		}
		return new Result(List.copyOf(kept), List.copyOf(notes));
	}

	/** Whether every input of {@code inner} is also one of {@code outer}. */
	static boolean inside(String inner, String outer) {
		if (!inner.startsWith(outer) || inner.length() == outer.length()) {
			return false;
		}
		if (outer.startsWith("cloudwatch:")) {
			return false;
		}
		if (outer.startsWith("s3://")) {
			// Canonical S3 names end with a slash (s3://bucket/prefix/): a longer name
			// that starts with one is below it.
			return true;
		}
		// A folder holds what is below its separator: /data/logs does not hold
		// /data/logs-old.
		char next = inner.charAt(outer.length());
		return next == '/' || next == '\\' || outer.endsWith("/") || outer.endsWith("\\");
	}

}
