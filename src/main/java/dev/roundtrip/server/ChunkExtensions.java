package dev.roundtrip.server;

import dev.roundtrip.text.Printable;
import dev.roundtrip.trace.Phrase;

/**
 * The chunk-size lines of a chunked request body, read from the bytes as they arrived and checked
 * against RFC 9112 §7.1.1, which the codec reads leniently (it takes {@code 2;} and {@code 2;=x}):
 *
 * <pre>
 *  chunk-size [ chunk-ext ] CRLF        chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
 *  chunk-ext-name = token               chunk-ext-val  = token / quoted-string        BWS = *( SP / HTAB )
 * </pre>
 *
 * {@link RequestFraming} finds the lines in the bytes as they arrive; this looks at what follows
 * each size.
 */
final class ChunkExtensions {
    private ChunkExtensions() {}

    /** Why the extensions after the size (from {@code i}) are malformed, or null. */
    static Phrase extensions(String line, int i) {
        int n = line.length();
        while (true) {
            if (i == n) return null;
            int semicolon = bws(line, i); // whitespace only before a ';' (BWS), never at the end of the line
            if (semicolon == n) return Phrase.of("server.problem.chunkTrailingSpace");
            if (line.charAt(semicolon) != ';') return Phrase.of("server.problem.chunkNotSemicolon", Printable.escape(String.valueOf(line.charAt(semicolon))));
            i = bws(line, semicolon + 1);
            int name = i;
            while (i < n && isTchar(line.charAt(i))) i++;
            if (i == name) return Phrase.of("server.problem.chunkEmptyName");
            int equals = bws(line, i);
            if (equals < n && line.charAt(equals) == '=') {
                i = bws(line, equals + 1);
                if (i < n && line.charAt(i) == '"') {
                    for (i++; i < n && line.charAt(i) != '"'; i++) {
                        char c = line.charAt(i);
                        if (c == '\\' && i + 1 < n && isQuotable(line.charAt(i + 1))) i++;
                        else if (c == '\\') return Phrase.of("server.problem.chunkLoneBackslash");
                        else if (!isQuotable(c)) return Phrase.of("server.problem.chunkControl", RequestTarget.name(c));
                    }
                    if (i >= n) return Phrase.of("server.problem.chunkUnterminated");
                    i++;
                } else {
                    int value = i;
                    while (i < n && isTchar(line.charAt(i))) i++;
                    if (i == value) return Phrase.of("server.problem.chunkEmptyValue");
                }
            }
        }
    }

    private static int bws(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        return i;
    }

    /** What a quoted-string may hold (RFC 9110 qdtext and quoted-pair): HTAB, SP, visible ASCII, obs-text; no other control. */
    private static boolean isQuotable(char c) {
        return c == '\t' || (c >= 0x20 && c != 0x7f);
    }

    /** RFC 9110 tchar. */
    private static boolean isTchar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
