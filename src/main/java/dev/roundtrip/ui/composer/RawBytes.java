package dev.roundtrip.ui.composer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hand-typed request bytes. Escapes make the invisible visible: {@code \r}, {@code \n}, {@code \t},
 * {@code \\} and {@code \xHH}. A line break typed right after {@code \n} is only layout; any other
 * typed line break means CRLF, so plain typed lines are a valid HTTP head.
 */
public final class RawBytes {
    private RawBytes() {}

    /** Parses the text; throws {@link IllegalArgumentException} naming line and column of a bad escape. */
    public static byte[] parse(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int line = 1;
        int col = 1;
        boolean afterEscapedLf = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') continue; // typed CR is part of a typed line break
            if (c == '\n') {
                if (!afterEscapedLf) out.writeBytes(new byte[] {'\r', '\n'});
                afterEscapedLf = false;
                line++;
                col = 1;
                continue;
            }
            afterEscapedLf = false;
            if (c == '\\') {
                if (i + 1 >= text.length()) throw bad(line, col, "a lone \\ at the end (write \\\\ for a backslash)");
                char e = text.charAt(++i);
                switch (e) {
                    case 'r': out.write('\r'); break;
                    case 'n': out.write('\n'); afterEscapedLf = true; break;
                    case 't': out.write('\t'); break;
                    case '\\': out.write('\\'); break;
                    case 'x':
                        String hex = i + 3 <= text.length() ? text.substring(i + 1, i + 3) : "";
                        if (!hex.matches("[0-9a-fA-F]{2}")) throw bad(line, col, "\\x must be followed by two hex digits, found \"" + hex + "\"");
                        out.write(Integer.parseInt(hex, 16));
                        i += 2;
                        col += 2;
                        break;
                    default:
                        throw bad(line, col, "unknown escape \\" + e + " (use \\r, \\n, \\t, \\\\ or \\xHH)");
                }
                col += 2;
                continue;
            }
            out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            col++;
        }
        return out.toByteArray();
    }

    /** The editable text for some bytes: CR and LF escaped, a line break after every LF. */
    public static String format(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            int v = b & 0xff;
            if (v == '\r') sb.append("\\r");
            else if (v == '\n') sb.append("\\n\n");
            else if (v == '\t') sb.append("\\t");
            else if (v == '\\') sb.append("\\\\");
            else if (v < 0x20 || v >= 0x7f) sb.append(String.format("\\x%02x", v));
            else sb.append((char) v);
        }
        return sb.toString();
    }

    private static IllegalArgumentException bad(int line, int col, String what) {
        return new IllegalArgumentException("Raw bytes, line " + line + ", column " + col + ": " + what);
    }
}
