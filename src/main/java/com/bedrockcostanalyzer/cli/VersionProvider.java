package com.bedrockcostanalyzer.cli;

import picocli.CommandLine.IVersionProvider;

class VersionProvider implements IVersionProvider {

	@Override
	public String[] getVersion() {
		String version = Main.class.getPackage().getImplementationVersion();
		return new String[] { "bedrock-cost-analyzer " + (version != null ? version : "dev") };
	}

}
