package com.bedrockcostanalyzer.aggregate;

/** One stored aggregate row: a key and its totals. */
public record DailyUsage(UsageKey key, UsageTotals totals) {
}
