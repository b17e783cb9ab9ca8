package dev.roundtrip.ui.shell;

import dev.roundtrip.files.AtomicFile;
import dev.roundtrip.files.RoundtripHome;
import dev.roundtrip.text.Texts;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The language the user chose in the View menu, kept in {@code <home>/settings.properties}
 * ({@code language = de}) so the next start speaks it; without a choice the app follows the system
 * locale. An unreadable or unknown entry counts as no choice (the system locale is a fine answer).
 */
public final class LanguageSetting {
    public static final String FILE_NAME = "settings.properties";
    static final String KEY = "language";

    private final Path file;

    public LanguageSetting(Path file) {
        this.file = file;
    }

    /** The user's settings file under the Roundtrip home. */
    public static LanguageSetting forUser() {
        return new LanguageSetting(RoundtripHome.dir().resolve(FILE_NAME));
    }

    /** The language to start in: the saved choice if it is one of {@link Texts#LANGUAGES}, else the system's. */
    public Locale startLanguage(Locale system) {
        return saved().orElse(Texts.supported(system));
    }

    /** The saved choice, if there is a valid one. */
    public Optional<Locale> saved() {
        Properties p = read();
        String tag = p.getProperty(KEY, "").trim();
        if (tag.isEmpty()) return Optional.empty();
        Locale wanted = Locale.forLanguageTag(tag);
        return Texts.LANGUAGES.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst();
    }

    /** Saves {@code language} as the choice, keeping any other setting in the file; atomic. */
    public void save(Locale language) throws IOException {
        Properties p = read();
        p.setProperty(KEY, language.toLanguageTag());
        AtomicFile.write(file, out -> p.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), "Roundtrip settings"));
    }

    private Properties read() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            // no choice yet
        } catch (IOException | IllegalArgumentException e) {
            // unreadable: as if there were no choice; the next save writes a good file
        }
        return p;
    }
}
