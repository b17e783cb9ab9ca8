package dev.roundtrip.lesson;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.roundtrip.text.Texts;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the lessons are: the directory named by the system property {@value #DIR_PROPERTY}, else
 * {@code ./lessons} when the app runs from the project, else the copies packed into the jar.
 */
public final class LessonLibrary {
    public static final String DIR_PROPERTY = "roundtrip.lessons";
    private static final String RESOURCE_DIR = "lessons";

    private LessonLibrary() {}

    /** The lessons directory on disk, when there is one. */
    public static Optional<Path> directory() {
        String override = System.getProperty(DIR_PROPERTY);
        if (override != null && !override.isBlank()) return Optional.of(Path.of(override));
        Path local = Path.of(RESOURCE_DIR);
        return Files.isDirectory(local) ? Optional.of(local) : Optional.empty();
    }

    /** Every lesson shipped (or in the chosen directory) in the language in use, with the errors of broken ones. */
    public static LessonSet load() {
        return load(Texts.locale());
    }

    /** Every lesson, its texts in {@code language} where translated (English per text elsewhere). */
    public static LessonSet load(Locale language) {
        return from(dir -> LessonLoader.loadDirectory(dir, language));
    }

    /** Every lesson in English, each checked with its translations into {@code languages}: what {@code lesson validate} reports. */
    public static LessonSet validate(Collection<Locale> languages) {
        return from(dir -> LessonLoader.loadFiles(List.of(dir), languages));
    }

    private static LessonSet from(Function<Path, LessonSet> load) {
        Optional<Path> dir = directory();
        if (dir.isPresent()) return load.apply(dir.get());
        URL url = LessonLibrary.class.getClassLoader().getResource(RESOURCE_DIR);
        if (url == null) {
            return new LessonSet(List.of(), List.of(new LessonError(RESOURCE_DIR, 0, 0, "",
                    dev.roundtrip.trace.Phrase.of("lesson.load.noLessons", DIR_PROPERTY))));
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return load.apply(fs.getPath("/" + RESOURCE_DIR));
            }
            return load.apply(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            return new LessonSet(List.of(), List.of(new LessonError(url.toString(), 0, 0, "", dev.roundtrip.trace.Phrase.of("lesson.load.cannotReadPacked", String.valueOf(e.getMessage())))));
        }
    }
}
