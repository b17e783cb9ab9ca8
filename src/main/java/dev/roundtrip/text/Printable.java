package dev.roundtrip.text;

/**
 * Text that came from outside (the network, a recording, a HAR file) made safe to print on a
 * terminal or a single log line: nothing in it can move the cursor, clear the screen, recolour the
 * console, ring the bell, start a new line or reorder what follows. The rules, all of them:
 * <ul>
 *   <li>C0 control characters (U+0000..U+001F, CR, LF and TAB included), DEL (U+007F) and C1 control
 *       characters (U+0080..U+009F) are written {@code \xHH}, two lower-case hex digits:
 *       ESC is {@code \x1b}, NUL {@code \x00}, CR LF {@code \x0d\x0a}.</li>
 *   <li>A lone UTF-16 surrogate (half of a character, what a broken decoder or file leaves) and the
 *       characters that change the direction or the lines of the text around them (U+061C, U+200E,
 *       U+200F, U+202A..U+202E, U+2066..U+2069, U+2028, U+2029) are written {@code \}{@code uXXXX},
 *       four upper-case hex digits.</li>
 *   <li>Everything else stands for itself, all of Unicode included ({@code é}, {@code 日本}, emoji,
 *       joiners). A backslash is not doubled: the result is for reading, not for parsing back
 *       ({@link ByteEscapes#format(byte[])} is the lossless one).</li>
 * </ul>
 * {@code null} stays {@code null}; a string with nothing to escape is returned as it is.
 *
 * <pre>{@code
 * Printable.escape("/\u001b[2J\u001b[31mPWNED\u0007")   // "/\x1b[2J\x1b[31mPWNED\x07"
 * Printable.escape("a\r\nb")                            // "a\x0d\x0ab"
 * Printable.escape("café \uD800")                       // "café \uD800" (the lone surrogate written as an escape)
 * }</pre>
 */
public final class Printable {
    private Printable() {}

    /** {@code text} with every character the class comment lists written as an escape. */
    public static String escape(String text) {
        if (text == null) return null;
        int first = firstUnsafe(text);
        if (first < 0) return text;
        StringBuilder sb = new StringBuilder(text.length() + 16);
        sb.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(c).append(text.charAt(++i));
            } else if (isControl(c)) {
                sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else if (Character.isSurrogate(c) || isLayout(c)) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether {@link #escape(String)} would change {@code text}. */
    public static boolean isSafe(String text) {
        return text == null || firstUnsafe(text) < 0;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (isControl(c) || Character.isSurrogate(c) || isLayout(c)) return i;
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    /** Direction marks, embeddings, overrides and isolates; the line and paragraph separators. */
    public static boolean isLayout(char c) {
        return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x2028 || c == 0x2029;
    }
}
