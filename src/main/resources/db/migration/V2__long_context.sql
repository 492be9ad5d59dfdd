-- Long-context requests are billed whole at their model's long-context rates, so every aggregate keeps them apart:
-- a context column (standard | long) in each table's key. The tables are made anew with it, their rows copied as
-- 'standard' (no earlier release told long context apart), the old tables dropped and the new ones renamed: one way
-- for H2 and PostgreSQL, whose primary keys cannot be altered alike.

CREATE TABLE bca_usage_daily_v2 (
    source_id                   BIGINT       NOT NULL,
    usage_day                   DATE         NOT NULL,
    region                      VARCHAR(32)  NOT NULL,
    model                       VARCHAR(256) NOT NULL,
    scope                       VARCHAR(16)  NOT NULL,
    tier                        VARCHAR(24)  NOT NULL,
    context                     VARCHAR(16)  NOT NULL,
    path                        VARCHAR(256) NOT NULL,
    requests                    BIGINT       NOT NULL,
    errors                      BIGINT       NOT NULL,
    streaming_requests          BIGINT       NOT NULL,
    truncated_requests          BIGINT       NOT NULL,
    input_tokens                BIGINT       NOT NULL,
    output_tokens               BIGINT       NOT NULL,
    cache_read_input_tokens     BIGINT       NOT NULL,
    cache_write_5m_input_tokens BIGINT       NOT NULL,
    cache_write_1h_input_tokens BIGINT       NOT NULL,
    human_requests              BIGINT       NOT NULL,
    output_tokens_squared       BIGINT       NOT NULL,
    PRIMARY KEY (source_id, usage_day, region, model, scope, tier, context, path)
);

INSERT INTO bca_usage_daily_v2 (source_id, usage_day, region, model, scope, tier, context, path, requests, errors,
    streaming_requests, truncated_requests, input_tokens, output_tokens, cache_read_input_tokens,
    cache_write_5m_input_tokens, cache_write_1h_input_tokens, human_requests, output_tokens_squared)
SELECT source_id, usage_day, region, model, scope, tier, 'standard', path, requests, errors, streaming_requests,
    truncated_requests, input_tokens, output_tokens, cache_read_input_tokens, cache_write_5m_input_tokens,
    cache_write_1h_input_tokens, human_requests, output_tokens_squared
FROM bca_usage_daily;

DROP TABLE bca_usage_daily;
ALTER TABLE bca_usage_daily_v2 RENAME TO bca_usage_daily;

CREATE TABLE bca_minute_day_v2 (
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

INSERT INTO bca_minute_day_v2 (source_id, model, path, usage_day, region, scope, tier, context, slots)
SELECT source_id, model, path, usage_day, region, scope, tier, 'standard', slots FROM bca_minute_day;

DROP TABLE bca_minute_day;
ALTER TABLE bca_minute_day_v2 RENAME TO bca_minute_day;
CREATE INDEX bca_minute_day_by_day ON bca_minute_day (source_id, usage_day);

CREATE TABLE bca_prefix_day_v2 (
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

INSERT INTO bca_prefix_day_v2 (source_id, model, path, usage_day, region, scope, tier, context, slots)
SELECT source_id, model, path, usage_day, region, scope, tier, 'standard', slots FROM bca_prefix_day;

DROP TABLE bca_prefix_day;
ALTER TABLE bca_prefix_day_v2 RENAME TO bca_prefix_day;
CREATE INDEX bca_prefix_day_by_day ON bca_prefix_day (source_id, usage_day);
