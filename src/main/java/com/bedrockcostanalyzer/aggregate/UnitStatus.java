package com.bedrockcostanalyzer.aggregate;

import java.time.LocalDate;
import java.util.Set;

/** What the ledger knows of a unit: the content version it counted and the days already counted from it. */
public record UnitStatus(String version, Set<LocalDate> coveredDays) {
}
