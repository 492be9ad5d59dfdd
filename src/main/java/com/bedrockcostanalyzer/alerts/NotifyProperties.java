package com.bedrockcostanalyzer.alerts;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a run's digest goes ({@code notify:} in a job file, {@code --notify-*} on the
 * command line). Secrets are best left to the environment, which Spring Boot reads for
 * the same settings: {@code BCA_NOTIFY_WEBHOOKURL} (a Slack or Teams incoming-webhook URL
 * is itself a secret) and {@code BCA_NOTIFY_EMAIL_PASSWORD}. None of them is ever
 * printed.
 *
 * @param webhookUrl a Slack-compatible incoming webhook: one JSON POST of {@code {"text":
 * …}} per digest (Teams and generic receivers take the same)
 * @param snsTopicArn an Amazon SNS topic, published to with the default AWS credentials
 * @param email an SMTP relay and the addresses to send to
 * @param dryRun print the digests instead of sending them
 * @param newSpenderUsd a path, Region or model never seen before that spends this much on
 * its first day is flagged (default 20)
 */
@ConfigurationProperties("bca.notify")
public record NotifyProperties(@Nullable String webhookUrl, @Nullable String snsTopicArn, @Nullable String snsEndpoint,
		@Nullable Email email, boolean dryRun, @Nullable BigDecimal newSpenderUsd) {

	/** A digest's notices are tried again by the runs of this many days. */
	public static final int RETRY_DAYS = 7;

	/**
	 * @param to the recipients
	 * @param from the sender
	 * @param host the SMTP relay
	 * @param port its port (default 587)
	 * @param username its user, if it asks for one
	 * @param password from {@code BCA_NOTIFY_EMAIL_PASSWORD}, best
	 * @param starttls upgrade the connection with STARTTLS (default true)
	 */
	public record Email(List<String> to, @Nullable String from, @Nullable String host, @Nullable Integer port,
			@Nullable String username, @Nullable String password, @Nullable Boolean starttls) {

		public Email {
			to = (to == null) ? List.of() : List.copyOf(to);
		}

	}

	public BigDecimal newSpenderThreshold() {
		return (this.newSpenderUsd != null) ? this.newSpenderUsd : BigDecimal.valueOf(20);
	}

}
