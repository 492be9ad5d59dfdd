package com.bedrockcostanalyzer.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockcostanalyzer.usage.Window;

class LocalInputListerTests {

	private static final String LOGS = "AWSLogs/123456789012/BedrockModelInvocationLogs/us-east-1/";

	@TempDir
	Path root;

	private final Window window = new Window(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3));

	@Test
	void readsTheWindowsHourFoldersAndOneHourPastEachEdge() throws IOException {
		file(LOGS + "2026/10/01/22/a.json.gz");
		file(LOGS + "2026/10/01/23/b.json.gz");
		file(LOGS + "2026/10/02/00/c.json.gz");
		file(LOGS + "2026/10/02/23/d.json.gz");
		file(LOGS + "2026/10/03/00/e.json.gz");
		file(LOGS + "2026/10/03/01/f.json.gz");
		file(LOGS + "2026/09/15/10/g.json.gz");

		assertThat(keys()).containsExactly(LOGS + "2026/10/01/23/b.json.gz", LOGS + "2026/10/02/00/c.json.gz",
				LOGS + "2026/10/02/23/d.json.gz", LOGS + "2026/10/03/00/e.json.gz");
	}

	@Test
	void skipsPermissionCheckObjectSidecarsAndEmptyFilesAndListsAnyOtherFile() throws IOException {
		Files.createDirectories(this.root);
		Files.write(this.root.resolve("amazon-bedrock-logs-permission-check"), new byte[0]);
		file(LOGS + "2026/10/02/05/data/abc_input.json.gz");
		file(LOGS + "2026/10/02/05/real.json.gz");
		Files.write(Files.createDirectories(this.root.resolve(LOGS + "2026/10/02/06")).resolve("empty.json.gz"),
				new byte[0]);
		file("notes.txt");
		file(".DS_Store");

		List<InputUnit> units = new LocalInputLister().list(this.root, this.window);

		// A file whose name says nothing is listed, to be read by its content or
		// reported: never passed over.
		assertThat(units).extracting(InputUnit::key).containsExactly(LOGS + "2026/10/02/05/real.json.gz", "notes.txt");
		assertThat(units).extracting(InputUnit::format).containsExactly(UnitFormat.INVOCATION_LOG, UnitFormat.UNKNOWN);
	}

	@Test
	void readsLooseFilesAndCsvExportsWhateverTheirDates() throws IOException {
		file("exports/october.csv");
		file("exports/more.csv.gz");
		file("loose/invocations.jsonl");

		assertThat(new LocalInputLister().list(this.root, this.window)).extracting(InputUnit::key, InputUnit::format)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("exports/more.csv.gz", UnitFormat.CSV),
					org.assertj.core.groups.Tuple.tuple("exports/october.csv", UnitFormat.CSV),
					org.assertj.core.groups.Tuple.tuple("loose/invocations.jsonl", UnitFormat.INVOCATION_LOG));
	}

	@Test
	void readsASingleFileNamedOnTheCommandLine() throws IOException {
		Path file = file("one-file.json.gz");

		List<InputUnit> units = new LocalInputLister().list(file, this.window);

		assertThat(units).singleElement().satisfies((unit) -> {
			assertThat(unit.location()).isEqualTo(file.toAbsolutePath().toString());
			assertThat(unit.version()).startsWith("size:2;mtime:");
		});
	}

	@Test
	void followsLinkedFoldersAndListsAFileReachedTwiceOnceWhicheverLinkComesFirst(@TempDir Path elsewhere)
			throws IOException {
		file("logs/a/x.json");
		Files.writeString(Files.createDirectories(elsewhere.resolve("more")).resolve("y.json"), "{}");
		// Inside the tree: the folder a again under two names, and a link back up to the
		// tree's root (a loop).
		Files.createSymbolicLink(this.root.resolve("logs/b"), this.root.resolve("logs/a"));
		Files.createSymbolicLink(this.root.resolve("logs/0-first-by-name"), this.root.resolve("logs/a"));
		Files.createSymbolicLink(this.root.resolve("logs/a/up"), this.root.resolve("logs"));
		// Outside the tree: followed, and listed under the link's name.
		Files.createSymbolicLink(this.root.resolve("logs/outside"), elsewhere.resolve("more"));

		List<InputUnit> units = new LocalInputLister().list(this.root.resolve("logs"), this.window);

		assertThat(units).extracting(InputUnit::key).containsExactly("a/x.json", "outside/y.json");
		assertThat(units.get(1).location()).isEqualTo(this.root.resolve("logs/outside/y.json").toString());
	}

	private List<String> keys() throws IOException {
		return new LocalInputLister().list(this.root, this.window).stream().map(InputUnit::key).toList();
	}

	private Path file(String relative) throws IOException {
		Path file = this.root.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, "{}");
		return file;
	}

}
