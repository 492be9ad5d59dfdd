package com.bedrockcostanalyzer.alerts;

/** Where a digest is delivered. */
interface Channel {

	/** {@code webhook}, {@code sns} or {@code email}: the delivery records use it. */
	String name();

	/**
	 * Delivers the digest.
	 * @throws DeliveryException with a message fit to print: no URL, token or password
	 */
	void send(Digest digest) throws DeliveryException;

	/** A delivery that failed, in words that can be printed and logged. */
	final class DeliveryException extends Exception {

		private static final long serialVersionUID = 1L;

		DeliveryException(String message) {
			super(message);
		}

	}

}
