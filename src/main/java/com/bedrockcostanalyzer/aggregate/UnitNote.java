package com.bedrockcostanalyzer.aggregate;

/** A note the reader made on a whole unit (such as which CSV columns it understood). */
public record UnitNote(String source, String location, String note) {
}
