package dev.roundtrip.server;

import dev.roundtrip.text.Printable;
import dev.roundtrip.trace.Phrase;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The codec's reason for refusing a request (Netty's English), as a phrase: the messages a student
 * easily provokes (lesson 09, a line or head too long, a bad chunk size or Content-Length, a header
 * name with a space) get a key of their own whose English is Netty's text unchanged, so the 4xx body
 * and the recording keep Netty's words byte for byte; any other is quoted as it is.
 */
final class CodecWords {
    private CodecWords() {}

    /** Netty's message (each group an argument, escaped) and the key that says it. */
    private record Known(Pattern netty, String key, boolean numbers) {}

    private static final List<Known> KNOWN = List.of(
            known("No colon found", "codecNoColon", false),
            known("invalid version format: (.*)", "codecVersion", false),
            known("Validation failed for header '(.+)'", "codecHeader", false),
            known("An HTTP line is larger than (\\d{1,9}) bytes\\.", "codecLineTooLong", true),
            known("HTTP header is larger than (\\d{1,9}) bytes\\.", "codecHeadTooLong", true),
            known("the body is larger than this server accepts \\((\\d{1,12}) bytes\\)", "codecBodyTooLarge", true),
            known("Invalid character in chunk size", "codecChunkCharacter", false),
            known("Empty chunk size", "codecChunkEmpty", false),
            known("Chunk size overflow: (.*)", "codecChunkOverflow", false),
            known("Content-Length value is not a number: (.*)", "codecLengthNotNumber", false),
            known("Multiple Content-Length values found: (.*)", "codecLengthMany", false),
            known("Content-Length are not allowed in HTTP/1.1 messages that contains a Transfer-Encoding header\\.", "codecLengthAndChunked", false),
            known("a header name can only contain \"token\" characters, but found invalid character 0x([0-9a-f]{1,4}) at index (\\d{1,9})"
                    + " of header '(.*)'\\.", "codecHeaderName", false),
            known("empty headers are not allowed \\[(.*)\\]", "codecHeaderEmpty", false),
            known("The Transfer-Encoding header is only allowed in HTTP/1.1 or newer", "codecChunkedOld", false),
            known("The final transfer coding must be chunked for HTTP requests", "codecChunkedLast", false),
            known("chunked transfer coding must not be applied more than once", "codecChunkedTwice", false));

    private static Known known(String regex, String key, boolean numbers) {
        return new Known(Pattern.compile(regex, Pattern.DOTALL), "server.problem." + key, numbers);
    }

    static Phrase of(String netty) {
        for (Known k : KNOWN) {
            Matcher m = k.netty.matcher(netty);
            if (!m.matches()) continue;
            Object[] args = new Object[m.groupCount()];
            for (int i = 0; i < args.length; i++) {
                String g = m.group(i + 1);
                args[i] = k.numbers ? (Object) Long.parseLong(g) : Printable.escape(g);
            }
            Phrase p = Phrase.of(k.key, args);
            // a refusal is rare: checking costs nothing worth saving, and the wire's English must stay Netty's
            if (p.english().equals(Printable.escape(netty))) return p;
        }
        return Phrase.of("server.problem.codec", Printable.escape(netty));
    }
}
