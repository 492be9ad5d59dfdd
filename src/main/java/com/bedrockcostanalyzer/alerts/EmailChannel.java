package com.bedrockcostanalyzer.alerts;

import java.util.Properties;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.bedrockcostanalyzer.report.SafeText;

/**
 * E-mail over SMTP, with Spring's mail sender: a plain-text digest, so nothing in it can
 * become markup.
 */
final class EmailChannel implements Channel {

	private final NotifyProperties.Email settings;

	private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

	EmailChannel(NotifyProperties.Email settings) {
		this.settings = settings;
		this.sender.setHost(settings.host());
		this.sender.setPort((settings.port() != null) ? settings.port() : 587);
		this.sender.setUsername(settings.username());
		this.sender.setPassword(settings.password());
		this.sender.setDefaultEncoding("UTF-8");
		Properties properties = new Properties();
		boolean starttls = settings.starttls() == null || settings.starttls();
		properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(starttls));
		properties.setProperty("mail.smtp.auth", Boolean.toString(settings.username() != null));
		properties.setProperty("mail.smtp.connectiontimeout", "10000");
		properties.setProperty("mail.smtp.timeout", "30000");
		this.sender.setJavaMailProperties(properties);
	}

	@Override
	public String name() {
		return "email";
	}

	@Override
	public void send(Digest digest) throws DeliveryException {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setTo(this.settings.to().toArray(String[]::new));
		message.setFrom((this.settings.from() != null) ? this.settings.from() : "bedrock-cost-analyzer@localhost");
		message.setSubject(digest.subject());
		message.setText(digest.text(SafeText::plain, "- "));
		try {
			this.sender.send(message);
		}
		catch (MailException ex) {
			throw new DeliveryException("the mail could not be sent through " + SafeText.plain(this.settings.host())
					+ " (" + ex.getClass().getSimpleName() + ")");
		}
	}

}
