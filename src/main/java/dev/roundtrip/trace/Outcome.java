package dev.roundtrip.trace;

import java.util.Locale;

/** How an exchange ended, from the client's point of view. */
public enum Outcome {
    /** Still under way (live recordings only). */
    PENDING,
    /** A response was received and read (any status, 2xx to 5xx). */
    COMPLETED,
    /** The client gave up waiting. */
    TIMEOUT,
    /** The client left before the answer (the user cancelled). */
    CANCELLED,
    /** The connection failed (refused, reset, closed before a response). */
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
