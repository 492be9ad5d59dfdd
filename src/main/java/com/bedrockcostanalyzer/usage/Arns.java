package com.bedrockcostanalyzer.usage;

/** Reads the parts of an ARN this tool needs. */
public final class Arns {

	private Arns() {
	}

	/**
	 * The resource part of {@code arn:partition:service:region:account:resource}; it may
	 * itself contain colons (a model version {@code :0}). A string that is not an ARN is
	 * returned as it is.
	 */
	static String resourceOf(String arn) {
		if (!arn.startsWith("arn:")) {
			return arn;
		}
		int colons = 0;
		for (int i = 0; i < arn.length(); i++) {
			if (arn.charAt(i) == ':' && ++colons == 5) {
				return arn.substring(i + 1);
			}
		}
		return arn;
	}

	/**
	 * The Region part of an ARN: empty for Region-less ARNs, and for a string that is not
	 * an ARN.
	 */
	public static String regionOf(String arn) {
		String[] parts = arn.split(":", 5);
		return (arn.startsWith("arn:") && parts.length == 5) ? parts[3] : "";
	}

}
