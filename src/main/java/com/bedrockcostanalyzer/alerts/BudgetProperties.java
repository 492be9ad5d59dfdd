package com.bedrockcostanalyzer.alerts;

import java.math.BigDecimal;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Monthly budgets in USD ({@code budgets:} in a job file): in total, per path and per
 * model. A model id holds dots, so in YAML it is written in brackets: {@code models:
 * {"[anthropic.claude-sonnet-4-6]": 500}}.
 */
@ConfigurationProperties("bca.budgets")
public record BudgetProperties(@Nullable BigDecimal total, Map<String, BigDecimal> paths,
		Map<String, BigDecimal> models) {

	public BudgetProperties {
		paths = (paths == null) ? Map.of() : Map.copyOf(paths);
		models = (models == null) ? Map.of() : Map.copyOf(models);
	}

}
