package com.bedrockcostanalyzer.source;

/** What kind of content an input unit holds; decides which reader counts it. */
public enum UnitFormat {

	/** Bedrock model-invocation log: NDJSON, gzip or not. */
	INVOCATION_LOG,

	/** A token-usage CSV export (recognised by name; its header tells a CUR apart). */
	CSV,

	/**
	 * Bedrock batch-inference output ({@code *.jsonl.out}): usage already on the batch
	 * tier.
	 */
	BATCH_OUTPUT,

	/**
	 * A file whose name says nothing (a CloudWatch Logs export's {@code 000000.gz}, a
	 * Firehose object): read if its content is records or subscription envelopes, else
	 * reported as a format the analyzer does not read.
	 */
	UNKNOWN

}
