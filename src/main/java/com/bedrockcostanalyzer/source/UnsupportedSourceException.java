package com.bedrockcostanalyzer.source;

/** A source the user named that this build cannot read, with a sentence saying why. */
public class UnsupportedSourceException extends IllegalArgumentException {

	public UnsupportedSourceException(String message) {
		super(message);
	}

}
