package com.bedrockcostanalyzer.source;

/**
 * A gzip stream that says when each member's checksum and length have matched, so that a
 * reader counts a member's records only then.
 */
interface GzipMembers {

	/**
	 * Called each time the bytes read reach the end of a member that has been verified.
	 */
	void onMemberVerified(Runnable callback);

}
