package dev.roundtrip.record;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a piece of test input stands, as "line:column" (1-based), to compare with error messages. */
final class TextPlaces {
    private TextPlaces() {}

    /** The place of the first {@code needle} in {@code text}. */
    static String at(String text, String needle) {
        return at(text, needle, null);
    }

    /** The place of the first {@code needle} after the first {@code after} (null: from the start). */
    static String at(String text, String needle, String after) {
        int from = after == null ? 0 : text.indexOf(after);
        assertThat(from).as("%s in the test input", after).isNotNegative();
        int i = text.indexOf(needle, from);
        assertThat(i).as("%s in the test input", needle).isNotNegative();
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return line + ":" + (i - lineStart + 1);
    }

    /** {@code text} with the first {@code from} replaced (which must be there). */
    static String replaceOnce(String text, String from, String to) {
        int i = text.indexOf(from);
        assertThat(i).as("%s in the test input", from).isNotNegative();
        return text.substring(0, i) + to + text.substring(i + from.length());
    }
}
