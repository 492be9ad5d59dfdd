package com.bedrockcostanalyzer.source.s3;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

import com.bedrockcostanalyzer.source.InputSource;
import com.bedrockcostanalyzer.source.InputUnit;
import com.bedrockcostanalyzer.source.LogLayout;
import com.bedrockcostanalyzer.source.UnitFormat;
import com.bedrockcostanalyzer.source.UnsupportedSourceException;
import com.bedrockcostanalyzer.usage.Window;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code s3://bucket/prefix}: finds every account's and Region's log folder below the
 * prefix, lists only the day folders the window needs (keeping the hours it needs, plus
 * one either side), and streams each object through gzip without saving it. Loose log or
 * CSV objects directly under the prefix are read too.
 *
 * <p>
 * Listings run {@value #CONCURRENT_LISTINGS} at a time: a month is 32 day folders per
 * account and Region, and a LIST answers in tens of milliseconds, so one after the other
 * they would keep a run waiting before it reads anything. A day that one answer cannot
 * hold (more than 1,000 keys) is listed a level at a time ({@code /} as the delimiter),
 * hour by hour, and the hours' {@code data/} folders of offloaded bodies are never
 * listed: with long prompts they hold more keys than the logs themselves.
 */
public final class S3Source implements InputSource {

	/**
	 * How deep below the prefix
	 * {@code AWSLogs/{account}/BedrockModelInvocationLogs/{region}/} is looked for.
	 */
	static final int MAX_DEPTH = 6;

	/**
	 * Folder listings in flight at once (the SDK's HTTP client keeps up to 50
	 * connections).
	 */
	static final int CONCURRENT_LISTINGS = 16;

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
	public boolean overNetwork() {
		return true;
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
		List<InputUnit> units = new ArrayList<>();
		ExecutorService listings = Executors.newFixedThreadPool(CONCURRENT_LISTINGS, (task) -> {
			Thread thread = new Thread(task, "s3-list");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<String> dated = LogLayout.isInsideDatedFolders(location.prefix())
					// The prefix already points into one Region's date folders: read what
					// is under it.
					? List.of(location.prefix()) : dayFolders(regionRoots(listings, location, units), window);
			listDated(listings, location, dated, window, units);
		}
		finally {
			listings.shutdownNow();
		}
		return sorted(units);
	}

	/**
	 * The day folders the window needs in each Region's folder, with the day either side.
	 */
	private static List<String> dayFolders(List<String> regionRoots, Window window) {
		List<String> days = new ArrayList<>();
		for (String root : regionRoots) {
			for (LocalDate day = window.from().minusDays(1); !day.isAfter(window.to()); day = day.plusDays(1)) {
				days.add(root
						+ String.format("%04d/%02d/%02d/", day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
			}
		}
		return days;
	}

	/**
	 * Adds the window's objects below the dated folders to {@code units}. A folder is
	 * first asked for whole: one answer holds a day of up to 1,000 keys. A folder of more
	 * is listed a level at a time, hour by hour, so that the data/ folders of offloaded
	 * bodies are never paged through.
	 */
	private void listDated(ExecutorService listings, S3Location location, List<String> dated, Window window,
			List<InputUnit> units) {
		List<String> level = new ArrayList<>();
		List<Folder> wholes = listEach(listings, dated, (prefix) -> listWhole(location.bucket(), prefix));
		for (int i = 0; i < dated.size(); i++) {
			if (wholes.get(i) == null) {
				level.add(dated.get(i));
			}
			else {
				addInWindow(units, location, wholes.get(i), window);
			}
		}
		while (!level.isEmpty()) {
			List<String> next = new ArrayList<>();
			for (Folder folder : listEach(listings, level, (prefix) -> listFolder(location.bucket(), prefix))) {
				addInWindow(units, location, folder, window);
				for (String child : folder.folders()) {
					if (!LogLayout.outsideWindow(child, window) && !LogLayout.isSidecar(child)) {
						next.add(child);
					}
				}
			}
			level = next;
		}
	}

	/**
	 * The account and Region folders below the prefix, a level at a time,
	 * {@link #MAX_DEPTH} levels at most; the objects of the folders walked on the way,
	 * outside Bedrock's layout, go to {@code units}.
	 */
	private List<String> regionRoots(ExecutorService listings, S3Location location, List<InputUnit> units) {
		if (LogLayout.isRegionRoot(location.prefix())) {
			return List.of(location.prefix());
		}
		List<String> roots = new ArrayList<>();
		for (List<String> level = List.of(location.prefix()); !level.isEmpty();) {
			List<String> next = new ArrayList<>();
			List<Folder> folders = listEach(listings, level, (prefix) -> listFolder(location.bucket(), prefix));
			for (int i = 0; i < level.size(); i++) {
				String prefix = level.get(i);
				// Objects outside Bedrock's layout are read wherever they are (a copied
				// file, a CSV export, a
				// CloudWatch Logs export's 000000.gz, Firehose objects under
				// YYYY/MM/DD/HH/): by their content.
				folders.get(i).objects().forEach((object) -> addUnit(units, location, object));
				int depth = depth(prefix) - depth(location.prefix());
				for (String child : folders.get(i).folders()) {
					if (depth < MAX_DEPTH && worthDescending(child)) {
						(LogLayout.isRegionRoot(child) ? roots : next).add(child);
					}
				}
			}
			level = next;
		}
		return roots;
	}

	/**
	 * One listing per prefix, run on {@code listings}; the answers in the order of the
	 * prefixes.
	 */
	private static List<Folder> listEach(ExecutorService listings, List<String> prefixes,
			Function<String, Folder> lister) {
		List<Future<Folder>> answers = new ArrayList<>(prefixes.size());
		for (String prefix : prefixes) {
			answers.add(listings.submit(() -> lister.apply(prefix)));
		}
		List<Folder> folders = new ArrayList<>(prefixes.size());
		for (Future<Folder> answer : answers) {
			try {
				folders.add(answer.get());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while listing S3", ex);
			}
			catch (ExecutionException ex) {
				// The SDK's own exception, as a listing on this thread would have thrown
				// it.
				if (ex.getCause() instanceof RuntimeException failure) {
					throw failure;
				}
				throw new IllegalStateException(ex.getCause());
			}
		}
		return folders;
	}

	/**
	 * Everything below {@code prefix}, as the objects of one folder, if one answer holds
	 * it; else null.
	 */
	private Folder listWhole(String bucket, String prefix) {
		ListObjectsV2Response answer = s3()
			.listObjectsV2(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build());
		return answer.isTruncated() ? null : new Folder(answer.contents(), List.of());
	}

	/**
	 * The objects right in the folder {@code prefix} and the folders right below it, in
	 * as many answers as needed.
	 */
	private Folder listFolder(String bucket, String prefix) {
		List<S3Object> objects = new ArrayList<>();
		List<String> folders = new ArrayList<>();
		for (ListObjectsV2Response page : s3().listObjectsV2Paginator(
				ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).delimiter("/").build())) {
			objects.addAll(page.contents());
			page.commonPrefixes().forEach((folder) -> folders.add(folder.prefix()));
		}
		return new Folder(objects, folders);
	}

	private static void addInWindow(List<InputUnit> units, S3Location location, Folder folder, Window window) {
		for (S3Object object : folder.objects()) {
			if (!LogLayout.outsideWindow(object.key(), window)) {
				addUnit(units, location, object);
			}
		}
	}

	private static List<InputUnit> sorted(List<InputUnit> units) {
		units.sort(Comparator.comparing(InputUnit::key));
		return units;
	}

	/**
	 * Below an account's folder only Bedrock's logs are of interest (CloudTrail and
	 * others can be huge).
	 */
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

	private static void addUnit(List<InputUnit> units, S3Location location, S3Object object) {
		if (LogLayout.isInput(object.key(), object.size())) {
			UnitFormat format = LogLayout.listedFormatOf(object.key().substring(object.key().lastIndexOf('/') + 1));
			units.add(new InputUnit(location.toString(), object.key(), location.uri(object.key()), object.size(),
					"etag:" + object.eTag(), format, object.lastModified()));
		}
	}

	@Override
	public InputStream open(InputUnit unit) {
		S3Location location = S3Location.parse(unit.source());
		String etag = unit.version().startsWith("etag:") ? unit.version().substring(5) : null;
		return new ResumingObjectStream(s3(), location.bucket(), unit.key(), etag, unit.size());
	}

	/** One folder's listing: the objects in it and the folders right below it. */
	private record Folder(List<S3Object> objects, List<String> folders) {
	}

}
