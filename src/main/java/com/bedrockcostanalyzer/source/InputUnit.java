package com.bedrockcostanalyzer.source;

import java.time.Instant;

/**
 * The unit of work: one object or file. The ledger counts a unit once for each day it
 * covers.
 *
 * @param source the source it was listed from, named canonically ({@code /abs/folder},
 * {@code s3://bucket/prefix})
 * @param key the unit's key inside the source (relative path or object key), unique
 * within the source
 * @param location where a person finds it (absolute path or full object URI), used in
 * rejects
 * @param size its size in bytes
 * @param version what identifies this content (size for files, ETag for objects)
 * @param format how to read it
 * @param modified when it was last written, where known: it dates the records of batch
 * outputs, which carry no timestamp of their own
 */
public record InputUnit(String source, String key, String location, long size, String version, UnitFormat format,
		Instant modified) {
}
