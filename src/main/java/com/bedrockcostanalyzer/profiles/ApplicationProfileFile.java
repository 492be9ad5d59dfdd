package com.bedrockcostanalyzer.profiles;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import com.bedrockcostanalyzer.usage.ApplicationProfile;
import com.bedrockcostanalyzer.usage.ModelIdNormalizer;
import com.bedrockcostanalyzer.usage.NormalizedModel;

/**
 * Profiles written down by hand or by a script, for runs without Bedrock credentials: a
 * CSV with the columns {@code arn,model_id,tags}, where {@code model_id} is the id the
 * profile was copied from (its {@code us.}/ {@code global.} prefix gives the scope, as in
 * the logs) and {@code tags} is {@code key=value} pairs joined by {@code ;}. A file that
 * does not read so is refused whole, naming the line.
 */
final class ApplicationProfileFile {

	private ApplicationProfileFile() {
	}

	static Map<String, ApplicationProfile> read(Path file, Instant readAt) {
		ModelIdNormalizer models = new ModelIdNormalizer(Map.of());
		Map<String, ApplicationProfile> profiles = new HashMap<>();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (CSVRecord row : CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.setIgnoreSurroundingSpaces(true)
				.setIgnoreEmptyLines(true)
				.get()
				.parse(in)) {
				String where = file + " line " + row.getRecordNumber();
				if (!row.isMapped("arn") || !row.isMapped("model_id")) {
					throw new IllegalArgumentException(file + " needs the columns arn,model_id[,tags]");
				}
				String arn = row.get("arn");
				if (!arn.contains(":application-inference-profile/")) {
					throw new IllegalArgumentException(where + ": not an application inference profile ARN");
				}
				NormalizedModel model = models.normalize(row.get("model_id"));
				if (!model.mapped()) {
					throw new IllegalArgumentException(where + ": model_id must be a model or inference profile id");
				}
				Map<String, String> tags = row.isMapped("tags") ? tags(row.get("tags"), where) : Map.of();
				profiles.put(arn, new ApplicationProfile(arn, model.model(), model.scope(), tags, readAt));
			}
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			throw new IllegalArgumentException(
					"cannot read the inference profiles file " + file + ": " + ex.getMessage(), ex);
		}
		return profiles;
	}

	private static Map<String, String> tags(String text, String where) {
		Map<String, String> tags = new LinkedHashMap<>();
		for (String pair : text.split(";")) {
			if (pair.isBlank()) {
				continue;
			}
			int equals = pair.indexOf('=');
			if (equals <= 0) {
				throw new IllegalArgumentException(where + ": tags are key=value pairs joined by ';'");
			}
			tags.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
		}
		return tags;
	}

}
