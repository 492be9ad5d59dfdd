-- Model routing prices the share of a path's traffic whose answers are short (classification, extraction), measured
-- per logged invocation while reading: the prompt tokens of the invocations counted one by one, and of those with a
-- short answer. Rows of earlier releases hold no measurement (0), and routing then says its share is assumed.
ALTER TABLE bca_usage_daily ADD COLUMN measured_prompt_tokens BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE bca_usage_daily ADD COLUMN short_requests BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE bca_usage_daily ADD COLUMN short_prompt_tokens BIGINT DEFAULT 0 NOT NULL;
