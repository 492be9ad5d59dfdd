/**
 * The reports: what a run found, in HTML, Markdown, JSON and CSV. A null amount means
 * "not priced" and a null section "not in this run", never zero or empty: the package is
 * null-marked, and NullAway checks every {@code @Nullable} at build time.
 */
@NullMarked
package com.bedrockcostanalyzer.report;

import org.jspecify.annotations.NullMarked;
