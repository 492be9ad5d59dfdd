package com.bedrockcostanalyzer.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Gzip inflated by libdeflate, through the small JNI library built with the jar
 * ({@code src/main/c}): whole members at once, about four times as fast as the JDK's zlib
 * stream on this project's logs. It is used only where it cannot change a decision: a
 * unit of at most {@link #MAX_INPUT} compressed bytes whose every member inflates and
 * matches its checksum within {@link #MAX_OUTPUT} bytes. Anything else — a damaged or
 * truncated unit, a larger one, a machine where the library does not load, or
 * {@code -Dbca.inflate=jdk} — is read by {@link StrictGzipInputStream} over the same
 * bytes, as it always was, with the same records, rejects and locations.
 */
final class NativeGunzip {

	/** Compressed bytes read whole; a larger unit is streamed. */
	static final int MAX_INPUT = 4 << 20;

	/** Inflated bytes held at once (outside the Java heap), per reading thread. */
	static final int MAX_OUTPUT = 16 << 20;

	/** Buffers kept by a thread between units; larger ones go after their unit. */
	private static final int KEPT = 2 << 20;

	private static final int MAX_MEMBERS = 4096;

	/** What {@link #gunzip} answers when the output does not fit. */
	private static final long NO_SPACE = -2;

	private static final String RESOURCE = "/native/linux-amd64/libbcainflate.so";

	private static final Log logger = LogFactory.getLog(NativeGunzip.class);

	private static final boolean LOADED = load();

	private static final ThreadLocal<Buffers> PER_THREAD = ThreadLocal.withInitial(Buffers::new);

	private NativeGunzip() {
	}

	/** Whether libdeflate inflates this process's gzip. */
	static boolean loaded() {
		return LOADED;
	}

	/**
	 * The gzip stream {@code in}, from its first byte, inflated: by libdeflate when it
	 * reads the whole unit soundly, otherwise by {@link StrictGzipInputStream}.
	 */
	static InputStream open(InputStream in) throws IOException {
		if (!LOADED) {
			return new StrictGzipInputStream(in);
		}
		Buffers buffers = PER_THREAD.get().take();
		int length = buffers.readUpTo(in, MAX_INPUT + 1);
		byte[] compressed = buffers.input;
		if (length > MAX_INPUT) {
			InputStream start = new ByteArrayInputStream(Arrays.copyOf(compressed, length));
			return new StrictGzipInputStream(new SequenceInputStream(start, in));
		}
		int[] ends = buffers.ends;
		long result = -1;
		for (int size = initialOutput(compressed, length); size > 0; size = grown(size, result)) {
			ByteBuffer out = buffers.output(size);
			if (out == null) {
				break;
			}
			result = gunzip(compressed, length, out, ends);
			if (result >= 0) {
				return new InflatedGzip(buffers, out, Arrays.copyOf(ends, (int) (result >>> 32)), (int) result);
			}
		}
		return new StrictGzipInputStream(new ByteArrayInputStream(Arrays.copyOf(compressed, length)));
	}

	/** The last member's stored length, the whole output of the usual single member. */
	private static int initialOutput(byte[] compressed, int length) {
		long stored = length < 8 ? 0 : (compressed[length - 4] & 0xffL) | (compressed[length - 3] & 0xffL) << 8
				| (compressed[length - 2] & 0xffL) << 16 | (compressed[length - 1] & 0xffL) << 24;
		return (int) Math.min(MAX_OUTPUT, Math.max(64 * 1024, Math.max(stored, 4L * length)));
	}

	/** The next size to try after a result, or 0 to give up. */
	private static int grown(int size, long result) {
		return (result == NO_SPACE && size < MAX_OUTPUT) ? (int) Math.min(MAX_OUTPUT, 2L * size) : 0;
	}

	/**
	 * Inflates {@code in[0, length)} into {@code out}, member after member, filling
	 * {@code ends} with where each member's output ends: members << 32 | bytes out, or a
	 * negative code (-1 bad data, -2 no space, -3 too many members, -4 no memory).
	 */
	private static native long gunzip(byte[] in, int length, ByteBuffer out, int[] ends);

	private static boolean load() {
		if ("jdk".equals(System.getProperty("bca.inflate"))) {
			logger.info("gzip is inflated by the JDK (-Dbca.inflate=jdk)");
			return false;
		}
		if (!"Linux".equals(System.getProperty("os.name")) || !"amd64".equals(System.getProperty("os.arch"))) {
			return false;
		}
		try {
			System.loadLibrary("bcainflate");
			return true;
		}
		catch (UnsatisfiedLinkError ex) {
			// not on java.library.path: the copy inside the jar
		}
		URL library = NativeGunzip.class.getResource(RESOURCE);
		if (library == null) {
			logger.info("gzip is inflated by the JDK: this build has no libdeflate library");
			return false;
		}
		try {
			Path copy = Files.createTempFile("bca-inflate", ".so");
			try (InputStream in = library.openStream()) {
				Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
				System.load(copy.toString());
			}
			finally {
				Files.deleteIfExists(copy);
			}
			return true;
		}
		catch (IOException | UnsatisfiedLinkError | SecurityException ex) {
			logger.warn("gzip is inflated by the JDK, more slowly: the libdeflate library did not load ("
					+ ex.getMessage() + "); set -Djava.library.path to a folder holding libbcainflate.so");
			return false;
		}
	}

	/**
	 * A thread's buffers, reused unit after unit. Each {@link #take} starts a new
	 * generation: a stream still holding the previous one fails loudly instead of reading
	 * another unit's bytes.
	 */
	static final class Buffers {

		private byte[] input = new byte[256 * 1024];

		/** Where each member's output ends, as the last inflation found them. */
		private final int[] ends = new int[MAX_MEMBERS];

		private ByteBuffer output;

		private int generation;

		Buffers take() {
			this.generation++;
			if (this.input.length > KEPT) {
				this.input = new byte[256 * 1024];
			}
			if (this.output != null && this.output.capacity() > KEPT) {
				this.output = null;
			}
			return this;
		}

		int generation() {
			return this.generation;
		}

		int readUpTo(InputStream in, int limit) throws IOException {
			int length = 0;
			while (length < limit) {
				if (length == this.input.length) {
					this.input = Arrays.copyOf(this.input, Math.min(limit, 2 * this.input.length));
				}
				int n = in.read(this.input, length, this.input.length - length);
				if (n < 0) {
					break;
				}
				length += n;
			}
			return length;
		}

		/**
		 * A direct buffer of at least {@code size} bytes, or null when none can be had.
		 */
		ByteBuffer output(int size) {
			if (this.output == null || this.output.capacity() < size) {
				this.output = null;
				try {
					this.output = ByteBuffer.allocateDirect(size);
				}
				catch (OutOfMemoryError ex) {
					return null;
				}
			}
			return this.output;
		}

	}

	/**
	 * What libdeflate inflated, read member by member as the JDK's stream would give it.
	 */
	static final class InflatedGzip extends BulkInputStream implements GzipMembers {

		private final Buffers buffers;

		private final int generation;

		private final ByteBuffer out;

		private final int[] ends;

		private final int length;

		private int position;

		private int member;

		private Runnable onMemberVerified = () -> {
		};

		InflatedGzip(Buffers buffers, ByteBuffer out, int[] ends, int length) {
			this.buffers = buffers;
			this.generation = buffers.generation();
			this.out = out;
			this.ends = ends;
			this.length = length;
		}

		@Override
		public void onMemberVerified(Runnable callback) {
			this.onMemberVerified = callback;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (this.buffers.generation() != this.generation) {
				throw new IllegalStateException("a gzip unit read after its thread opened another");
			}
			if (len == 0) {
				return 0;
			}
			// As the JDK's stream: a member is verified once its last byte has been read,
			// and no read runs past a member's end.
			while (this.member < this.ends.length && this.position == this.ends[this.member]) {
				this.member++;
				this.onMemberVerified.run();
			}
			if (this.position == this.length) {
				return -1;
			}
			int n = Math.min(len, this.ends[this.member] - this.position);
			this.out.get(this.position, b, off, n);
			this.position += n;
			return n;
		}

	}

}
