package dev.roundtrip.text;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The language Roundtrip speaks to people, and its texts. Every text a student reads lives in a
 * properties bundle beside the code that shows it ({@code Texts.properties} in the feature's resource
 * folder, with {@code Texts_de}, {@code Texts_fr}, {@code Texts_es} beside it; {@code TextBundlesTest}
 * fails when a translation lacks a key or changes a placeholder).
 *
 * <p>One language for the whole process, chosen once at start (system locale or the user's choice)
 * and switched by the View menu; files written for machines (JSON, HAR, Mermaid) never depend on it.
 * A text missing from a translation falls back to English, never to the JVM's default locale.
 */
public final class Texts {
    public static final Locale SPANISH = Locale.forLanguageTag("es");
    /** The languages that are complete, English first (the fallback). */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, SPANISH);

    private static final ResourceBundle.Control NO_JVM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static volatile Locale locale = Locale.ENGLISH;

    private Texts() {}

    /** The language in use. */
    public static Locale locale() {
        return locale;
    }

    /** Speaks the supported language nearest to {@code wanted} (by language; English if none). */
    public static void use(Locale wanted) {
        locale = supported(wanted);
    }

    /** The supported language for {@code wanted}: same language code, else English. */
    public static Locale supported(Locale wanted) {
        if (wanted == null) return Locale.ENGLISH;
        for (Locale l : LANGUAGES) {
            if (l.getLanguage().equals(wanted.getLanguage())) return l;
        }
        return Locale.ENGLISH;
    }

    /** The bundle {@code baseName} (e.g. {@code dev.roundtrip.ui.shell.Texts}) in the language in use. */
    public static ResourceBundle bundle(String baseName) {
        return bundle(locale, baseName);
    }

    /** The bundle {@code baseName} in {@code language} (a text it lacks comes from the English one). */
    public static ResourceBundle bundle(Locale language, String baseName) {
        Locale l = supported(language);
        // kept here: ResourceBundle's own cache builds a key per lookup, a visible share of the engine's event loop (JFR)
        return LOADED.get(LANGUAGES.indexOf(l)).computeIfAbsent(baseName,
                b -> ResourceBundle.getBundle(b, l, Texts.class.getClassLoader(), NO_JVM_FALLBACK));
    }

    /** The bundles looked up so far, per language (in the order of {@link #LANGUAGES}); bundle files do not change while the app runs. */
    private static final List<java.util.Map<String, ResourceBundle>> LOADED =
            LANGUAGES.stream().<java.util.Map<String, ResourceBundle>>map(l -> new java.util.concurrent.ConcurrentHashMap<>()).toList();

    /** The pattern of {@code key} in {@code language}, unformatted (for texts formatted later, in another language too). */
    public static String pattern(Locale language, String baseName, String key) {
        return bundle(language, baseName).getString(key);
    }

    /**
     * A bundle's text by key, its {@code {0}}-style placeholders filled in for the language in use.
     * Every text is a {@link MessageFormat} pattern, also one without placeholders, so an apostrophe is
     * always written {@code ''} (French and others may use ’ instead) and plurals use
     * {@code {0,choice,0#reads|1#read|1<reads}}.
     */
    public static String get(String baseName, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(baseName).getString(key);
        } catch (MissingResourceException e) {
            throw new MissingResourceException("no text '" + key + "' in " + baseName.replace('.', '/') + ".properties", baseName, key);
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** The texts of one bundle: {@code private static final Texts.Bundle T = Texts.of("dev.roundtrip.cli.Texts");}. */
    public static Bundle of(String baseName) {
        return new Bundle(baseName);
    }

    /** One bundle, looked up in the language in use at each call (so a switch applies at once). */
    public static final class Bundle {
        private final String baseName;

        private Bundle(String baseName) {
            this.baseName = Objects.requireNonNull(baseName);
        }

        public String get(String key, Object... args) {
            return Texts.get(baseName, key, args);
        }

        public ResourceBundle resources() {
            return bundle(baseName);
        }

        public String baseName() {
            return baseName;
        }
    }
}
