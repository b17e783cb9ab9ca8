package dev.roundtrip.record;

import java.util.Base64;

/**
 * The checks of meaning both readers make of values that are valid JSON: base64 that really is
 * base64, and texts that will go on the wire again (header names and values, methods, targets)
 * without line breaks or other control characters that could add a header to every export.
 */
final class FileChecks {
    private FileChecks() {}

    /**
     * Standard base64 (padded or not), line breaks and spaces allowed between groups as MIME writes
     * them; anything else is refused.
     *
     * @throws IllegalArgumentException with what is wrong, in words for the user
     */
    static byte[] base64(String s) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException fast) {
            // spaces and line breaks, or a real error: look closer
        }
        StringBuilder clean = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\r' || c == '\n' || c == '\t') continue;
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=')) {
                throw new IllegalArgumentException(character(c) + " at character " + (i + 1) + " is not a base64 character");
            }
            clean.append(c);
        }
        try {
            return Base64.getDecoder().decode(clean.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("it does not end as base64 must: in groups of 4 characters, '=' only at the end");
        }
    }

    /**
     * Null when {@code s} may stand in a header line; otherwise what is wrong, e.g. "holds a line
     * break (CR, 0x0D) at character 12". {@code tabAllowed}: a header value may hold tabs.
     */
    static String controlCharacter(String s, boolean tabAllowed) {
        dev.roundtrip.trace.Phrase said = controlCharacterSaid(s, tabAllowed);
        return said == null ? null : said.english();
    }

    /** The same as a phrase, for a message in the language in use. */
    static dev.roundtrip.trace.Phrase controlCharacterSaid(String s, boolean tabAllowed) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' && tabAllowed) continue;
            if (c < 0x20 || c == 0x7F) {
                dev.roundtrip.trace.Phrase what = c == '\r' ? dev.roundtrip.trace.Phrase.of("record.cr") : c == '\n' ? dev.roundtrip.trace.Phrase.of("record.lf")
                        : dev.roundtrip.trace.Phrase.of("record.control", String.format(java.util.Locale.ROOT, "0x%02X", (int) c));
                return dev.roundtrip.trace.Phrase.of("record.holds", what, i + 1);
            }
        }
        return null;
    }

    /** Null when {@code s} holds no CR or LF; else as {@link #controlCharacter}. */
    static String lineBreak(String s) {
        int cr = s.indexOf('\r');
        int lf = s.indexOf('\n');
        if (cr < 0 && lf < 0) return null;
        int at = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
        return "holds a line break (" + (s.charAt(at) == '\r' ? "CR, 0x0D" : "LF, 0x0A") + ") at character " + (at + 1);
    }

    private static String character(char c) {
        if (c < 0x20 || c == 0x7F) return String.format(java.util.Locale.ROOT, "the control character 0x%02X", (int) c);
        if (c > 0x7E) return String.format(java.util.Locale.ROOT, "'%c' (U+%04X)", c, (int) c);
        return "'" + c + "'";
    }
}
