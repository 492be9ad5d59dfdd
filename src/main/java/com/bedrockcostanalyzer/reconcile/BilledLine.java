package com.bedrockcostanalyzer.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import com.bedrockcostanalyzer.pricing.UsageType.Placement;

/**
 * One Bedrock line of the bill, understood: the day and Region it billed, the model (null
 * when the usage type or product name is not in the name table), where it bills tokens
 * (null for a charge that is not per token: provisioned throughput, reserved capacity,
 * long context), the tokens and the dollars; and who it is charged to: the usage account,
 * the IAM principal that called (empty unless the export carries caller identity), the
 * product it was billed under, and the line's tags by plain key (principal tags first).
 */
record BilledLine(LocalDate day, String region, String model, String usageType, Placement placement, BigDecimal tokens,
		BigDecimal usd, String account, String principal, String product, Map<String, String> tags) {
}
