package dev.roundtrip.trace;

/**
 * The end of an exchange. {@code response} is null when none was read (timeout, cancel, failure);
 * {@code detail} says what happened in a sentence a student can read.
 */
public record ExchangeEnded(long exchangeId, long tNanos, Outcome outcome, ResponseInfo response, String detail)
        implements TraceEvent {}
