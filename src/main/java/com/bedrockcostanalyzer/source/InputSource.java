package com.bedrockcostanalyzer.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.bedrockcostanalyzer.usage.Window;

/**
 * One kind of place logs live in: a local folder, an S3 prefix, a CloudWatch Logs group.
 */
public interface InputSource {

	/** Whether this kind reads a {@code --source} value. */
	boolean handles(String source);

	/**
	 * Whether reading waits on the network (S3, CloudWatch Logs): a run then reads more
	 * units at once than cores.
	 */
	boolean overNetwork();

	/**
	 * Checks a source before a run starts, so a typo is a usage error rather than a
	 * failed job.
	 */
	void check(String source);

	/** The name a source is stored under, the same however the user spelled it. */
	String canonicalName(String source);

	/** The units of the source that may hold records of the window. */
	List<InputUnit> list(String source, Window window) throws IOException;

	/** The unit's raw bytes (gzip or not), streamed, never downloaded whole. */
	InputStream open(InputUnit unit) throws IOException;

}
