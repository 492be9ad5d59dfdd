package com.bedrockcostanalyzer.source.s3;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import com.bedrockcostanalyzer.source.InputSource;
import com.bedrockcostanalyzer.source.InputUnit;
import com.bedrockcostanalyzer.source.LogLayout;
import com.bedrockcostanalyzer.source.UnitFormat;
import com.bedrockcostanalyzer.source.UnsupportedSourceException;
import com.bedrockcostanalyzer.source.Window;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code s3://bucket/prefix}: finds every account's and Region's log folder below the prefix, lists only the day
 * folders the window needs (keeping the hours it needs, plus one either side), and streams each object through gzip
 * without saving it. Loose log or CSV objects directly under the prefix are read too.
 */
public final class S3Source implements InputSource {

	/** How deep below the prefix {@code AWSLogs/{account}/BedrockModelInvocationLogs/{region}/} is looked for. */
	static final int MAX_DEPTH = 6;

	private final Supplier<S3Client> clients;

	private S3Client s3;

	public S3Source(Supplier<S3Client> clients) {
		this.clients = clients;
	}

	private synchronized S3Client s3() {
		if (this.s3 == null) {
			this.s3 = this.clients.get();
		}
		return this.s3;
	}

	@Override
	public boolean handles(String source) {
		return source.startsWith("s3://");
	}

	@Override
	public void check(String source) {
		try {
			S3Location.parse(source);
		}
		catch (IllegalArgumentException ex) {
			throw new UnsupportedSourceException(ex.getMessage());
		}
	}

	@Override
	public String canonicalName(String source) {
		return S3Location.parse(source).toString();
	}

	@Override
	public List<InputUnit> list(String source, Window window) {
		S3Location location = S3Location.parse(source);
		String name = location.toString();
		List<InputUnit> units = new ArrayList<>();
		if (LogLayout.isInsideDatedFolders(location.prefix())) {
			// The prefix already points into one Region's date folders: read what is under it.
			listAll(units, name, location, location.prefix(), window);
			return sorted(units);
		}
		List<String> regionRoots = new ArrayList<>();
		Deque<String> prefixes = new ArrayDeque<>();
		prefixes.add(location.prefix());
		while (!prefixes.isEmpty()) {
			String prefix = prefixes.poll();
			if (LogLayout.isRegionRoot(prefix)) {
				regionRoots.add(prefix);
				continue;
			}
			int depth = depth(prefix) - depth(location.prefix());
			for (ListObjectsV2Response page : s3().listObjectsV2Paginator(
					ListObjectsV2Request.builder().bucket(location.bucket()).prefix(prefix).delimiter("/").build())) {
				if (prefix.equals(location.prefix())) {
					// Loose objects right under the prefix: a copied file, a CSV export.
					page.contents().forEach((object) -> addUnit(units, name, location, object));
				}
				for (CommonPrefix child : page.commonPrefixes()) {
					if (depth < MAX_DEPTH && worthDescending(child.prefix())) {
						prefixes.add(child.prefix());
					}
				}
			}
		}
		for (String root : regionRoots) {
			for (LocalDate day = window.from().minusDays(1); !day.isAfter(window.to()); day = day.plusDays(1)) {
				listAll(units, name, location, root + String.format("%04d/%02d/%02d/", day.getYear(),
						day.getMonthValue(), day.getDayOfMonth()), window);
			}
		}
		return sorted(units);
	}

	private void listAll(List<InputUnit> units, String name, S3Location location, String prefix, Window window) {
		for (ListObjectsV2Response page : s3()
			.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(location.bucket()).prefix(prefix).build())) {
			for (S3Object object : page.contents()) {
				if (!LogLayout.outsideWindow(object.key(), window)) {
					addUnit(units, name, location, object);
				}
			}
		}
	}

	private static List<InputUnit> sorted(List<InputUnit> units) {
		units.sort(Comparator.comparing(InputUnit::key));
		return units;
	}

	/** Below an account's folder only Bedrock's logs are of interest (CloudTrail and others can be huge). */
	private static boolean worthDescending(String prefix) {
		String[] parts = prefix.split("/");
		if (parts.length >= 3 && parts[parts.length - 3].equals("AWSLogs")) {
			return parts[parts.length - 1].equals("BedrockModelInvocationLogs");
		}
		return !parts[parts.length - 1].equals("data");
	}

	private static int depth(String prefix) {
		return (int) prefix.chars().filter((c) -> c == '/').count();
	}

	private static void addUnit(List<InputUnit> units, String source, S3Location location, S3Object object) {
		if (LogLayout.isInput(object.key(), object.size())) {
			UnitFormat format = LogLayout.formatOf(object.key());
			units.add(new InputUnit(source, object.key(), location.uri(object.key()), object.size(),
					"etag:" + object.eTag(), format, object.lastModified()));
		}
	}

	@Override
	public InputStream open(InputUnit unit) {
		S3Location location = S3Location.parse(unit.source());
		String etag = unit.version().startsWith("etag:") ? unit.version().substring(5) : null;
		return new ResumingObjectStream(s3(), location.bucket(), unit.key(), etag, unit.size());
	}

}
