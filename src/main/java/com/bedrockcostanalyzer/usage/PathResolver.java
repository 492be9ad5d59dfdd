package com.bedrockcostanalyzer.usage;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Decides which application path made a call: a request-metadata tag, else the caller
 * (see {@link #callerPath}), else {@value #UNATTRIBUTED}. Caller names may be replaced by
 * pseudonyms.
 */
public final class PathResolver {

	public static final String UNATTRIBUTED = "unattributed";

	/**
	 * Longer values are cut: a path is a label, and the aggregate table keeps it in a
	 * bounded column.
	 */
	public static final int MAX_LENGTH = 200;

	private final List<String> metadataKeys;

	private final UnaryOperator<String> callerNames;

	public PathResolver(List<String> metadataKeys) {
		this(metadataKeys, UnaryOperator.identity());
	}

	/**
	 * @param callerNames what a role, user or federated user's name is shown as (a
	 * pseudonym, or itself)
	 */
	public PathResolver(List<String> metadataKeys, UnaryOperator<String> callerNames) {
		this.metadataKeys = List.copyOf(metadataKeys);
		this.callerNames = callerNames;
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
			return cap(callerPath(identityArn.trim(), this.callerNames));
		}
		return UNATTRIBUTED;
	}

	public static String cap(String value) {
		return value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH - 1) + "…";
	}

	/**
	 * Whether a person called: an IAM user, a federated user, the root user, or a
	 * federated session (an SSO role, or one named by an e-mail address).
	 */
	public static boolean isPerson(String arn) {
		if (arn == null) {
			return false;
		}
		String resource = Arns.resourceOf(arn.trim());
		if (resource.startsWith("user/") || resource.startsWith("federated-user/") || resource.equals("root")) {
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

	/**
	 * The path of a caller, by the form of its ARN: an assumed role
	 * ({@code assumed-role/Role/session}) or a role ({@code role/path/Role}) →
	 * {@code Role}; an IAM user ({@code user/path/name}) → {@code user/name}; a federated
	 * user → {@code federated-user/name}; the account's root → {@code root}; an AWS
	 * service principal ({@code bedrock.amazonaws.com}) →
	 * {@code service/bedrock.amazonaws.com}; anything else (a redacted value, an ARN of
	 * another kind) → {@value #UNATTRIBUTED}, never the text itself.
	 * @param names what a role, user or federated user's name is shown as
	 */
	static String callerPath(String arn, UnaryOperator<String> names) {
		if (!arn.startsWith("arn:")) {
			return SERVICE_PRINCIPAL.matcher(arn).matches() ? "service/" + arn : UNATTRIBUTED;
		}
		String resource = Arns.resourceOf(arn);
		if (resource.equals(arn) || !IAM_OR_STS.matcher(arn).lookingAt()) {
			return UNATTRIBUTED;
		}
		if (resource.equals("root")) {
			return "root";
		}
		String[] parts = resource.split("/", -1);
		String name = switch (parts[0]) {
			case "assumed-role" -> parts.length >= 2 ? parts[1] : "";
			case "role", "user", "federated-user" -> parts[parts.length - 1];
			default -> "";
		};
		if (name.isBlank() || parts.length < 2) {
			return UNATTRIBUTED;
		}
		String shown = names.apply(name);
		return switch (parts[0]) {
			case "user" -> "user/" + shown;
			case "federated-user" -> "federated-user/" + shown;
			default -> shown;
		};
	}

	/**
	 * An AWS service as a principal: {@code bedrock.amazonaws.com},
	 * {@code lambda.amazonaws.com.cn}.
	 */
	private static final Pattern SERVICE_PRINCIPAL = Pattern
		.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*\\.amazonaws\\.com(\\.cn)?");

	/**
	 * {@code arn:partition:iam::account:} or {@code arn:partition:sts::account:} (the
	 * account may be masked).
	 */
	private static final Pattern IAM_OR_STS = Pattern.compile("arn:aws[a-z-]*:(iam|sts)::[^:]*:");

}
