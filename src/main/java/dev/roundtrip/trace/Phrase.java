package dev.roundtrip.trace;

import dev.roundtrip.text.Texts;
import dev.roundtrip.text.Units;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A text the engine says about an event, kept as a message key and its arguments and put into words
 * only when someone reads it: in English for the recording's {@code detail} (old readers, HAR, the
 * CLI), in the language in use for the app. The engine builds no string on its hot path this way.
 *
 * <p>The key names its bundle by its first part: {@code server.socketRead} is in
 * {@code dev/roundtrip/server/Texts.properties}. An argument is a number, a string, a
 * {@link #duration(long) duration}, a {@link #size(long) size}, an {@link #ordinal(long) ordinal} or another phrase (each put into the same language). A key or a
 * language missing from the bundles (a recording from a newer Roundtrip) reads as the English text the
 * phrase was recorded with.
 */
public final class Phrase {
    private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9]*(\\.[a-zA-Z0-9]+)+");

    private final String key;
    private final Object[] args;
    // racy on purpose: every thread computes the same immutable String
    private String english;
    /** This is the instance {@link SharedTexts} keeps for its text: an event given it again need not look it up (racy, benign). */
    boolean shared;

    private Phrase(String key, Object[] args, String english) {
        this.key = key;
        this.args = args;
        this.english = english;
    }

    /** The phrase {@code key} with these arguments (numbers, strings, durations, phrases). */
    public static Phrase of(String key, Object... args) {
        return new Phrase(key, args, null);
    }

    /** A phrase read back from a recording with the English it was written with (no lookup on load). */
    public static Phrase recorded(String key, List<Object> args, String english) {
        if (!isKey(key)) throw new IllegalArgumentException("not a text key: '" + key + "' (expected e.g. server.socketRead)");
        for (Object a : args) checkArg(a);
        return new Phrase(key, args.toArray(), english);
    }

    /** A key as written: lower-case bundle name, a dot, a name ({@code client.connected}). */
    public static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** A duration argument, written by {@link Units#duration(long)}'s rules in each language. */
    public static Duration duration(long nanos) {
        return new Duration(nanos);
    }

    /** A duration in nanoseconds, as an argument. */
    public record Duration(long nanos) {}

    /** A size argument, written by {@link Units#bytes(long)}'s rules in each language. */
    public static Size size(long bytes) {
        return new Size(bytes);
    }

    /** A size in bytes, as an argument. */
    public record Size(long bytes) {}

    /** An ordinal argument: "2nd" in English, "2." in German, "2e" in French, "2.º" in Spanish. */
    public static Ordinal ordinal(long n) {
        return new Ordinal(n);
    }

    /** A position (1 for the first), as an argument. */
    public record Ordinal(long n) {
        String in(Locale language) {
            switch (Texts.supported(language).getLanguage()) {
                case "de": return n + ".";
                case "fr": return n == 1 ? "1er" : n + "e";
                case "es": return n + ".º";
                default:
                    long h = n % 100;
                    return n + (h >= 11 && h <= 13 ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th");
            }
        }
    }

    public String key() {
        return key;
    }

    public List<Object> args() {
        return Collections.unmodifiableList(Arrays.asList(args));
    }

    /** The English text: what the recording keeps as {@code detail}. */
    public String english() {
        String e = english;
        if (e == null) {
            e = render(Locale.ENGLISH);
            english = e;
        }
        return e;
    }

    /** The text in {@code locale} (English where the bundles lack it). */
    public String in(Locale locale) {
        return Texts.supported(locale).equals(Locale.ENGLISH) ? english() : render(locale);
    }

    /** The text in the language in use ({@link Texts#locale()}). */
    public String inUse() {
        return in(Texts.locale());
    }

    private String render(Locale locale) {
        String pattern;
        try {
            pattern = Texts.pattern(locale, bundleOf(key), key);
        } catch (MissingResourceException e) {
            // a key this version does not know (a newer recording): its English, or the key and arguments as they are
            return english != null ? english : key + " " + Arrays.toString(args);
        }
        Object[] shown = args;
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Phrase || a instanceof Duration || a instanceof Size || a instanceof Ordinal) {
                if (shown == args) shown = args.clone();
                shown[i] = a instanceof Phrase ? ((Phrase) a).in(locale)
                        : a instanceof Duration ? Units.duration(((Duration) a).nanos, locale)
                        : a instanceof Size ? Units.bytes(((Size) a).bytes, locale) : ((Ordinal) a).in(locale);
            }
        }
        return new MessageFormat(pattern, locale).format(shown);
    }

    static String bundleOf(String key) {
        return "dev.roundtrip." + key.substring(0, key.indexOf('.')) + ".Texts";
    }

    private static void checkArg(Object a) {
        if (a instanceof String || a instanceof Long || a instanceof Integer || a instanceof Double || a instanceof Phrase || a instanceof Duration
                || a instanceof Size || a instanceof Ordinal) return;
        throw new IllegalArgumentException("a text argument is a number, a string, a duration or a text, not " + a);
    }

    /** Same key, same arguments (numbers by value: 7 and 7L are one argument). */
    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Phrase)) return false;
        Phrase p = (Phrase) o;
        if (!key.equals(p.key) || args.length != p.args.length) return false;
        for (int i = 0; i < args.length; i++) {
            if (!sameArg(args[i], p.args[i])) return false;
        }
        return true;
    }

    /** Its arguments are {@code others} (numbers by value). */
    boolean hasArgs(Object[] others) {
        if (args.length != others.length) return false;
        for (int i = 0; i < args.length; i++) {
            if (!sameArg(args[i], others[i])) return false;
        }
        return true;
    }

    private static boolean sameArg(Object a, Object b) {
        if (isWhole(a) && isWhole(b)) return ((Number) a).longValue() == ((Number) b).longValue();
        return Objects.equals(a, b);
    }

    private static boolean isWhole(Object a) {
        return a instanceof Long || a instanceof Integer || a instanceof Short || a instanceof Byte;
    }

    @Override
    public int hashCode() {
        int h = key.hashCode();
        for (Object a : args) h = 31 * h + (isWhole(a) ? Long.hashCode(((Number) a).longValue()) : Objects.hashCode(a));
        return h;
    }

    @Override
    public String toString() {
        return english();
    }
}
