package dev.roundtrip.text;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The user's language at start. The JVM takes it from {@code setlocale}, which fails when the locale
 * {@code LANG} names is not generated on the machine (a classroom PC with only {@code C.UTF-8}): then
 * Java says English although {@code LANG=de_DE.UTF-8}. Here the POSIX variables are read as well when
 * the JVM says English, in their order of precedence ({@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG}).
 * A language given with {@code -Duser.language} other than English still wins.
 */
public final class SystemLanguage {
    private SystemLanguage() {}

    /** The language to start in. */
    public static Locale now() {
        return of(Locale.getDefault(), System::getenv);
    }

    /**
     * The terminal's character set when the JVM's differs from it for the same reason: a locale that is not
     * generated leaves Java with ASCII ({@code ANSI_X3.4-1968}), and "gültig" prints as "g?ltig" on a UTF-8
     * terminal. UTF-8 when the POSIX variable that decides names it and the JVM's is not; else empty.
     */
    public static java.util.Optional<java.nio.charset.Charset> terminalCharset(java.nio.charset.Charset jvm, UnaryOperator<String> env) {
        if (jvm.equals(java.nio.charset.StandardCharsets.UTF_8)) return java.util.Optional.empty();
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = env.apply(name);
            if (v == null || v.isBlank()) continue;
            String codeset = v.contains(".") ? v.substring(v.indexOf('.') + 1).split("@", 2)[0].toLowerCase(Locale.ROOT) : "";
            return codeset.equals("utf-8") || codeset.equals("utf8")
                    ? java.util.Optional.of(java.nio.charset.StandardCharsets.UTF_8) : java.util.Optional.empty();
        }
        return java.util.Optional.empty();
    }

    static Locale of(Locale jvm, UnaryOperator<String> env) {
        if (!jvm.getLanguage().equals(Locale.ENGLISH.getLanguage()) && !jvm.getLanguage().isEmpty()) return jvm;
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String v = env.apply(name);
            if (v == null || v.isBlank()) continue;
            // the first one set decides, as for every POSIX program; C and POSIX are English
            String lang = v.split("[_.@-]", 2)[0].toLowerCase(Locale.ROOT);
            return lang.matches("[a-z]{2,3}") ? Locale.forLanguageTag(lang) : jvm;
        }
        return jvm;
    }
}
