package dev.roundtrip.server;

import dev.roundtrip.text.Printable;
import dev.roundtrip.trace.Phrase;

/**
 * The request line checked byte by byte, where the codec lets things through or says what it
 * thought rather than what was sent.
 *
 * <ul>
 *   <li>{@link #problem(String)}: a request target is {@code *}, or origin-form / absolute-form made of
 *       the characters RFC 9112 §3.2 and RFC 3986 allow ({@code A-Z a-z 0-9 - . _ ~ ! $ & ' ( ) * + , ; = : @ / ?},
 *       {@code [ ]} in an absolute-form authority) and {@code %XX} escapes. A control byte, a byte
 *       beyond ASCII, {@code " < > \ ^ ` { | }}, a {@code #} or a bad {@code %} escape is named with
 *       its offset in the target. The codec hands the target over one character per byte
 *       (ISO-8859-1), so a character here is the byte that was sent.</li>
 *   <li>{@link #whatWasSent(byte[])}: the first line of a request as it was sent: a TLS ClientHello,
 *       a control byte in the request line (with its offset), a space inside the target, an extra
 *       space; the codec reads some of these leniently and words the others after its own parse.</li>
 *   <li>{@link #isHttp2Preface}: the HTTP/2 connection preface, which the codec reads as a request
 *       {@code PRI * HTTP/2.0}.</li>
 * </ul>
 *
 * Each reason is a {@link Phrase}: in the language in use where a student reads it, in English on the
 * wire (the 4xx body) and in the recording's detail.
 */
final class RequestTarget {
    private RequestTarget() {}

    /** Quoted targets are cut to this many characters in a reason. */
    static final int QUOTE = 60;

    /** Why {@code target} is not a valid request target, or null; the phrase is built only for a problem. */
    static Phrase problem(String target) {
        if (target.equals("*")) return null;
        boolean absolute = target.regionMatches(true, 0, "http://", 0, 7) || target.regionMatches(true, 0, "https://", 0, 8);
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Phrase.of("server.problem.targetControl", name(c), i, quote(target));
            }
            if (c > 0x7f) {
                String hex = String.format(java.util.Locale.ROOT, "%02X", c & 0xff);
                return Phrase.of("server.problem.targetBeyondAscii", hex.toLowerCase(java.util.Locale.ROOT), i, quote(target), hex);
            }
            if (c == '%') {
                if (i + 2 >= target.length() || !isHex(target.charAt(i + 1)) || !isHex(target.charAt(i + 2))) {
                    return Phrase.of("server.problem.targetBadEscape", quote(target.substring(i, Math.min(target.length(), i + 3))), i, quote(target));
                }
                i += 2;
                continue;
            }
            if (c == '#') {
                return Phrase.of("server.problem.targetFragment", i, quote(target));
            }
            if ((c == '[' || c == ']') && absolute) continue;
            if (!allowed(c)) {
                return Phrase.of("server.problem.targetCharacter", String.valueOf(c), i, quote(target),
                        String.format(java.util.Locale.ROOT, "%02X", (int) c));
            }
        }
        return null;
    }

    /** The request line the codec saw: {@code PRI * HTTP/2.0}, which is how the HTTP/2 preface begins. */
    static boolean isHttp2Preface(String method, String target, String version) {
        return method.equals("PRI") && target.equals("*") && version.equals("HTTP/2.0");
    }

    static final Phrase HTTP2_PREFACE = Phrase.of("server.problem.http2Preface");

    static final Phrase TLS = Phrase.of("server.problem.tls");

    /** A TLS handshake record (0x16) of TLS 1.0..1.3 or SSL 3 (0x03 0x00..0x04) at the start. */
    static boolean isTlsClientHello(byte[] head) {
        return head.length >= 2 && head[0] == 0x16 && head[1] == 0x03 && (head.length < 3 || (head[2] & 0xff) <= 0x04);
    }

    /**
     * What the first line of a request holds that a request line may not: a TLS ClientHello, a
     * control byte (named, with its offset: the codec takes TAB, VT, FF and a bare CR for spaces),
     * a space inside the target, an extra space (the codec takes runs of spaces for one), or more
     * than three words. Null when none of these, or when the line is not all there.
     */
    static Phrase whatWasSent(byte[] head) {
        if (isTlsClientHello(head)) return TLS;
        int start = 0;
        while (start + 1 < head.length && head[start] == '\r' && head[start + 1] == '\n') start += 2; // empty lines before a request are allowed
        int end = start;
        while (end < head.length && head[end] != '\n') end++;
        int lineEnd = end < head.length && end > start && head[end - 1] == '\r' ? end - 1 : end;
        for (int i = start; i < lineEnd; i++) {
            int b = head[i] & 0xff;
            if (b < 0x20 || b == 0x7f) {
                return Phrase.of("server.problem.lineControl", name(b), i);
            }
        }
        if (end >= head.length) return null;
        if (threeWords(head, start, lineEnd)) return null; // the usual case, told from the bytes without a String
        String line = new String(head, start, lineEnd - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        String[] words = line.split(" ", -1);
        if (words.length == 3 && !words[0].isEmpty() && !words[1].isEmpty() && !words[2].isEmpty()) return null;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ' ' && (i == 0 || i == line.length() - 1 || line.charAt(i + 1) == ' ')) {
                return Phrase.of("server.problem.extraSpace", start + i);
            }
        }
        if (words.length > 3 && words[words.length - 1].startsWith("HTTP/") && words[1].startsWith("/")) {
            String target = String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length - 1));
            return Phrase.of("server.problem.spaceInTarget", quote(target));
        }
        if (words.length == 2 && words[1].startsWith("/")) {
            return Phrase.of("server.problem.noVersion", quote(line));
        }
        return Phrase.of("server.problem.words", words.length);
    }

    /** Exactly two single spaces, neither first nor last: method, target and version. */
    private static boolean threeWords(byte[] head, int start, int end) {
        int spaces = 0;
        for (int i = start; i < end; i++) {
            if (head[i] != ' ') continue;
            if (i == start || i == end - 1 || head[i + 1] == ' ' || ++spaces > 2) return false;
        }
        return spaces == 2;
    }

    /** A control byte as people call it: "a NUL byte", "an ESC byte (0x1b)", "a control byte 0x01". */
    static Phrase name(int b) {
        String hex = String.format(java.util.Locale.ROOT, "0x%02x", b);
        switch (b) {
            case 0x00: return Phrase.of("server.byte.nul");
            case 0x07: return Phrase.of("server.byte.a", "BEL", hex);
            case 0x08: return Phrase.of("server.byte.a", "BS", hex);
            case 0x09: return Phrase.of("server.byte.a", "TAB", hex);
            case 0x0a: return Phrase.of("server.byte.an", "LF", hex);
            case 0x0b: return Phrase.of("server.byte.a", "VT", hex);
            case 0x0c: return Phrase.of("server.byte.an", "FF", hex);
            case 0x0d: return Phrase.of("server.byte.a", "CR", hex);
            case 0x1b: return Phrase.of("server.byte.an", "ESC", hex);
            case 0x7f: return Phrase.of("server.byte.a", "DEL", hex);
            default: return Phrase.of("server.byte.control", hex);
        }
    }

    /** {@code text} in quotes, escaped, cut to {@link #QUOTE} characters with the length said. */
    static Phrase quote(String text) {
        return text.length() <= QUOTE ? Phrase.of("server.quote", Printable.escape(text))
                : Phrase.of("server.quoteCut", Printable.escape(text.substring(0, QUOTE)), text.length());
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** unreserved, sub-delims, ':', '@', '/', '?' (RFC 3986 pchar and query). */
    private static boolean allowed(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
        return "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
    }
}
