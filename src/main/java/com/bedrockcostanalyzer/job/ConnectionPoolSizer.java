package com.bedrockcostanalyzer.job;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Gives every reading thread a database connection. A partition's chunk is one
 * transaction, from reading its first file to writing what they all counted, and holds
 * its connection all along; with fewer connections than threads (Hikari keeps 10 unless
 * told otherwise) the other threads wait for one, which reading S3 with many threads
 * showed plainly (docs/performance.md). The pool is only ever raised, never shrunk.
 */
@Component
class ConnectionPoolSizer implements BeanPostProcessor {

	/** The job's own thread and one to spare. */
	private static final int BESIDE_THE_THREADS = 2;

	private final Environment environment;

	ConnectionPoolSizer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool) {
			// Bound here, not injected: a post-processor is made before the
			// configuration-properties beans.
			ScaleProperties scale = Binder.get(this.environment).bindOrCreate("bca.scale", ScaleProperties.class);
			int needed = scale.readingThreads() + BESIDE_THE_THREADS;
			if (pool.getMaximumPoolSize() < needed) {
				pool.setMaximumPoolSize(needed);
			}
		}
		return bean;
	}

}
