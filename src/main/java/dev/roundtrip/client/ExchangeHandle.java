package dev.roundtrip.client;

import dev.roundtrip.trace.ExchangeEnded;
import java.util.concurrent.CompletableFuture;

/** A request under way. {@link #result()} completes (never exceptionally) when the client is done with it. */
public interface ExchangeHandle {
    long exchangeId();

    CompletableFuture<ExchangeEnded> result();

    /** The client leaves: it closes its connection; the server still does its part. */
    void cancel();
}
