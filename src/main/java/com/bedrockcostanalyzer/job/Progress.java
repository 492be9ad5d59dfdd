package com.bedrockcostanalyzer.job;

import java.time.Duration;
import java.util.Locale;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * How far counting has got: files, records, megabytes, rate and time left. On an
 * interactive terminal a progress bar redrawn in place; otherwise (cron, containers, CI)
 * one log line per interval, which log collectors keep.
 */
@Component
class Progress implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(Progress.class);

	private static final long INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

	private long totalFiles;

	private long totalBytes;

	private long files;

	private long bytes;

	private long records;

	private long started;

	private long lastLog;

	private ProgressBar bar;

	synchronized void start(long totalFiles, long totalBytes) {
		this.totalFiles = totalFiles;
		this.totalBytes = totalBytes;
		this.files = 0;
		this.bytes = 0;
		this.records = 0;
		this.started = System.nanoTime();
		this.lastLog = this.started;
		log.info("{} files to consider ({} MB)", totalFiles, mb(totalBytes));
		if (System.console() != null && totalFiles > 0) {
			this.bar = new ProgressBarBuilder().setTaskName("Counting")
				.setInitialMax(Math.max(1, mb(totalBytes)))
				.setUnit(" MB", 1)
				.showSpeed()
				.setStyle(ProgressBarStyle.ASCII)
				.setUpdateIntervalMillis(500)
				.continuousUpdate()
				.build();
		}
	}

	/** A chunk of files was counted (or found already counted). */
	synchronized void counted(long files, long bytes, long records) {
		if (this.started == 0) {
			return; // a worker process: the manager that listed the units keeps the count
		}
		this.files += files;
		this.bytes += bytes;
		this.records += records;
		if (this.bar != null) {
			this.bar.stepTo(mb(this.bytes));
			this.bar.setExtraMessage(
					String.format(Locale.ROOT, " %d/%d files, %,d records", this.files, this.totalFiles, this.records));
			return;
		}
		long now = System.nanoTime();
		if (now - this.lastLog >= INTERVAL_NANOS) {
			this.lastLog = now;
			double seconds = (now - this.started) / 1e9;
			double rate = this.bytes / Math.max(seconds, 1e-3);
			long eta = rate > 0 ? (long) ((this.totalBytes - this.bytes) / rate) : 0;
			log.info(String.format(Locale.ROOT,
					"%d of %d files (%d%%), %,d records, %d MB of files at %.0f MB/s, about %d s left", this.files,
					this.totalFiles, this.totalFiles == 0 ? 100 : 100 * this.files / this.totalFiles, this.records,
					mb(this.bytes), rate / 1e6, eta));
		}
	}

	/**
	 * The counting step ended, done or not: the bar is closed so later output starts on a
	 * line of its own.
	 */
	@Override
	public synchronized ExitStatus afterStep(StepExecution stepExecution) {
		if (this.bar != null) {
			this.bar.close();
			this.bar = null;
		}
		return null;
	}

	private static long mb(long bytes) {
		return bytes / 1_000_000;
	}

}
