package com.bedrockcostanalyzer.job;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.batch.core.BatchStatus;

/**
 * How a run ended, for the command line: its status, the rejects the report lists, the
 * spend, the failure, and the summary lines of the report (savings, largest saving,
 * flagged spend jumps, the bill, what is unpriced, the copies left out); absent ones are
 * null or empty.
 */
public record AnalysisOutcome(BatchStatus status, long rejects, BigDecimal spend, String savings, String failure,
		String topSaving, List<String> flags, String bill, String coverage, String duplicates) {

	public boolean completed() {
		return this.status == BatchStatus.COMPLETED;
	}

}
