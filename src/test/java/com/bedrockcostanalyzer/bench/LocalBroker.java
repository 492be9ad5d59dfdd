package com.bedrockcostanalyzer.bench;

import java.nio.file.Files;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An ActiveMQ Artemis broker on tcp://127.0.0.1:61616 (or the port given), in memory, for
 * trying a manager and workers on one machine and for the scale-out figures in
 * docs/operations.md:
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.bedrockcostanalyzer.bench.LocalBroker</pre>
 */
public final class LocalBroker {

	private LocalBroker() {
	}

	public static void main(String[] args) throws Exception {
		String url = "tcp://127.0.0.1:" + (args.length > 0 ? args[0] : "61616");
		EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
		broker.setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false)
			.setSecurityEnabled(false)
			.setJournalDirectory(Files.createTempDirectory("bca-broker").toString())
			.addAcceptorConfiguration("tcp", url));
		broker.start();
		System.out.println("broker ready on " + url);
		Thread.currentThread().join();
	}

}
