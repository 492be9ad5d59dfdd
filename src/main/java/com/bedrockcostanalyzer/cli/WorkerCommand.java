package com.bedrockcostanalyzer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import com.bedrockcostanalyzer.AnalyzerApplication;
import com.bedrockcostanalyzer.job.ScaleProperties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code worker} (role worker): takes partitions of managers' runs off the broker and
 * counts them into the shared job database, until stopped (SIGTERM, Ctrl-C). Start as
 * many as the work needs, on as many machines.
 */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Runs as a worker (role worker): takes the partitions a manager ('analyze --role manager') "
				+ "sends over the broker, counts them into the shared job database, and waits for more until stopped.",
				"",
				"Give it the same bca.usage.* settings as the manager (application.yaml, environment): the "
						+ "records are attributed here." },
		footer = { "", "Exit status: 0 stopped, 1 failed, 2 bad usage." })
class WorkerCommand implements Callable<Integer> {

	@Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--broker", required = true, paramLabel = "URL",
			description = "The ActiveMQ Artemis broker the manager sends to, e.g. tcp://broker:61616. Credentials: "
					+ "SPRING_ARTEMIS_USER, SPRING_ARTEMIS_PASSWORD.")
	String broker;

	@Option(names = "--db", paramLabel = "JDBC_URL",
			description = "The job database the manager uses (PostgreSQL), or SPRING_DATASOURCE_URL.")
	String db;

	@Option(names = "--threads", paramLabel = "N", description = "Partitions counted at once. Default: one per core.")
	Integer threads;

	@Override
	public Integer call() throws Exception {
		if (this.threads != null && this.threads < 1) {
			throw new ParameterException(this.spec.commandLine(), "--threads is 1 or more");
		}
		if (!isSharedDatabase(this.db)) {
			throw new ParameterException(this.spec.commandLine(), "a worker counts into its manager's job database: "
					+ "give the same PostgreSQL --db (or SPRING_DATASOURCE_URL)");
		}
		List<String> args = new ArrayList<>(List.of("--bca.scale.role=" + ScaleProperties.WORKER,
				"--spring.artemis.broker-url=" + brokerUrl(this.broker)));
		if (this.db != null) {
			args.add("--spring.datasource.url=" + this.db);
		}
		if (this.threads != null) {
			args.add("--bca.scale.worker-threads=" + this.threads);
		}
		args.add(LogFile.argument(this.db != null ? this.db : System.getenv("SPRING_DATASOURCE_URL")));
		CountDownLatch closed = new CountDownLatch(1);
		SpringApplication application = new SpringApplication(AnalyzerApplication.class);
		application.addListeners((ContextClosedEvent event) -> closed.countDown());
		ConfigurableApplicationContext context;
		try {
			context = application.run(args.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			this.spec.commandLine()
				.getErr()
				.println("error: the worker cannot start: " + AnalyzeCommand.rootMessage(ex) + " (details in "
						+ LogFile.beside(this.db != null ? this.db : System.getenv("SPRING_DATASOURCE_URL")) + ")");
			return ExitCodes.FAILED;
		}
		this.spec.commandLine()
			.getOut()
			.println("worker ready: counting partitions from " + JdbcUrls.withoutSecrets(this.broker)
					+ " until stopped");
		context.registerShutdownHook();
		closed.await();
		return ExitCodes.DONE;
	}

	/**
	 * Whether the job database can be shared by processes: given, and not an embedded H2
	 * file.
	 */
	static boolean isSharedDatabase(String db) {
		String url = db != null ? db : System.getenv("SPRING_DATASOURCE_URL");
		return url != null && !url.isBlank() && !url.startsWith("jdbc:h2:file:") && !url.startsWith("jdbc:h2:mem:");
	}

	/**
	 * The broker URL with Artemis's consumer window at 0: a worker takes one partition
	 * per thread off the queue and leaves the rest to the others, instead of buffering
	 * them.
	 */
	static String brokerUrl(String broker) {
		if (!broker.startsWith("tcp://") || broker.contains("consumerWindowSize")) {
			return broker;
		}
		return broker + (broker.contains("?") ? "&" : "?") + "consumerWindowSize=0";
	}

}
