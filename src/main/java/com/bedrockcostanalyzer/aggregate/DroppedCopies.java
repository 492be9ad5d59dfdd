package com.bedrockcostanalyzer.aggregate;

/**
 * Copies of invocations one input held that another (or its own earlier line) had counted
 * already.
 *
 * @param location the input holding the copies
 * @param countedFrom the input they were counted from
 * @param countedFromSource that input's source, which may be outside the report's sources
 * @param dropped how many were left out
 */
public record DroppedCopies(String location, String countedFrom, String countedFromSource, long dropped) {
}
