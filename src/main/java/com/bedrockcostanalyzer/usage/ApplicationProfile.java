package com.bedrockcostanalyzer.usage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An application inference profile as the Bedrock control plane describes it: the base
 * model it serves, the scope its Regions give (one Region, a geography, or global), its
 * cost-allocation tags, and when that was learned.
 */
public record ApplicationProfile(String arn, String model, Scope scope, Map<String, String> tags, Instant resolvedAt) {

	public ApplicationProfile {
		tags = new TreeMap<>(tags);
	}

	/**
	 * The profile from the model ARNs it routes to: a single Region's model is regional,
	 * a Region-less ARN (which only global profiles list) is global, and models in
	 * several Regions are a geography's.
	 * @throws IllegalArgumentException when the list names no foundation model
	 */
	public static ApplicationProfile of(String arn, List<String> modelArns, Map<String, String> tags,
			Instant resolvedAt) {
		String model = null;
		boolean global = false;
		java.util.Set<String> regions = new java.util.HashSet<>();
		for (String modelArn : modelArns) {
			String resource = Arns.resourceOf(modelArn);
			if (!resource.startsWith("foundation-model/")) {
				continue;
			}
			model = resource.substring("foundation-model/".length());
			String region = Arns.regionOf(modelArn);
			global |= region.isEmpty();
			regions.add(region);
		}
		if (model == null) {
			throw new IllegalArgumentException("inference profile " + arn + " lists no foundation model");
		}
		Scope scope = global ? Scope.GLOBAL : (regions.size() > 1 ? Scope.GEO : Scope.REGIONAL);
		return new ApplicationProfile(arn, model, scope, tags, resolvedAt);
	}

}
