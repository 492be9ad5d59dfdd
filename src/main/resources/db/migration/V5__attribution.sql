-- Calls through an application inference profile carry its chosen tags (team, cost centre) as an attribution
-- column in the daily usage key. The table is made anew with it, as V2 did for the context column, its rows copied
-- with no attribution (no earlier release resolved profiles). The minute and prefix tables keep traffic apart by path
-- only and are left as they are.

CREATE TABLE bca_usage_daily_v5 (
    source_id                   BIGINT        NOT NULL,
    usage_day                   DATE          NOT NULL,
    region                      VARCHAR(32)   NOT NULL,
    model                       VARCHAR(256)  NOT NULL,
    scope                       VARCHAR(16)   NOT NULL,
    tier                        VARCHAR(24)   NOT NULL,
    context                     VARCHAR(16)   NOT NULL,
    path                        VARCHAR(256)  NOT NULL,
    attribution                 VARCHAR(1024) NOT NULL,
    requests                    BIGINT        NOT NULL,
    errors                      BIGINT        NOT NULL,
    streaming_requests          BIGINT        NOT NULL,
    truncated_requests          BIGINT        NOT NULL,
    input_tokens                BIGINT        NOT NULL,
    output_tokens               BIGINT        NOT NULL,
    cache_read_input_tokens     BIGINT        NOT NULL,
    cache_write_5m_input_tokens BIGINT        NOT NULL,
    cache_write_1h_input_tokens BIGINT        NOT NULL,
    human_requests              BIGINT        NOT NULL,
    output_tokens_squared       BIGINT        NOT NULL,
    PRIMARY KEY (source_id, usage_day, region, model, scope, tier, context, path, attribution)
);

INSERT INTO bca_usage_daily_v5 (source_id, usage_day, region, model, scope, tier, context, path, attribution,
    requests, errors, streaming_requests, truncated_requests, input_tokens, output_tokens, cache_read_input_tokens,
    cache_write_5m_input_tokens, cache_write_1h_input_tokens, human_requests, output_tokens_squared)
SELECT source_id, usage_day, region, model, scope, tier, context, path, '', requests, errors, streaming_requests,
    truncated_requests, input_tokens, output_tokens, cache_read_input_tokens, cache_write_5m_input_tokens,
    cache_write_1h_input_tokens, human_requests, output_tokens_squared
FROM bca_usage_daily;

DROP TABLE bca_usage_daily;
ALTER TABLE bca_usage_daily_v5 RENAME TO bca_usage_daily;

-- What the Bedrock control plane said of each application inference profile met in the logs (or a profiles file
-- gave), so that later runs, and runs without credentials, resolve them the same way. Tags are kept whole, as
-- key=value lines, so that choosing other attribution keys later needs no new lookup.
CREATE TABLE bca_application_profile (
    arn         VARCHAR(256)  NOT NULL PRIMARY KEY,
    model       VARCHAR(256)  NOT NULL,
    scope       VARCHAR(16)   NOT NULL,
    tags        VARCHAR(8192) NOT NULL,
    resolved_at TIMESTAMP     NOT NULL
);
