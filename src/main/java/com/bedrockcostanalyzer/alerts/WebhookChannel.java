package com.bedrockcostanalyzer.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.bedrockcostanalyzer.report.SafeText;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Slack-compatible incoming webhook: one JSON POST of {@code {"text": …}}, which Slack,
 * Teams workflows and most chat tools take. The URL carries the webhook's secret and is
 * never put in a message.
 */
final class WebhookChannel implements Channel {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI url;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	WebhookChannel(String url) {
		this.url = URI.create(url.trim());
	}

	@Override
	public String name() {
		return "webhook";
	}

	@Override
	public void send(Digest digest) throws DeliveryException {
		String text = "*" + SafeText.webhook(digest.subject()) + "*\n" + digest.text(SafeText::webhook, "• ");
		HttpRequest request = HttpRequest.newBuilder(this.url)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", text))))
			.build();
		try {
			HttpResponse<Void> response = this.client.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 != 2) {
				throw new DeliveryException("the webhook answered HTTP " + response.statusCode());
			}
		}
		catch (IOException ex) {
			throw new DeliveryException("the webhook could not be reached (" + ex.getClass().getSimpleName() + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryException("interrupted while sending to the webhook");
		}
	}

}
