package com.bedrockcostanalyzer.aggregate;

import java.util.List;

/** Rejects of one unit for one reason, as the ledger keeps them. */
public record StoredReject(String location, String reason, long count, List<String> sampleLocations) {
}
