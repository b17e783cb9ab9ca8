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
