/**
 * The savings ledger: did the recommendations pay off? Every proposal is kept under a
 * stable identity; a change seen in later traffic marks it acted on and its savings are
 * measured from that traffic against the same traffic priced the old way.
 */
@NullMarked
package com.bedrockcostanalyzer.ledger;

import org.jspecify.annotations.NullMarked;
