package com.bedrockcostanalyzer.cli;

/** The exit statuses the README documents: scripts and schedulers act on them. */
public final class ExitCodes {

	public static final int DONE = 0;

	public static final int FAILED = 1;

	public static final int BAD_USAGE = 2;

	public static final int DONE_WITH_REJECTS = 3;

	/**
	 * Counted and reported, but a digest or an export could not be delivered: the next
	 * run sends it.
	 */
	public static final int NOT_DELIVERED = 4;

	private ExitCodes() {
	}

}
