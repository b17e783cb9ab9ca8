package dev.roundtrip.server;

import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.SaidIOException;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * A listening socket could not be opened: the message is English (the CLI, logs), {@link #getLocalizedMessage()}
 * says it in the language in use, framed in our words with the system's own only in brackets.
 */
public final class CannotListen extends SaidIOException {
    private CannotListen(Phrase said, Throwable cause) {
        super(said, cause);
    }

    /** The port is taken: a {@link BindException}, so callers can give their hint (serve --port). */
    public static final class Taken extends BindException {
        private final transient Phrase said;

        private Taken(Phrase said, Throwable cause) {
            super(said.english());
            initCause(cause);
            this.said = said;
        }

        public Phrase said() {
            return said;
        }

        @Override
        public String getLocalizedMessage() {
            return said.inUse();
        }
    }

    /** Says which address and port, and why, without a stack trace's worth of Netty. */
    static IOException at(InetSocketAddress bind, Throwable e) {
        String host = bind.getAddress().getHostAddress();
        String cause = systemWords(e);
        String lower = cause.toLowerCase(Locale.ROOT);
        // NIO throws BindException; epoll a native IOException saying "Address already in use"
        boolean taken = e instanceof BindException ? lower.contains("in use") : e instanceof IOException && lower.contains("address already in use");
        if (taken) return new Taken(Phrase.of("server.listen.taken", bind.getPort(), host, cause), e);
        if (lower.contains("permission denied") || lower.contains("eacces")) {
            return new CannotListen(Phrase.of("server.listen.denied", bind.getPort(), host, cause), e);
        }
        if (lower.contains("cannot assign requested address") || lower.contains("eaddrnotavail")) {
            return new CannotListen(Phrase.of("server.listen.notHere", bind.getPort(), host, cause), e);
        }
        return new CannotListen(Phrase.of("server.listen.failed", bind.getPort(), host, cause), e);
    }

    /** The database relay's listening socket (any free port on {@code host}). */
    static CannotListen relay(String host, Throwable e) {
        return new CannotListen(Phrase.of("server.listen.relay", host, systemWords(e)), e);
    }

    private static String systemWords(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
