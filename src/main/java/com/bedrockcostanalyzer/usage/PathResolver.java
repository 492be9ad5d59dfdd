package com.bedrockcostanalyzer.usage;

import java.util.List;
import java.util.Map;

/**
 * Decides which application path made a call: a request-metadata tag, else the caller's role or user, else
 * {@value #UNATTRIBUTED}.
 */
public final class PathResolver {

	public static final String UNATTRIBUTED = "unattributed";

	/** Longer values are cut: a path is a label, and the aggregate table keeps it in a bounded column. */
	public static final int MAX_LENGTH = 200;

	private final List<String> metadataKeys;

	public PathResolver(List<String> metadataKeys) {
		this.metadataKeys = List.copyOf(metadataKeys);
	}

	public String resolve(Map<String, String> requestMetadata, String identityArn) {
		if (requestMetadata != null && !requestMetadata.isEmpty()) {
			for (String key : this.metadataKeys) {
				String value = requestMetadata.get(key);
				if (value != null && !value.isBlank()) {
					return cap(value.trim());
				}
			}
		}
		if (identityArn != null && !identityArn.isBlank()) {
			return cap(callerPath(identityArn.trim()));
		}
		return UNATTRIBUTED;
	}

	public static String cap(String value) {
		return value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH - 1) + "…";
	}

	/** Whether a person called: an IAM user, or a federated session (an SSO role, or one named by an e-mail address). */
	public static boolean isPerson(String arn) {
		if (arn == null) {
			return false;
		}
		String resource = Arns.resourceOf(arn.trim());
		if (resource.startsWith("user/")) {
			return true;
		}
		if (!resource.startsWith("assumed-role/")) {
			return false;
		}
		String rest = resource.substring("assumed-role/".length());
		int slash = rest.indexOf('/');
		String role = slash < 0 ? rest : rest.substring(0, slash);
		String session = slash < 0 ? "" : rest.substring(slash + 1);
		return role.startsWith("AWSReservedSSO_") || session.contains("@");
	}

	static String callerPath(String arn) {
		String resource = Arns.resourceOf(arn);
		if (resource.startsWith("assumed-role/")) {
			String rest = resource.substring("assumed-role/".length());
			int end = rest.indexOf('/');
			return end < 0 ? rest : rest.substring(0, end);
		}
		if (resource.startsWith("user/")) {
			return resource;
		}
		return resource.isEmpty() ? UNATTRIBUTED : resource;
	}

}
