package com.bedrockcostanalyzer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.artemis.autoconfigure.ArtemisAutoConfiguration;
import org.springframework.boot.jms.autoconfigure.JmsAutoConfiguration;

import com.bedrockcostanalyzer.job.ScaleProperties;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How the counting spreads ({@code analyze}, {@code report}, {@code run}): threads here,
 * or a manager's workers.
 */
class ScaleOptions {

	@Option(names = "--workers", paramLabel = "N",
			description = "Partitions of files read at once (threads). Default: one per core; four per core when a "
					+ "source is S3 or CloudWatch Logs (reading waits on the network).")
	Integer workers;

	@Option(names = "--role", paramLabel = "ROLE",
			description = "standalone (default): read here. manager: send the partitions over --broker to worker "
					+ "processes sharing --db (PostgreSQL), see the 'worker' command.")
	String role;

	@Option(names = "--broker", paramLabel = "URL",
			description = "manager: the ActiveMQ Artemis broker the workers listen on, e.g. tcp://broker:61616. "
					+ "Credentials: SPRING_ARTEMIS_USER, SPRING_ARTEMIS_PASSWORD.")
	String broker;

	/** One sentence for a combination that cannot work. */
	void check(CommandLine commandLine, String db, boolean reportOnly) {
		boolean manager = ScaleProperties.MANAGER.equals(this.role);
		if (this.role != null && !this.role.equals(ScaleProperties.STANDALONE) && !manager) {
			throw new ParameterException(commandLine,
					this.role.equals(ScaleProperties.WORKER)
							? "a worker takes no sources or window: start it with the 'worker' command"
							: "--role is standalone or manager, not '" + this.role + "'");
		}
		if (manager && this.broker == null) {
			throw new ParameterException(commandLine, "a manager needs --broker, the workers' broker");
		}
		if (manager && !WorkerCommand.isSharedDatabase(db)) {
			throw new ParameterException(commandLine, "a manager and its workers share one job database: "
					+ "give a PostgreSQL --db (or SPRING_DATASOURCE_URL), not the embedded H2 file");
		}
		if (manager && reportOnly) {
			throw new ParameterException(commandLine, "a report reads no log: it has no partitions to send");
		}
		if (this.workers != null && this.workers < 1) {
			throw new ParameterException(commandLine, "--workers is 1 or more");
		}
	}

	/**
	 * What only a manager or a worker uses: a run that reads here leaves the broker's
	 * auto-configuration out. It loads some 400 classes, a tenth of the start-up on the
	 * sample (docs/performance.md).
	 */
	static final String WITHOUT_BROKER = "--spring.autoconfigure.exclude=" + ArtemisAutoConfiguration.class.getName()
			+ "," + JmsAutoConfiguration.class.getName();

	/**
	 * The defaults the application starts with, below every setting: a run that reads S3
	 * or CloudWatch Logs here reads {@link ScaleProperties#networkWorkers()} partitions
	 * at once unless told otherwise ({@code --workers}, {@code bca.scale.workers} in a
	 * settings file or the environment).
	 */
	Map<String, Object> defaultProperties(boolean overNetwork) {
		if (!overNetwork || ScaleProperties.MANAGER.equals(this.role)) {
			return Map.of();
		}
		return Map.of("bca.scale.workers", ScaleProperties.networkWorkers());
	}

	/**
	 * The settings the application starts with ({@code bca.scale.*}, the broker, or no
	 * broker at all).
	 */
	List<String> springArguments() {
		List<String> args = new ArrayList<>();
		if (this.workers != null) {
			args.add("--bca.scale.workers=" + this.workers);
		}
		if (ScaleProperties.MANAGER.equals(this.role)) {
			args.add("--bca.scale.role=" + ScaleProperties.MANAGER);
			args.add("--spring.artemis.broker-url=" + WorkerCommand.brokerUrl(this.broker));
		}
		else {
			args.add(WITHOUT_BROKER);
		}
		return args;
	}

}
