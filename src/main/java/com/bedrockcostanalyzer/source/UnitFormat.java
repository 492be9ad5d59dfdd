package com.bedrockcostanalyzer.source;

/** What kind of content an input unit holds; decides which reader counts it. */
public enum UnitFormat {

	/** Bedrock model-invocation log: NDJSON, gzip or not. */
	INVOCATION_LOG,

	/** A token-usage CSV export (recognised by name; its header tells a CUR apart). */
	CSV,

	/** Bedrock batch-inference output ({@code *.jsonl.out}): usage already on the batch tier. */
	BATCH_OUTPUT

}
