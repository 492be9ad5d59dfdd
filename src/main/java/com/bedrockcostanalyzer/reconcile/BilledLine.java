package com.bedrockcostanalyzer.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.bedrockcostanalyzer.pricing.UsageType.Placement;

/**
 * One Bedrock line of the bill, understood: the day and Region it billed, the model (null
 * when the usage type or product name is not in the name table), where it bills tokens
 * (null for a charge that is not per token: provisioned throughput, reserved capacity,
 * long context), the tokens and the dollars.
 */
record BilledLine(LocalDate day, String region, String model, String usageType, Placement placement, BigDecimal tokens,
		BigDecimal usd) {
}
