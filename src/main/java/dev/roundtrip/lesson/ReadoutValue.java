package dev.roundtrip.lesson;

import dev.roundtrip.text.Texts;
import dev.roundtrip.trace.Phrase;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * A readout measured at one moment: a number, a word, or "not available" with the reason (never a
 * made-up zero). Answers are checked against the value as measured; only {@link #display()} translates.
 * The reason is a phrase ({@code lesson.why.*}), so it is said in the language in use when it is read,
 * also after a language switch.
 */
public record ReadoutValue(String name, Double number, String text, Phrase unavailable) {
    public static ReadoutValue number(String name, double value) {
        return new ReadoutValue(name, value, null, null);
    }

    public static ReadoutValue text(String name, String value) {
        return new ReadoutValue(name, null, value, null);
    }

    public static ReadoutValue unavailable(String name, Phrase why) {
        return new ReadoutValue(name, null, null, why);
    }

    public boolean available() {
        return unavailable == null;
    }

    public boolean isNumber() {
        return number != null;
    }

    /**
     * The value as a student reads it: whole numbers without decimals, others with two at most,
     * written with the decimal separator of the language in use ("90,01" in German).
     */
    public String display() {
        if (!available()) return said().inUse();
        if (text != null) return word(text);
        String plain = plain();
        if (number == null || plain.indexOf('.') < 0) return plain;
        return plain.replace('.', DecimalFormatSymbols.getInstance(Texts.locale()).getDecimalSeparator());
    }

    /**
     * A word readout in the language in use ("reused" is "wiederverwendet" in German) where the lesson
     * bundle has it as {@code lesson.word.<value>}; stage names, protocols and other values stay as measured.
     */
    static String word(String value) {
        java.util.ResourceBundle words = Checker.T.resources();
        String key = "lesson.word." + value;
        return words.containsKey(key) ? Checker.T.get(key) : value;
    }

    /** "not available (why)" as a phrase, for a text in another language or the English of a file. */
    public Phrase said() {
        return Phrase.of("lesson.readout.unavailable", unavailable);
    }

    /** As {@link #plain()}, but a missing value as a phrase: for a message said in the language in use. */
    Object shown() {
        return available() ? plain() : said();
    }

    /** As {@link #display()}, with a decimal point whatever the language: for files written for machines and lesson authors (English). */
    public String plain() {
        if (!available()) return said().english();
        if (text != null) return text;
        double v = number;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    @Override
    public String toString() {
        return name + " = " + plain();
    }
}
