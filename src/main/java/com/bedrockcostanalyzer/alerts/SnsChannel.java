package com.bedrockcostanalyzer.alerts;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

import com.bedrockcostanalyzer.report.SafeText;
import com.bedrockcostanalyzer.source.AwsClientFactory;

/**
 * An Amazon SNS topic: the digest published as plain text, its subject within SNS's
 * 100-character limit. E-mail, SMS, Lambda and chat subscribers of the topic take it from
 * there.
 */
final class SnsChannel implements Channel {

	private static final int MAX_SUBJECT = 100;

	private final String topicArn;

	private final AwsClientFactory aws;

	SnsChannel(String topicArn, AwsClientFactory aws) {
		this.topicArn = topicArn.trim();
		this.aws = aws;
	}

	@Override
	public String name() {
		return "sns";
	}

	@Override
	public void send(Digest digest) throws DeliveryException {
		String[] arn = this.topicArn.split(":");
		if (arn.length < 6 || !arn[0].equals("arn") || !arn[2].equals("sns")) {
			throw new DeliveryException("'" + SafeText.plain(this.topicArn) + "' is not an SNS topic ARN");
		}
		String subject = digest.subject();
		try (SnsClient sns = this.aws.sns(arn[3])) {
			sns.publish((p) -> p.topicArn(this.topicArn)
				.subject((subject.length() > MAX_SUBJECT) ? subject.substring(0, MAX_SUBJECT) : subject)
				.message(digest.subject() + "\n\n" + digest.text(SafeText::plain, "- ")));
		}
		catch (SdkException ex) {
			throw new DeliveryException("SNS refused the digest: " + SafeText.plain(ex.getMessage()));
		}
	}

}
