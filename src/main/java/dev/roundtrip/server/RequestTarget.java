package dev.roundtrip.server;

import dev.roundtrip.text.Printable;

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
 */
final class RequestTarget {
    private RequestTarget() {}

    /** Quoted targets are cut to this many characters in a reason. */
    static final int QUOTE = 60;

    /** Why {@code target} is not a valid request target, or null. */
    static String problem(String target) {
        if (target.equals("*")) return null;
        boolean absolute = target.regionMatches(true, 0, "http://", 0, 7) || target.regionMatches(true, 0, "https://", 0, 8);
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return name(c) + " at offset " + i + " of the request target " + quote(target)
                        + ": control bytes are not allowed in a request target";
            }
            if (c > 0x7f) {
                String hex = String.format(java.util.Locale.ROOT, "%02X", c & 0xff);
                return "a byte beyond ASCII (0x" + hex.toLowerCase(java.util.Locale.ROOT) + ") at offset " + i + " of the request target "
                        + quote(target) + ": send it percent-encoded (%" + hex + ")";
            }
            if (c == '%') {
                if (i + 2 >= target.length() || !isHex(target.charAt(i + 1)) || !isHex(target.charAt(i + 2))) {
                    return "a bad percent escape " + quote(target.substring(i, Math.min(target.length(), i + 3))) + " at offset " + i
                            + " of the request target " + quote(target) + ": '%' must be followed by two hex digits";
                }
                i += 2;
                continue;
            }
            if (c == '#') {
                return "'#' at offset " + i + " of the request target " + quote(target)
                        + ": a fragment stays with the client and is never sent (RFC 9112 §3.2); send a '#' as %23";
            }
            if ((c == '[' || c == ']') && absolute) continue;
            if (!allowed(c)) {
                return "'" + c + "' at offset " + i + " of the request target " + quote(target)
                        + " is not allowed in a request target (RFC 3986): send it percent-encoded (%"
                        + String.format(java.util.Locale.ROOT, "%02X", (int) c) + ")";
            }
        }
        return null;
    }

    /** The request line the codec saw: {@code PRI * HTTP/2.0}, which is how the HTTP/2 preface begins. */
    static boolean isHttp2Preface(String method, String target, String version) {
        return method.equals("PRI") && target.equals("*") && version.equals("HTTP/2.0");
    }

    static final String HTTP2_PREFACE = "the HTTP/2 connection preface read as HTTP/1.1 (it was not whole, or this server runs untraced,"
            + " which speaks HTTP/1.1 only): HTTP/1.1 has no PRI method";

    static final String TLS = "a TLS ClientHello on a plain-HTTP port: this server speaks HTTP without TLS (use http://, not https://)";

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
    static String whatWasSent(byte[] head) {
        if (isTlsClientHello(head)) return TLS;
        int start = 0;
        while (start + 1 < head.length && head[start] == '\r' && head[start + 1] == '\n') start += 2; // empty lines before a request are allowed
        int end = start;
        while (end < head.length && head[end] != '\n') end++;
        int lineEnd = end < head.length && end > start && head[end - 1] == '\r' ? end - 1 : end;
        for (int i = start; i < lineEnd; i++) {
            int b = head[i] & 0xff;
            if (b < 0x20 || b == 0x7f) {
                return name(b) + " at offset " + i + " of the request: control bytes are not allowed in the request line";
            }
        }
        if (end >= head.length) return null;
        if (threeWords(head, start, lineEnd)) return null; // the usual case, told from the bytes without a String
        String line = new String(head, start, lineEnd - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        String[] words = line.split(" ", -1);
        if (words.length == 3 && !words[0].isEmpty() && !words[1].isEmpty() && !words[2].isEmpty()) return null;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ' ' && (i == 0 || i == line.length() - 1 || line.charAt(i + 1) == ' ')) {
                return "an extra space at offset " + (start + i) + " of the request: the request line is method, target and version"
                        + " with one space between each";
            }
        }
        if (words.length > 3 && words[words.length - 1].startsWith("HTTP/") && words[1].startsWith("/")) {
            String target = String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length - 1));
            return "a space inside the request target " + quote(target) + ": send a space as %20";
        }
        if (words.length == 2 && words[1].startsWith("/")) {
            return "the request line " + quote(line) + " has no version: an HTTP/0.9 request, which this server does not serve"
                    + " (end the line with HTTP/1.1)";
        }
        return "the request line has " + words.length + (words.length == 1 ? " word" : " words") + " separated by spaces, not 3 (method, target, version)";
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
    static String name(int b) {
        String hex = String.format(java.util.Locale.ROOT, "0x%02x", b);
        switch (b) {
            case 0x00: return "a NUL byte";
            case 0x07: return "a BEL byte (" + hex + ")";
            case 0x08: return "a BS byte (" + hex + ")";
            case 0x09: return "a TAB byte (" + hex + ")";
            case 0x0a: return "an LF byte (" + hex + ")";
            case 0x0b: return "a VT byte (" + hex + ")";
            case 0x0c: return "an FF byte (" + hex + ")";
            case 0x0d: return "a CR byte (" + hex + ")";
            case 0x1b: return "an ESC byte (" + hex + ")";
            case 0x7f: return "a DEL byte (" + hex + ")";
            default: return "a control byte " + hex;
        }
    }

    /** {@code text} in quotes, escaped, cut to {@link #QUOTE} characters with the length said. */
    static String quote(String text) {
        String shown = text.length() <= QUOTE ? text : text.substring(0, QUOTE) + "…";
        return "'" + Printable.escape(shown) + "'" + (text.length() <= QUOTE ? "" : " (" + text.length() + " characters)");
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
