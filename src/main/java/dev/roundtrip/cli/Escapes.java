package dev.roundtrip.cli;

import java.io.ByteArrayOutputStream;

/** Turns {@code \r \n \t \0 \\ \xHH} in command-line text into the bytes they stand for. */
final class Escapes {
    private Escapes() {}

    static byte[] decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                if (c > 0xff) throw new IllegalArgumentException("character '" + c + "' at " + i + " is not a single byte; use \\xHH");
                out.write(c);
                continue;
            }
            if (i + 1 >= text.length()) throw new IllegalArgumentException("a lone backslash at the end; write \\\\ for a backslash");
            char e = text.charAt(++i);
            switch (e) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '0' -> out.write(0);
                case '\\' -> out.write('\\');
                case 'x' -> {
                    String hex = text.substring(i + 1, Math.min(i + 3, text.length()));
                    if (!hex.matches("[0-9a-fA-F]{2}")) throw new IllegalArgumentException("\\x at " + (i - 1) + " needs two hex digits, got '" + hex + "'");
                    out.write(Integer.parseInt(hex, 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e + " at " + (i - 1) + " (known: \\r \\n \\t \\0 \\\\ \\xHH)");
            }
        }
        return out.toByteArray();
    }
}
