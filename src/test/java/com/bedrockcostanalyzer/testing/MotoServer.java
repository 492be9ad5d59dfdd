package com.bedrockcostanalyzer.testing;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

/**
 * moto_server (installed on the project's machines) on a free loopback port, for
 * CloudWatch Logs. Where it is missing the tests that need it are skipped with a loud
 * message; CI fails instead ({@code .ci/run} checks for it).
 */
public final class MotoServer implements AutoCloseable {

	private final Process process;

	private final URI endpoint;

	private MotoServer(Process process, URI endpoint) {
		this.process = process;
		this.endpoint = endpoint;
	}

	public static boolean installed() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (new File(dir, "moto_server").canExecute()) {
				return true;
			}
		}
		return false;
	}

	public static MotoServer start() throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		URI endpoint = URI.create("http://127.0.0.1:" + port);
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/")
					.toURL()
					.openConnection();
				connection.setConnectTimeout(500);
				if (connection.getResponseCode() == 200) {
					return new MotoServer(process, endpoint);
				}
			}
			catch (IOException ex) {
				// not up yet
			}
			Thread.sleep(200);
		}
		process.destroyForcibly();
		throw new IOException("moto_server did not start on port " + port);
	}

	public URI endpoint() {
		return this.endpoint;
	}

	@Override
	public void close() {
		this.process.destroy();
	}

}
