package com.bedrockcostanalyzer.job;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose files and Kubernetes manifests cannot run here (their images come from
 * registries these machines do not reach, and there is no cluster), and no schema
 * validator is packaged for Debian: their structure is checked instead — every reference
 * resolves (Dockerfile, job files, mounted folders, services, volumes), the Kubernetes
 * kinds carry their API versions, and the pods run as the image's unprivileged user with
 * a read-only root file system where the image allows it. docker/smoke-test builds and
 * runs the image itself.
 */
class ContainerRecipesTests {

	private static final Path DOCKER = Path.of("docker");

	private static final Map<String, String> API_VERSIONS = Map.of("ServiceAccount", "v1", "PersistentVolumeClaim",
			"v1", "CronJob", "batch/v1", "Job", "batch/v1", "Deployment", "apps/v1");

	/** The image's user (docker/Dockerfile: useradd --uid 10001). */
	private static final int IMAGE_USER = 10001;

	private static final Pattern JOB_FILE = Pattern.compile("jobs/[a-z-]+\\.yaml");

	@Test
	void composeFilesReferOnlyToWhatExists() throws Exception {
		for (String file : List.of("compose.yaml", "compose-scale-out.yaml")) {
			Map<String, Object> compose = map(load(DOCKER.resolve(file)).get(0));
			Map<String, Object> services = map(compose.get("services"));
			assertThat(services).as(file).isNotEmpty();
			assertThat(Files.readString(DOCKER.resolve("Dockerfile"))).contains("USER bca");
			for (Map.Entry<String, Object> service : services.entrySet()) {
				Map<String, Object> s = map(service.getValue());
				String where = file + " service " + service.getKey();
				assertThat(s.containsKey("image") || s.containsKey("build")).as(where + " has an image").isTrue();
				if (s.get("build") instanceof Map<?, ?> build) {
					Path context = DOCKER.resolve(build.get("context").toString()).normalize();
					assertThat(context.resolve(build.get("dockerfile").toString())).as(where).isRegularFile();
				}
				if (s.get("depends_on") instanceof Map<?, ?> dependsOn) {
					assertThat(services.keySet()).as(where).containsAll(stringKeys(dependsOn));
				}
				if (s.get("volumes") instanceof List<?> volumes) {
					for (Object volume : volumes) {
						String source = volume.toString().split(":")[0];
						if (source.startsWith(".")) {
							Path path = DOCKER.resolve(source).normalize();
							assertThat(Files.exists(path) || source.contains("reports") || source.contains("data"))
								.as(where + " mounts " + source)
								.isTrue();
						}
					}
				}
				jobFilesExist(where, String.valueOf(s.get("command")));
			}
		}
	}

	@Test
	void kubernetesManifestsAreWellFormedAndRunUnprivileged() throws Exception {
		int pods = 0;
		try (var files = Files.list(DOCKER.resolve("kubernetes"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".yaml")).toList()) {
				for (Object document : load(file)) {
					Map<String, Object> doc = map(document);
					String kind = String.valueOf(doc.get("kind"));
					String where = file.getFileName() + " " + kind;
					assertThat(API_VERSIONS).as(where + ": a kind this project uses").containsKey(kind);
					assertThat(doc.get("apiVersion")).as(where).isEqualTo(API_VERSIONS.get(kind));
					assertThat(String.valueOf(map(doc.get("metadata")).get("name"))).as(where)
						.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
					Map<String, Object> spec = map(doc.getOrDefault("spec", Map.of()));
					if (kind.equals("CronJob")) {
						assertThat(spec.get("schedule").toString().split(" ")).as(where).hasSize(5);
						spec = map(map(spec.get("jobTemplate")).get("spec"));
					}
					if (spec.get("template") == null) {
						continue;
					}
					Map<String, Object> pod = map(map(spec.get("template")).get("spec"));
					pods++;
					Map<String, Object> podSecurity = map(pod.get("securityContext"));
					assertThat(podSecurity.get("runAsNonRoot")).as(where).isEqualTo(true);
					assertThat(podSecurity.get("runAsUser")).as(where).isEqualTo(IMAGE_USER);
					Set<String> volumes = new java.util.HashSet<>();
					if (pod.get("volumes") instanceof List<?> declared) {
						declared.forEach((v) -> volumes.add(String.valueOf(map(v).get("name"))));
					}
					for (Object c : (List<?>) pod.get("containers")) {
						Map<String, Object> container = map(c);
						assertThat(container.get("image")).as(where).isNotNull();
						assertThat(map(container.get("securityContext")).get("allowPrivilegeEscalation")).as(where)
							.isEqualTo(false);
						jobFilesExist(where, String.valueOf(container.get("args")));
						if (container.get("volumeMounts") instanceof List<?> mounts) {
							mounts.forEach(
									(m) -> assertThat(volumes).as(where).contains(String.valueOf(map(m).get("name"))));
						}
					}
				}
			}
		}
		assertThat(pods).isEqualTo(3);
	}

	private static void jobFilesExist(String where, String command) {
		Matcher job = JOB_FILE.matcher(command);
		while (job.find()) {
			assertThat(Path.of(job.group())).as(where + " runs " + job.group()).isRegularFile();
		}
	}

	private static List<Object> load(Path file) throws Exception {
		List<Object> documents = new ArrayList<>();
		try (Reader in = Files.newBufferedReader(file)) {
			new Yaml(new LoaderOptions()).loadAll(in).forEach(documents::add);
		}
		return documents;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static List<String> stringKeys(Map<?, ?> map) {
		return map.keySet().stream().map(String::valueOf).toList();
	}

}
