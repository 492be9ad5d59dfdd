package com.bedrockcostanalyzer.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/**
 * Where the run's digest goes, over what the job file's {@code notify:} says. The webhook
 * URL is a secret: {@code BCA_NOTIFY_WEBHOOKURL} in the environment keeps it off command
 * lines and out of job files.
 */
final class NotifyOptions {

	@Option(names = "--notify-webhook", paramLabel = "URL",
			description = "Send the digest to a Slack-compatible incoming webhook (or set BCA_NOTIFY_WEBHOOKURL).")
	String webhook;

	@Option(names = "--notify-sns", paramLabel = "TOPIC_ARN", description = "Publish the digest to an SNS topic.")
	String snsTopic;

	@Option(names = "--notify-email", paramLabel = "ADDRESS",
			description = "E-mail the digest (SMTP relay from the job file's notify.email or BCA_NOTIFY_EMAIL_*). "
					+ "Repeatable.")
	List<String> emails;

	@Option(names = "--notify-dry-run", description = "Print the digests instead of sending them.")
	boolean dryRun;

	/** These options as Spring arguments of the run. */
	List<String> springArguments() {
		List<String> args = new ArrayList<>();
		if (this.webhook != null) {
			args.add("--bca.notify.webhook-url=" + this.webhook);
		}
		if (this.snsTopic != null) {
			args.add("--bca.notify.sns-topic-arn=" + this.snsTopic);
		}
		if (this.emails != null) {
			for (int i = 0; i < this.emails.size(); i++) {
				args.add("--bca.notify.email.to[" + i + "]=" + this.emails.get(i));
			}
		}
		if (this.dryRun) {
			args.add("--bca.notify.dry-run=true");
		}
		return args;
	}

}
