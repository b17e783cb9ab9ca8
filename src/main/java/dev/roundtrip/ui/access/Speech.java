package dev.roundtrip.ui.access;

import dev.roundtrip.text.Texts;

/**
 * What a screen reader says for Roundtrip: the accessible names and help of controls and diagram
 * elements, from one bundle ({@code dev/roundtrip/ui/Accessible.properties}, with German, French and
 * Spanish beside it). Figures are spoken in words ("616 microseconds", "108 bytes"), since a screen
 * reader spells "µs" and "B" letter by letter.
 */
public final class Speech {
    private static final Texts.Bundle T = Texts.of("dev.roundtrip.ui.Accessible");

    private Speech() {}

    public static String get(String key, Object... args) {
        return T.get(key, args);
    }

    /** Whether the bundle has {@code key} (a control's name is looked up by its id). */
    public static boolean has(String key) {
        return T.resources().containsKey(key);
    }

    /** "108 bytes", exact (a lesson counts them), never "1.5 KiB". */
    public static String bytes(long n) {
        return get("bytes", n);
    }

    /** A duration as {@link dev.roundtrip.text.Units#duration} writes it, its unit in words: "616 microseconds". */
    public static String duration(long nanos) {
        if (nanos < 0) return get("underWay");
        String shown = dev.roundtrip.text.Units.duration(nanos);
        int space = shown.lastIndexOf(' ');
        String digits = shown.substring(0, space);
        String unit = shown.substring(space + 1);
        String key = "unit." + ("µs".equals(unit) ? "us" : unit);
        return get(key, digits, "1".equals(digits) ? 1 : 2);
    }
}
