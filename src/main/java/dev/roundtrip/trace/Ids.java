package dev.roundtrip.trace;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out exchange and connection ids. Client and server of one lab share one, so an id names
 * one exchange (or connection) whichever side created it.
 */
public final class Ids {
    private final AtomicLong exchanges = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();

    public long nextExchangeId() {
        return exchanges.incrementAndGet();
    }

    public long nextConnectionId() {
        return connections.incrementAndGet();
    }
}
