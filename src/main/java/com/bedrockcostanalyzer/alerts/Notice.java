package com.bedrockcostanalyzer.alerts;

import java.time.LocalDate;

/**
 * One finding worth telling, once: its key says what it is about (a jump on a path that
 * day, a budget that month, a new spender ever), its message gives the figure and the
 * action. Messages hold names and numbers only, never prompt text, and are escaped for
 * each channel when sent.
 */
public record Notice(String key, LocalDate day, String kind, String message) {
}
