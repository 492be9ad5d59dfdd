package com.bedrockcostanalyzer.aggregate;

/**
 * How many requests sent the prefix in a minute, its estimated tokens (summed), and how
 * many marked a cache point.
 */
public record PrefixTotals(long requests, long prefixTokens, long cacheMarkedRequests) {

}
