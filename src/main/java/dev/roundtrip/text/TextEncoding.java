package dev.roundtrip.text;

/** What a file's first bytes say about its encoding, for messages that tell the user how to fix it. */
public final class TextEncoding {
    private TextEncoding() {}

    /**
     * "UTF-16 (little-endian)" or "UTF-16 (big-endian)" when {@code b} starts with a UTF-16 byte
     * order mark, or with text whose every other byte is 0 (as ASCII text saved as UTF-16 is); else
     * null. UTF-32 (FF FE 00 00) is not UTF-16.
     */
    public static String utf16(byte[] b) {
        if (startsWith(b, 0xFF, 0xFE) && !startsWith(b, 0xFF, 0xFE, 0, 0)) return "UTF-16 (little-endian)";
        if (startsWith(b, 0xFE, 0xFF)) return "UTF-16 (big-endian)";
        int n = Math.min(b.length, 64) & ~1;
        if (n < 2) return null;
        boolean le = true;
        boolean be = true;
        for (int i = 0; i < n; i += 2) {
            le &= b[i] != 0 && b[i + 1] == 0;
            be &= b[i] == 0 && b[i + 1] != 0;
        }
        return le ? "UTF-16 (little-endian)" : be ? "UTF-16 (big-endian)" : null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xff) != prefix[i]) return false;
        return true;
    }
}
