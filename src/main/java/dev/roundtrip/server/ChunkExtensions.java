package dev.roundtrip.server;

import java.nio.charset.StandardCharsets;

/**
 * The chunk-size lines of a chunked request body, read from the bytes as they arrived and checked
 * against RFC 9112 §7.1.1, which the codec reads leniently (it takes {@code 2;} and {@code 2;=x}):
 *
 * <pre>
 *  chunk-size [ chunk-ext ] CRLF        chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
 *  chunk-ext-name = token               chunk-ext-val  = token / quoted-string        BWS = *( SP / HTAB )
 * </pre>
 *
 * Only requests the codec accepted come here, so the head and the chunk sizes are already valid;
 * this looks at what follows each size. The bytes are the ones the exchange kept
 * ({@link ServerExchange#MAX_SEEN}): lines past them are not checked.
 */
final class ChunkExtensions {
    private ChunkExtensions() {}

    /** Why a chunk-size line of the chunked body in {@code seen} is not valid, or null (valid, not chunked, or not kept). */
    static String problem(byte[] seen) {
        int start = 0;
        while (start + 1 < seen.length && seen[start] == '\r' && seen[start + 1] == '\n') start += 2;
        int headEnd = indexOf(seen, start, "\r\n\r\n");
        if (headEnd < 0 || !chunked(new String(seen, start, headEnd - start, StandardCharsets.ISO_8859_1))) return null;
        int at = headEnd + 4;
        while (at < seen.length) {
            int eol = indexOf(seen, at, "\r\n");
            if (eol < 0) return null;
            String line = new String(seen, at, eol - at, StandardCharsets.ISO_8859_1);
            int sizeEnd = 0;
            while (sizeEnd < line.length() && Character.digit(line.charAt(sizeEnd), 16) >= 0 && line.charAt(sizeEnd) < 0x80) sizeEnd++;
            if (sizeEnd == 0 || sizeEnd > 15) return null; // the codec judges sizes
            String why = extensions(line, sizeEnd);
            if (why != null) {
                return why + " in the chunk-size line " + RequestTarget.quote(line) + " at offset " + at + " of the request"
                        + " (RFC 9112 §7.1.1: ;name or ;name=value)";
            }
            long size = Long.parseLong(line.substring(0, sizeEnd), 16);
            if (size == 0) return null; // the last chunk; trailers are the codec's
            at = eol + 2;
            if (size > seen.length - at) return null;
            at += (int) size + 2;
        }
        return null;
    }

    /** Why the extensions after the size (from {@code i}) are malformed, or null. */
    static String extensions(String line, int i) {
        int n = line.length();
        while (true) {
            if (i == n) return null;
            int semicolon = bws(line, i); // whitespace only before a ';' (BWS), never at the end of the line
            if (semicolon == n) return "whitespace at the end of the line";
            if (line.charAt(semicolon) != ';') return "'" + line.charAt(semicolon) + "' where a ';' or the end of the line belongs";
            i = bws(line, semicolon + 1);
            int name = i;
            while (i < n && isTchar(line.charAt(i))) i++;
            if (i == name) return "an empty chunk extension name";
            int equals = bws(line, i);
            if (equals < n && line.charAt(equals) == '=') {
                i = bws(line, equals + 1);
                if (i < n && line.charAt(i) == '"') {
                    for (i++; i < n && line.charAt(i) != '"'; i++) {
                        char c = line.charAt(i);
                        if (c == '\\' && i + 1 < n && isQuotable(line.charAt(i + 1))) i++;
                        else if (c == '\\') return "a '\\' with nothing it can quote after it inside a quoted chunk extension value";
                        else if (!isQuotable(c)) return RequestTarget.name(c) + " inside a quoted chunk extension value";
                    }
                    if (i >= n) return "an unterminated quoted chunk extension value";
                    i++;
                } else {
                    int value = i;
                    while (i < n && isTchar(line.charAt(i))) i++;
                    if (i == value) return "an empty chunk extension value after '='";
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

    /** Whether the head's Transfer-Encoding ends in chunked (the codec has checked the rest). */
    private static boolean chunked(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0 || !line.substring(0, colon).trim().equalsIgnoreCase("transfer-encoding")) continue;
            String[] codings = line.substring(colon + 1).split(",");
            if (codings[codings.length - 1].trim().equalsIgnoreCase("chunked")) return true;
        }
        return false;
    }

    private static int indexOf(byte[] b, int from, String what) {
        outer:
        for (int i = from; i + what.length() <= b.length; i++) {
            for (int j = 0; j < what.length(); j++) if (b[i + j] != what.charAt(j)) continue outer;
            return i;
        }
        return -1;
    }
}
