package com.bedrockcostanalyzer.savings;

/**
 * How far an estimate can be trusted: how much of it rests on measured facts rather than
 * on a guess.
 */
public enum Confidence {

	HIGH, MEDIUM, LOW

}
