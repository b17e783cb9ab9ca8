package dev.roundtrip.trace;

import java.util.Locale;

/**
 * One step of one SQL call over the database's own socket (the demo database as H2's TCP server on
 * loopback, reached through the server's connection pool). The bytes of a {@link Step#REQUEST} or
 * {@link Step#RESPONSE} are in the event's {@code bytes}: everything that crossed the database socket
 * in that direction during the call, as H2's wire protocol wrote it.
 *
 * @param step what this event is
 * @param connection the pool's number for the database connection, from 1 (0: none could be had)
 * @param use the how-many-th SQL call on that connection this is, from 1
 * @param roundTrips H2 messages sent and answered during the call (a prepared statement is prepared,
 *     then executed: two); on {@code CONNECT}, those that opened the H2 session; 0 on {@code REUSE} and {@code FAILED}
 * @param nanos {@code CONNECT}: how long opening took (TCP connect and H2 session); {@code RESPONSE}: from
 *     the call's first byte to the database to its last byte back, as they crossed the socket; else null
 * @param session on {@code REQUEST} and {@code RESPONSE}: these bytes opened the H2 session (part of connect)
 */
public record DatabaseReadout(Step step, int connection, int use, int roundTrips, Long nanos, boolean session) {
    public enum Step {
        /** The pool opened a new connection for this call: a TCP connect and an H2 session. */
        CONNECT,
        /** The pool handed out a connection that was open already. */
        REUSE,
        /** Server to database: the statement (and what H2 sends with it). */
        REQUEST,
        /** Database to server: the rows (and H2's status). */
        RESPONSE,
        /** The call failed on the way (no connection, or it broke): the connection left the pool. */
        FAILED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Step fromWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    public DatabaseReadout {
        if (step == null) throw new IllegalArgumentException("step is required");
        if (connection < 0) throw new IllegalArgumentException("connection < 0");
        if (use < 0) throw new IllegalArgumentException("use < 0");
        if (roundTrips < 0) throw new IllegalArgumentException("roundTrips < 0");
    }
}
