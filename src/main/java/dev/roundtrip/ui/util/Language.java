package dev.roundtrip.ui.util;

import dev.roundtrip.text.Texts;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.Property;

/**
 * The language of the window, live: {@link Texts} says which one is in use, this class tells the
 * texts on screen when it changes. A text shown through {@link #bind} is recomputed from its bundle at
 * a switch, so the whole window is relabelled at once without rebuilding it (the session, the lesson
 * and its step stay as they are). Used on the FX thread only.
 */
public final class Language {
    private static final ReadOnlyObjectWrapper<Locale> LOCALE = new ReadOnlyObjectWrapper<>(Texts.locale());
    /** What each bound text is made from, so a key can be appended to a tooltip and still follow the language. */
    private static final Map<Property<String>, Supplier<String>> SOURCES = new WeakHashMap<>();

    private Language() {}

    /** The language in use; changes at a switch. */
    public static ReadOnlyObjectProperty<Locale> localeProperty() {
        return LOCALE.getReadOnlyProperty();
    }

    /** Speaks {@code wanted} (the nearest supported language) from now on; every bound text follows. */
    public static void use(Locale wanted) {
        Texts.use(wanted);
        LOCALE.set(Texts.locale());
        LOCALE.get(); // valid again: a property left invalid tells no one of the next switch
    }

    /**
     * Shows {@code text} in {@code p} now and again after every switch (replacing what {@code p} was
     * bound to). The binding listens weakly: a control that is thrown away is not kept alive by it.
     */
    public static void bind(Property<String> p, Supplier<String> text) {
        if (p.isBound()) p.unbind();
        SOURCES.put(p, text);
        p.bind(Bindings.createStringBinding(text::get, LOCALE));
    }

    /** A bundle's text by key, shown in {@code p} in the language in use (see {@link #bind}). */
    public static void bind(Property<String> p, Texts.Bundle bundle, String key, Object... args) {
        bind(p, () -> bundle.get(key, args));
    }

    /** What {@code p} was bound to with {@link #bind}; else its current text, which stays as it is. */
    public static Supplier<String> source(Property<String> p) {
        Supplier<String> s = SOURCES.get(p);
        if (s != null) return s;
        String now = p.getValue();
        return () -> now;
    }
}
