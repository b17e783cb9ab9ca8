package dev.roundtrip.trace;

/** One SQL statement run by the process stage. */
public record SqlReadout(String statement, int rows, long nanos) {}
