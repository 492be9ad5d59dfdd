package com.bedrockcostanalyzer.aggregate;

/** Requests of one minute that share a cacheable prefix. */
public record PrefixKey(MinuteKey minute, long fingerprint) {
}
