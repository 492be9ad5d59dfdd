package com.bedrockcostanalyzer.cli;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import com.bedrockcostanalyzer.alerts.BudgetProperties;
import com.bedrockcostanalyzer.alerts.NotifyProperties;
import com.bedrockcostanalyzer.report.FocusProperties;
import com.bedrockcostanalyzer.savings.SavingsProperties;
import com.bedrockcostanalyzer.usage.UsageProperties;

/**
 * A saved job definition ({@code jobs/*.yaml}), read with Spring Boot's own YAML loading
 * and binding, so it reads like any Boot configuration and {@code ${ENV_VAR}}
 * placeholders are not needed: the datasource and AWS credentials come from the
 * environment. {@code savings:}, {@code usage:}, {@code notify:}, {@code budgets:} and
 * {@code focus:} are the {@code bca.savings.*}, {@code bca.usage.*},
 * {@code bca.notify.*}, {@code bca.budgets.*} and {@code bca.focus.*} settings of the
 * run.
 *
 * @param job {@code nightly}, {@code monthly-audit} or {@code recommendations}
 * @param window the window rule: {@code yesterday}, {@code last-month},
 * {@code month-to-date}, {@code last-N-days}, {@code YYYY-MM}, {@code YYYY-MM-DD} or
 * {@code YYYY-MM-DD..YYYY-MM-DD} (end excluded)
 * @param reprocess forget what was counted in the window and count it again (the audit
 * recounts)
 * @param cur Cost and Usage Report files to reconcile with
 * @param jumpPercent the daily spend rise that is flagged, in percent
 * @param out the report folder; {@code {from}}, {@code {to}} and {@code {month}} are
 * filled in
 */
record JobFile(String job, List<String> sources, String window, String prices, List<String> discounts, String currency,
		BigDecimal fx, String region, String out, String db, boolean reprocess, List<String> cur, Integer jumpPercent,
		Map<String, Object> settings) {

	private static final String PREFIX = "job-file";

	static final Set<String> JOBS = Set.of("nightly", "monthly-audit", "recommendations");

	private static final Set<String> KEYS = Set.of("job", "sources", "window", "prices", "discounts", "currency", "fx",
			"region", "out", "db", "reprocess", "cur", "jump-percent", "savings", "usage", "notify", "budgets",
			"focus");

	JobFile {
		sources = sources == null ? List.of() : List.copyOf(sources);
		discounts = discounts == null ? List.of() : List.copyOf(discounts);
		cur = cur == null ? List.of() : List.copyOf(cur);
		settings = settings == null ? Map.of() : Map.copyOf(settings);
	}

	/**
	 * Reads a job file. Relative paths in it (sources, prices, CUR files) are taken from
	 * the current directory, as on the command line: the shipped jobs are run from the
	 * project folder or the container's working directory.
	 */
	static JobFile read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("job file " + file + " does not exist");
		}
		checkShape(file);
		List<PropertySource<?>> documents;
		try {
			documents = new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(
					"job file " + file + " is not valid YAML: " + firstLine(ex.getMessage()));
		}
		if (documents.size() != 1) {
			throw new IllegalArgumentException("job file " + file + " must hold exactly one YAML document");
		}
		EnumerablePropertySource<?> source = (EnumerablePropertySource<?>) documents.get(0);
		Set<String> unknown = new TreeSet<>();
		Set<String> unknownSettings = new TreeSet<>();
		Map<String, Object> settings = new LinkedHashMap<>();
		// Boot binds below a name, never at the root: the file's keys go under
		// "job-file".
		Map<String, Object> prefixed = new LinkedHashMap<>();
		for (String name : source.getPropertyNames()) {
			prefixed.put(PREFIX + "." + name, source.getProperty(name));
			String top = ConfigurationPropertyName.adapt(name, '.')
				.getElement(0, ConfigurationPropertyName.Form.DASHED);
			if (!KEYS.contains(top)) {
				unknown.add(top);
			}
			else if (SETTINGS.containsKey(top)) {
				ConfigurationPropertyName key = ConfigurationPropertyName.adapt(name, '.');
				Set<String> known = SETTINGS.get(top);
				String second = key.getNumberOfElements() > 1 ? key.getElement(1, ConfigurationPropertyName.Form.DASHED)
						: "";
				if (!known.contains(second)) {
					unknownSettings.add("'" + top + "." + second + "' (did you mean '" + top + "."
							+ nearest(second, known) + "'?)");
				}
				settings.put("bca." + name, source.getProperty(name));
			}
		}
		if (!unknownSettings.isEmpty()) {
			throw new IllegalArgumentException("job file " + file + " has unknown setting"
					+ (unknownSettings.size() > 1 ? "s " : " ") + String.join(", ", unknownSettings));
		}
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException(
					"job file " + file + " has unknown key" + (unknown.size() > 1 ? "s " : " ")
							+ String.join(", ", unknown) + " (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
		}
		Binder binder = new Binder(new MapConfigurationPropertySource(prefixed));
		JobFile bound;
		try {
			bound = binder.bindOrCreate(PREFIX, Bindable.of(JobFile.class));
		}
		catch (BindException ex) {
			String key = (ex.getProperty() != null ? ex.getProperty().getName().toString() : ex.getName().toString())
				.substring(PREFIX.length() + 1);
			throw new IllegalArgumentException("job file " + file + ": '" + key + "' "
					+ firstLine(ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage()));
		}
		if (bound.job() == null || !JOBS.contains(bound.job())) {
			throw new IllegalArgumentException(
					"job file " + file + " must say 'job:' one of " + String.join(", ", new TreeSet<>(JOBS)));
		}
		return new JobFile(bound.job(), bound.sources(), bound.window(), bound.prices(), bound.discounts(),
				bound.currency(), bound.fx(), bound.region(), bound.out(), bound.db(), bound.reprocess(), bound.cur(),
				bound.jumpPercent(), settings);
	}

	/**
	 * The settings a job file may give under each settings key, as Boot binds them.
	 */
	private static final Map<String, Set<String>> SETTINGS = Map.of("savings", keys(SavingsProperties.class), "usage",
			keys(UsageProperties.class), "notify", keys(NotifyProperties.class), "budgets",
			keys(BudgetProperties.class), "focus", keys(FocusProperties.class));

	/** A job file is a few lines: anything much larger is not one. */
	static final long MAX_BYTES = 64 * 1024;

	private static Set<String> keys(Class<? extends Record> properties) {
		Set<String> keys = new TreeSet<>();
		for (RecordComponent component : properties.getRecordComponents()) {
			keys.add(component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
		}
		return keys;
	}

	/**
	 * Refuses, before YAML is loaded, what could make loading itself the problem: an
	 * oversized file, and anchors and aliases, which a job file never needs and which can
	 * expand a few hundred bytes into more than memory holds.
	 */
	private static void checkShape(Path file) throws IOException {
		if (Files.size(file) > MAX_BYTES) {
			throw new IllegalArgumentException(
					"job file " + file + " is larger than " + MAX_BYTES / 1024 + " KB; a job file is a few lines");
		}
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(0);
		try (Reader reader = Files.newBufferedReader(file)) {
			for (Event event : new Yaml(options).parse(reader)) {
				if (event instanceof AliasEvent || (event instanceof NodeEvent node && node.getAnchor() != null)) {
					throw new IllegalArgumentException("job file " + file + " uses a YAML anchor or alias (line "
							+ (event.getStartMark().getLine() + 1) + "); write the values out instead");
				}
			}
		}
		catch (YAMLException ex) {
			throw new IllegalArgumentException(
					"job file " + file + " is not valid YAML: " + firstLine(ex.getMessage()));
		}
	}

	/** The known key closest to a misspelt one (fewest single-letter edits). */
	static String nearest(String typed, Set<String> known) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : known) {
			int distance = editDistance(typed, candidate);
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	private static int editDistance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	List<String> settingsAsArguments() {
		List<String> arguments = new ArrayList<>();
		this.settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		return arguments;
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}

}
