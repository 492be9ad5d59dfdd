package com.bedrockcostanalyzer.report;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The FOCUS export ({@code focus:} in a job file).
 *
 * @param billingAccountId the payer account FOCUS's BillingAccountId names: the logs do
 * not carry it ({@code unknown} unless set)
 * @param s3Prefix an {@code s3://bucket/prefix/} the export is also written to, one
 * object per billing period ({@code billing_period=YYYY-MM/focus.csv}), as FinOps tools
 * ingest exports; only for windows of whole months or a month to date
 */
@ConfigurationProperties("bca.focus")
public record FocusProperties(@Nullable String billingAccountId, @Nullable String s3Prefix) {

	public String accountId() {
		return (this.billingAccountId == null || this.billingAccountId.isBlank()) ? "unknown" : this.billingAccountId;
	}

}
