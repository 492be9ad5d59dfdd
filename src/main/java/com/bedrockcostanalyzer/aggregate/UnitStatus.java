package com.bedrockcostanalyzer.aggregate;

/**
 * What the ledger knows of a unit: its row, the content version it counted and the days
 * already counted from it.
 */
public record UnitStatus(long unitId, String version, DayRanges covered) {
}
