-- The audit of prompt caching in use: per cacheable prefix (its 64-bit fingerprint, never the text) and minute, the
-- requests that read or wrote the cache, how many of them wrote, and their read, 5-minute-write and 1-hour-write
-- tokens, packed a day at a time like bca_prefix_day. Days counted by an earlier release have no rows here: the audit
-- says so, and --reprocess counts them again.
CREATE TABLE bca_cache_day (
    source_id BIGINT       NOT NULL,
    model     VARCHAR(256) NOT NULL,
    path      VARCHAR(256) NOT NULL,
    usage_day DATE         NOT NULL,
    region    VARCHAR(32)  NOT NULL,
    scope     VARCHAR(16)  NOT NULL,
    tier      VARCHAR(24)  NOT NULL,
    context   VARCHAR(16)  NOT NULL,
    slots     BYTEA        NOT NULL,
    PRIMARY KEY (source_id, model, path, usage_day, region, scope, tier, context)
);
CREATE INDEX bca_cache_day_by_day ON bca_cache_day (source_id, usage_day);
