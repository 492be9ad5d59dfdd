package com.bedrockcostanalyzer.job;

import java.math.BigDecimal;

import org.springframework.batch.core.BatchStatus;

/**
 * How a run ended, for the command line: its status, the rejects the report lists, the spend, the potential monthly
 * savings, the failure.
 */
public record AnalysisOutcome(BatchStatus status, long rejects, BigDecimal spend, BigDecimal monthlySavings,
		String failure) {

	public boolean completed() {
		return this.status == BatchStatus.COMPLETED;
	}

}
