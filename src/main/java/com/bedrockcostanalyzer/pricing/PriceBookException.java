package com.bedrockcostanalyzer.pricing;

/**
 * A price book that cannot be used, with a sentence saying which file, which line and
 * why.
 */
public class PriceBookException extends RuntimeException {

	public PriceBookException(String message) {
		super(message);
	}

}
