package com.bedrockcostanalyzer.alerts;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

import com.bedrockcostanalyzer.cli.ExitCodes;
import com.bedrockcostanalyzer.testing.Cli;
import com.bedrockcostanalyzer.testing.LocalAws;
import com.bedrockcostanalyzer.testing.MotoServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly digest on all three channels at once: a webhook (a local HTTP server), an
 * SNS topic (moto_server, its message read back through an HTTP subscription) and e-mail
 * (GreenMail's SMTP server). Nova Pro input at $0.80 per 1M tokens: 12.5M tokens = $10.
 * Thirty days of a search path at $10 a day are counted first; on 2026-10-05 it spends
 * $16 (+60%) and a path named like a Slack broadcast spends $25 on its first day. The
 * month so far, $81, passes a $50 budget.
 */
class DigestDeliveryTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DAY = "2026-10-05";

	private static final String HOSTILE = "<!channel> *pwn*";

	@TempDir
	Path work;

	private HttpServer hooks;

	private final List<String> webhook = new CopyOnWriteArrayList<>();

	private final List<String> snsMessages = new CopyOnWriteArrayList<>();

	private final AtomicInteger webhookStatus = new AtomicInteger(200);

	private GreenMail mail;

	private MotoServer moto;

	private LocalAws aws;

	private String topicArn;

	private Path usage;

	@BeforeEach
	void channels() throws Exception {
		this.hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.hooks.createContext("/webhook", (exchange) -> {
			this.webhook.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(this.webhookStatus.get(), -1);
			exchange.close();
		});
		this.hooks.createContext("/sns", (exchange) -> {
			JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
			if (body.path("Type").asString("").equals("Notification")) {
				this.snsMessages.add(body.get("Message").asString());
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.hooks.start();
		this.mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		this.mail.start();
		this.usage = this.work.resolve("usage.csv");
		StringBuilder rows = new StringBuilder("date,model_id,path,region,requests,input_tokens,output_tokens\n");
		for (int d = 30; d >= 1; d--) {
			rows.append(java.time.LocalDate.parse(DAY).minusDays(d))
				.append(",amazon.nova-pro-v1:0,search,us-east-1,10,12500000,0\n");
		}
		rows.append(DAY).append(",amazon.nova-pro-v1:0,search,us-east-1,10,20000000,0\n");
		rows.append(DAY).append(",amazon.nova-pro-v1:0,\"").append(HOSTILE).append("\",us-east-1,10,31250000,0\n");
		Files.writeString(this.usage, rows);
	}

	@AfterEach
	void stop() {
		this.hooks.stop(0);
		this.mail.stop();
		if (this.aws != null) {
			this.aws.close();
		}
		if (this.moto != null) {
			this.moto.close();
		}
	}

	@Test
	void sendsOneDigestOnEachChannelNamingTheJumpAndTheBudgetAndNothingTwice() throws Exception {
		Assumptions.assumeTrue(MotoServer.installed(), "moto_server is not installed");
		this.moto = MotoServer.start();
		this.aws = LocalAws.sns(this.moto.endpoint());
		try (SnsClient sns = SnsClient.builder()
			.endpointOverride(this.moto.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY)))
			.build()) {
			this.topicArn = sns.createTopic((t) -> t.name("bedrock-costs")).topicArn();
			sns.subscribe((s) -> s.topicArn(this.topicArn)
				.protocol("http")
				.endpoint("http://127.0.0.1:" + this.hooks.getAddress().getPort() + "/sns"));
		}
		Path job = jobFile(true);
		countHistory();

		Cli.Result first = nightly(job, DAY, "n1");
		Cli.Result again = nightly(job, DAY, "n1-again");

		assertThat(first.exitCode()).as(first.err() + first.out()).isZero();
		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(first.out()).contains("Notified by webhook")
			.contains("Notified by sns")
			.contains("Notified by email");
		assertThat(again.out()).doesNotContain("Notified by");
		assertThat(this.webhook).hasSize(1);
		String text = JSON.readTree(this.webhook.get(0)).get("text").asString();
		assertThat(text).contains("Jump: path search spent $16.00 on 2026-10-05 (+60.0% on $10.00 the day before)")
			.contains("Budget passed: Total spend has spent $81.00 in 2026-10, over its $50.00 budget")
			.contains("New spender: path &lt;!channel&gt; *pwn* spent $25.00 on its first day")
			.doesNotContain("<!channel>");
		assertThat(this.snsMessages).hasSize(1);
		assertThat(this.snsMessages.get(0)).contains("Jump: path search spent $16.00").contains("Budget passed");
		MimeMessage[] received = this.mail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).startsWith("Bedrock cost digest:");
		assertThat(GreenMailUtil.getBody(received[0])).contains("Jump: path search spent $16.00")
			.contains("Budget passed");
	}

	@Test
	void aWebhookThatFailsLeavesTheCountsAndIsSentTheDigestByTheNextRun() throws Exception {
		Path job = jobFile(false);
		countHistory();
		this.webhookStatus.set(500);

		Cli.Result failed = nightly(job, DAY, "n1");

		assertThat(failed.exitCode()).as(failed.err() + failed.out()).isEqualTo(ExitCodes.NOT_DELIVERED);
		assertThat(failed.out()).contains("Not notified by webhook: the webhook answered HTTP 500")
			.doesNotContain("127.0.0.1:" + this.hooks.getAddress().getPort());
		assertThat(Cli.readReport(this.work.resolve("n1")).get("totals").get("cost").decimalValue())
			.isEqualByComparingTo("81.00");

		this.webhookStatus.set(200);
		Cli.Result next = nightly(job, "2026-10-06", "n2");

		assertThat(next.exitCode()).as(next.err()).isZero();
		assertThat(this.webhook).hasSize(2);
		assertThat(JSON.readTree(this.webhook.get(1)).get("text").asString())
			.contains("Jump: path search spent $16.00 on 2026-10-05");
	}

	private void countHistory() {
		Cli.Result history = Cli.run("analyze", "--source", this.usage.toString(), "--from", "2026-09-05", "--to", DAY,
				"--db", db(), "--out", this.work.resolve("history").toString());
		assertThat(history.exitCode()).as(history.err()).isZero();
	}

	private Cli.Result nightly(Path job, String day, String out) {
		return Cli.run("run", job.toString(), "--date", day, "--db", db(), "--out", this.work.resolve(out).toString(),
				"--notify-webhook", "http://127.0.0.1:" + this.hooks.getAddress().getPort() + "/webhook");
	}

	private Path jobFile(boolean allChannels) throws IOException {
		String notify = allChannels ? """
				notify:
				  sns-topic-arn: %s
				  email: {to: [finops@example.com], from: costs@example.com, host: 127.0.0.1, port: %d, starttls: false}
				""".formatted(this.topicArn, this.mail.getSmtp().getPort()) : "";
		Path job = this.work.resolve("nightly.yaml");
		Files.writeString(job, """
				job: nightly
				sources: [%s]
				%sbudgets:
				  total: 50
				""".formatted(this.usage, notify));
		return job;
	}

	private String db() {
		return "jdbc:h2:file:" + this.work.resolve("db").resolve("bca").toAbsolutePath();
	}

}
