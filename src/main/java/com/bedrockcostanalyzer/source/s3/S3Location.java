package com.bedrockcostanalyzer.source.s3;

/** {@code s3://bucket/prefix}: the prefix is empty or ends with a slash. */
record S3Location(String bucket, String prefix) {

	static S3Location parse(String source) {
		if (!source.startsWith("s3://")) {
			throw new IllegalArgumentException("not an s3:// source: " + source);
		}
		String rest = source.substring("s3://".length());
		int slash = rest.indexOf('/');
		String bucket = slash < 0 ? rest : rest.substring(0, slash);
		String prefix = slash < 0 ? "" : rest.substring(slash + 1);
		if (!bucket.matches("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]")) {
			throw new IllegalArgumentException("'" + bucket + "' is not an S3 bucket name (in " + source + ")");
		}
		if (!prefix.isEmpty() && !prefix.endsWith("/")) {
			prefix = prefix + "/";
		}
		return new S3Location(bucket, prefix);
	}

	String uri(String key) {
		return "s3://" + this.bucket + "/" + key;
	}

	@Override
	public String toString() {
		return "s3://" + this.bucket + "/" + this.prefix;
	}

}
