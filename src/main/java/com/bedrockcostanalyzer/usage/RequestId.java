package com.bedrockcostanalyzer.usage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * A logged invocation's {@code requestId} in 128 bits, what duplicates are told apart by.
 * Bedrock's ids are UUIDs, kept bit for bit; any other text is hashed (MD5: 128 bits, so
 * two different ids sharing a value is out of reach for any estate's volume, where 64
 * bits would not be). The text itself is never kept.
 */
public record RequestId(long high, long low) {

	/** The id of this text, or null when there is none to tell duplicates by. */
	public static RequestId of(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.length() == 36 && text.charAt(8) == '-' && text.charAt(13) == '-' && text.charAt(18) == '-'
				&& text.charAt(23) == '-') {
			try {
				UUID uuid = UUID.fromString(text);
				if (uuid.getMostSignificantBits() != 0 || uuid.getLeastSignificantBits() != 0) {
					return new RequestId(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
				}
			}
			catch (IllegalArgumentException ex) {
				// Not a UUID after all: hashed like any other text.
			}
		}
		byte[] digest = MD5.get().digest(text.getBytes(StandardCharsets.UTF_8));
		return new RequestId(toLong(digest, 0), toLong(digest, 8));
	}

	private static long toLong(byte[] bytes, int from) {
		long value = 0;
		for (int i = from; i < from + 8; i++) {
			value = (value << 8) | (bytes[i] & 0xFF);
		}
		return value;
	}

	/**
	 * One digest per reading thread: looking one up for every record costs more than
	 * hashing the id.
	 */
	private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(RequestId::md5);

	private static MessageDigest md5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has MD5", ex);
		}
	}

}
