package com.bedrockcostanalyzer.alerts;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.bedrockcostanalyzer.source.AwsClientFactory;

/**
 * Sends each configured channel one digest of what it has not delivered yet, after the
 * run has counted and reported: a delivery that fails leaves the counts and the report as
 * they are, is said on the console and in the exit status, and is tried again by the next
 * run.
 */
@Component
public class Notifier {

	private static final Logger logger = LoggerFactory.getLogger(Notifier.class);

	private final NotifyProperties settings;

	private final Notices notices;

	private final AwsClientFactory aws;

	public Notifier(NotifyProperties settings, Notices notices) {
		this.settings = settings;
		this.notices = notices;
		this.aws = new AwsClientFactory();
	}

	/**
	 * What was done, a line per channel, and whether a delivery failed.
	 *
	 * @param lines for the console; a dry run's are the digests themselves
	 */
	public record Delivery(List<String> lines, boolean failed) {
	}

	/**
	 * @param report where the run's report is, for the digest's last line
	 */
	public Delivery deliver(String report) {
		List<String> lines = new ArrayList<>();
		boolean failed = false;
		for (Channel channel : channels()) {
			List<Notices.Pending> pending = this.notices.pending(channel.name());
			if (pending.isEmpty()) {
				continue;
			}
			Digest digest = new Digest(pending.stream().map(Notices.Pending::notice).toList(), report);
			if (this.settings.dryRun()) {
				lines.add("Would send by " + channel.name() + ": " + digest.subject());
				digest.text((text) -> text, "  - ").lines().forEach(lines::add);
				continue;
			}
			try {
				channel.send(digest);
				this.notices.delivered(channel.name(), pending);
				lines.add("Notified by " + channel.name() + ": " + digest.subject());
			}
			catch (Channel.DeliveryException ex) {
				failed = true;
				logger.warn("Delivery by {} failed: {}", channel.name(), ex.getMessage());
				lines.add(
						"Not notified by " + channel.name() + ": " + ex.getMessage() + "; the next run sends it again");
			}
		}
		return new Delivery(lines, failed);
	}

	private List<Channel> channels() {
		List<Channel> channels = new ArrayList<>();
		String webhook = this.settings.webhookUrl();
		if (webhook != null && !webhook.isBlank()) {
			channels.add(new WebhookChannel(webhook));
		}
		String topic = this.settings.snsTopicArn();
		if (topic != null && !topic.isBlank()) {
			channels.add(new SnsChannel(topic, this.aws));
		}
		NotifyProperties.Email email = this.settings.email();
		if (email != null && !email.to().isEmpty() && email.host() != null) {
			channels.add(new EmailChannel(email));
		}
		return channels;
	}

}
