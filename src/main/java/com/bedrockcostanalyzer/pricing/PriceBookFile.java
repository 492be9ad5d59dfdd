package com.bedrockcostanalyzer.pricing;

/**
 * A file a price book was loaded from, with its digest so a report can be reproduced with
 * the same prices.
 */
public record PriceBookFile(String name, String sha256, int rows) {
}
