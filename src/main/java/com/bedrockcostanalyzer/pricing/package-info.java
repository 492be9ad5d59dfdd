/**
 * Price books and what usage costs under them. A null cost or rate means "not priced" or
 * "not offered", never zero: the package is null-marked, and NullAway checks every
 * {@code @Nullable} at build time.
 */
@NullMarked
package com.bedrockcostanalyzer.pricing;

import org.jspecify.annotations.NullMarked;
