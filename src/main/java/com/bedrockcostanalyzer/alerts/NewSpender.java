package com.bedrockcostanalyzer.alerts;

import java.math.BigDecimal;

/**
 * A path, Region or model never seen before in the job database that spent above the
 * threshold on its first day: the shape of credentials used for someone else's inference.
 * A path is the caller's role or user when the call carries no application tag.
 */
public record NewSpender(String kind, String name, BigDecimal spend) {
}
