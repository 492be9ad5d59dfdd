/**
 * Models reaching the end of their life on Bedrock: the traffic on them, what it would
 * cost on the successor (tokenizer differences included), and which of them the nightly
 * job has not named yet.
 */
@NullMarked
package com.bedrockcostanalyzer.lifecycle;

import org.jspecify.annotations.NullMarked;
