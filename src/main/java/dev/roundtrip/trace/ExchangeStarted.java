package dev.roundtrip.trace;

/**
 * A new exchange: published by the client when it starts one, or by the server for a request from
 * an outside client (curl, a browser) once its request is parsed.
 */
public record ExchangeStarted(long exchangeId, long connectionId, long tNanos, RequestInfo request)
        implements TraceEvent {}
