package dev.roundtrip.lesson;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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

    /** Every lesson shipped (or in the chosen directory), with the errors of broken ones. */
    public static LessonSet load() {
        Optional<Path> dir = directory();
        if (dir.isPresent()) return LessonLoader.loadDirectory(dir.get());
        return fromClasspath();
    }

    private static LessonSet fromClasspath() {
        URL url = LessonLibrary.class.getClassLoader().getResource(RESOURCE_DIR);
        if (url == null) {
            return new LessonSet(List.of(), List.of(new LessonError(RESOURCE_DIR, 0, 0, "",
                    "no lessons found: run from the project directory or set -D" + DIR_PROPERTY + "=DIR")));
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
                return fromPath(fs.getPath("/" + RESOURCE_DIR));
            }
            return fromPath(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            return new LessonSet(List.of(), List.of(new LessonError(url.toString(), 0, 0, "", "cannot read the packed lessons: " + e.getMessage())));
        }
    }

    private static LessonSet fromPath(Path dir) throws IOException {
        List<LessonLoader.Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(LessonLoader.SUFFIX)).sorted().toList()) {
                String name = p.getFileName().toString();
                sources.add(new LessonLoader.Source(RESOURCE_DIR + "/" + name, name, Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        return LessonLoader.load(sources);
    }
}
