package dev.roundtrip.trace;

/** The capture proxy has forwarded a request to the foreign server, or read its response: the hop as known now. */
public record UpstreamSeen(long exchangeId, long tNanos, UpstreamHop hop) implements TraceEvent {}
