package dev.roundtrip.server;

import dev.roundtrip.text.Printable;
import dev.roundtrip.trace.Phrase;

/**
 * The codec's reason for refusing a request (Netty's English), as a phrase: the messages a lesson
 * shows (lesson 09's header without a colon and its made-up version) get a key of their own whose
 * English is Netty's text unchanged; any other is quoted as it is.
 */
final class CodecWords {
    private CodecWords() {}

    private static final String BAD_VERSION = "invalid version format: ";
    private static final String BAD_HEADER = "Validation failed for header '";

    static Phrase of(String netty) {
        if (netty.equals("No colon found")) return Phrase.of("server.problem.codecNoColon");
        if (netty.startsWith(BAD_VERSION)) return Phrase.of("server.problem.codecVersion", Printable.escape(netty.substring(BAD_VERSION.length())));
        if (netty.startsWith(BAD_HEADER) && netty.endsWith("'") && netty.length() > BAD_HEADER.length()) {
            return Phrase.of("server.problem.codecHeader", Printable.escape(netty.substring(BAD_HEADER.length(), netty.length() - 1)));
        }
        return Phrase.of("server.problem.codec", Printable.escape(netty));
    }
}
