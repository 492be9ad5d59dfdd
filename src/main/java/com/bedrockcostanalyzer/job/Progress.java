package com.bedrockcostanalyzer.job;

import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** How far counting has got: files, records, megabytes, rate and time left, logged once per interval. */
@Component
class Progress {

	private static final Logger log = LoggerFactory.getLogger(Progress.class);

	private static final long INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

	private long totalFiles;

	private long totalBytes;

	private long files;

	private long bytes;

	private long records;

	private long started;

	private long lastLog;

	synchronized void start(long totalFiles, long totalBytes) {
		this.totalFiles = totalFiles;
		this.totalBytes = totalBytes;
		this.files = 0;
		this.bytes = 0;
		this.records = 0;
		this.started = System.nanoTime();
		this.lastLog = this.started;
		log.info("{} files to consider ({} MB)", totalFiles, mb(totalBytes));
	}

	/** A chunk of files was counted (or found already counted). */
	synchronized void counted(long files, long bytes, long records) {
		this.files += files;
		this.bytes += bytes;
		this.records += records;
		long now = System.nanoTime();
		if (now - this.lastLog >= INTERVAL_NANOS) {
			this.lastLog = now;
			double seconds = (now - this.started) / 1e9;
			double rate = this.bytes / Math.max(seconds, 1e-3);
			long eta = rate > 0 ? (long) ((this.totalBytes - this.bytes) / rate) : 0;
			log.info(String.format(Locale.ROOT, "%d of %d files (%d%%), %,d records, %d MB of files at %.0f MB/s, about %d s left",
					this.files, this.totalFiles, this.totalFiles == 0 ? 100 : 100 * this.files / this.totalFiles,
					this.records, mb(this.bytes), rate / 1e6, eta));
		}
	}

	private static long mb(long bytes) {
		return bytes / 1_000_000;
	}

}
