package dev.roundtrip.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hand-typed bytes, the same in the GUI's raw composer and the CLI's {@code trace --raw}. Escapes
 * make the invisible visible; the rules, all of them:
 * <ul>
 *   <li>Escapes: {@code \r} CR (0x0d), {@code \n} LF (0x0a), {@code \t} TAB (0x09), {@code \0} NUL
 *       (0x00), {@code \\} one backslash, {@code \xHH} the byte with hex value HH (two hex digits,
 *       either case). Any other character after a backslash, or a backslash at the very end, is an
 *       error.</li>
 *   <li>A typed line break (LF, CR LF or a lone CR, whatever the editor or shell produced) means
 *       the two bytes CR LF, so plain typed lines make a valid HTTP head; except a line break typed
 *       right after an escaped {@code \n}, which is only layout and adds nothing.</li>
 *   <li>Any other character stands for itself: ASCII as its one byte, anything beyond ASCII as its
 *       UTF-8 bytes ({@code é} is C3 A9; write {@code \xe9} for the single byte E9).</li>
 * </ul>
 * Errors are {@link IllegalArgumentException}s naming the line and column (both from 1) and what
 * was expected there, e.g. {@code line 2, column 5: \x must be followed by two hex digits, found "ZZ"}.
 *
 * <p>{@link #format(byte[])} is the inverse: for every byte array {@code b},
 * {@code parse(format(b))} equals {@code b}. It writes printable ASCII as itself, CR, LF, TAB, NUL
 * and backslash by their short escapes, every other byte as {@code \xHH}, and a layout line break
 * after each {@code \n} so an HTTP head reads line by line.
 *
 * <pre>{@code
 * ByteEscapes.parse("GET / HTTP/1.1\nHost: x\n\n")   // "GET / HTTP/1.1\r\nHost: x\r\n\r\n"
 * ByteEscapes.parse("A\\r\\n\nB\\x00\\\\")           // 'A' CR LF 'B' NUL '\'
 * }</pre>
 */
public final class ByteEscapes {
    private static final Texts.Bundle T = Texts.of("dev.roundtrip.text.Texts");

    private ByteEscapes() {}

    /** The bytes {@code text} stands for; throws {@link IllegalArgumentException} as the class comment says. */
    public static byte[] parse(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int line = 1;
        int col = 1;
        boolean afterEscapedLf = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                if (!afterEscapedLf) {
                    out.write('\r');
                    out.write('\n');
                }
                afterEscapedLf = false;
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                col = 1;
                continue;
            }
            afterEscapedLf = false;
            if (c == '\\') {
                if (i + 1 >= text.length()) throw bad(line, col, T.get("escape.loneEnd"));
                char e = text.charAt(i + 1);
                int width = 2;
                switch (e) {
                    case 'r': out.write('\r'); break;
                    case 'n': out.write('\n'); afterEscapedLf = true; break;
                    case 't': out.write('\t'); break;
                    case '0': out.write(0); break;
                    case '\\': out.write('\\'); break;
                    case 'x':
                        String hex = text.substring(i + 2, Math.min(i + 4, text.length()));
                        if (!isHexPair(hex)) {
                            throw bad(line, col, T.get("escape.hex", hex));
                        }
                        out.write(Integer.parseInt(hex, 16));
                        width = 4;
                        break;
                    case '\n':
                    case '\r':
                        throw bad(line, col, T.get("escape.loneLine"));
                    default:
                        throw bad(line, col, T.get("escape.unknown", printable(text.codePointAt(i + 1))));
                }
                i += width;
                col += width;
                continue;
            }
            int cp = text.codePointAt(i);
            if (cp < 0x80) {
                out.write(cp);
            } else {
                if (Character.isSurrogate(c) && Character.charCount(cp) == 1) {
                    throw bad(line, col, T.get("escape.surrogate"));
                }
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            }
            i += Character.charCount(cp);
            col++;
        }
        return out.toByteArray();
    }

    /** Text that {@link #parse(String)} turns back into exactly {@code bytes}. */
    public static String format(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int v = b & 0xff;
            if (v == '\r') sb.append("\\r");
            else if (v == '\n') sb.append("\\n\n");
            else if (v == '\t') sb.append("\\t");
            else if (v == 0) sb.append("\\0");
            else if (v == '\\') sb.append("\\\\");
            else if (v < 0x20 || v >= 0x7f) sb.append(String.format("\\x%02x", v));
            else sb.append((char) v);
        }
        return sb.toString();
    }

    private static boolean isHexPair(String s) {
        return s.length() == 2 && Character.digit(s.charAt(0), 16) >= 0 && Character.digit(s.charAt(1), 16) >= 0
                && s.charAt(0) < 0x80 && s.charAt(1) < 0x80;
    }

    private static String printable(int cp) {
        if (Character.isISOControl(cp)) return T.get("escape.control", String.format(java.util.Locale.ROOT, "U+%04X", cp));
        return "\\" + new String(Character.toChars(cp));
    }

    private static IllegalArgumentException bad(int line, int col, String what) {
        return new IllegalArgumentException(T.get("escape.at", String.valueOf(line), String.valueOf(col), what));
    }
}
