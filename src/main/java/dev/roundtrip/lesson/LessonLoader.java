package dev.roundtrip.lesson;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads lesson files. A broken file never stops the others from loading: its errors are
 * collected, each with file, line and what was expected, and the sound lessons come back.
 */
public final class LessonLoader {
    public static final String SUFFIX = ".yaml";

    /** One file's text, named as the user will see it in errors. */
    public record Source(String name, String fileName, String text) {}

    private LessonLoader() {}

    /** Every {@code *.yaml} in a directory. */
    public static LessonSet loadDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new LessonSet(List.of(), List.of(new LessonError(dir.toString(), 0, 0, "", "not a directory of lessons")));
        }
        return loadFiles(List.of(dir));
    }

    /** The given files; a directory among them stands for its {@code *.yaml} files. */
    public static LessonSet loadFiles(List<Path> paths) {
        List<Source> sources = new ArrayList<>();
        List<LessonError> errors = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.list(p)) {
                    for (Path f : files.filter(x -> x.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) read(f, sources, errors);
                } catch (IOException e) {
                    errors.add(new LessonError(p.toString(), 0, 0, "", "cannot list: " + e.getMessage()));
                }
                continue;
            }
            read(p, sources, errors);
        }
        LessonSet parsed = load(sources);
        errors.addAll(parsed.errors());
        return new LessonSet(parsed.lessons(), errors);
    }

    private static void read(Path p, List<Source> sources, List<LessonError> errors) {
        String name = p.toString();
        if (!p.getFileName().toString().endsWith(SUFFIX)) {
            errors.add(new LessonError(name, 0, 0, "", "expected a lesson file ending in " + SUFFIX));
            return;
        }
        try {
            byte[] bytes = Files.readAllBytes(p);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            sources.add(new Source(name, p.getFileName().toString(), text));
        } catch (CharacterCodingException e) {
            errors.add(new LessonError(name, 0, 0, "", "not valid UTF-8 text; save the file as UTF-8"));
        } catch (IOException e) {
            errors.add(new LessonError(name, 0, 0, "", "cannot read: " + e.getMessage()));
        }
    }

    /** Parses sources, checks ids are unique and returns the sound lessons sorted by id. */
    public static LessonSet load(List<Source> sources) {
        List<Lesson> lessons = new ArrayList<>();
        List<LessonError> errors = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Source s : sources) {
            Problems problems = new Problems(s.name());
            LessonParser parser = new LessonParser(problems);
            Optional<Lesson> lesson = parse(s, problems, parser);
            if (lesson.isPresent()) {
                String id = lesson.get().id();
                if (seen.containsKey(id)) {
                    errors.add(new LessonError(s.name(), parser.idLine(), 1, "id",
                            "duplicate id '" + id + "': " + seen.get(id) + " already has it; every lesson needs its own id"));
                    continue;
                }
                seen.put(id, s.name());
                lessons.add(lesson.get());
            }
            errors.addAll(problems.errors());
        }
        lessons.sort(Comparator.comparing(Lesson::id));
        return new LessonSet(lessons, errors);
    }

    /** One lesson from text (tests, the UI's editor); {@code fileName} decides the expected id. */
    public static LessonSet loadText(String name, String fileName, String text) {
        return load(List.of(new Source(name, fileName, text)));
    }

    private static Optional<Lesson> parse(Source s, Problems problems, LessonParser parser) {
        String expectedId = s.fileName().endsWith(SUFFIX) ? s.fileName().substring(0, s.fileName().length() - SUFFIX.length()) : s.fileName();
        Node root;
        try (Reader r = new StringReader(s.text())) {
            root = yaml().compose(r);
        } catch (MarkedYAMLException e) {
            String context = e.getContext() == null ? "" : " " + e.getContext();
            problems.at(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), "",
                    "YAML syntax error: " + e.getProblem() + context + " (check indentation, colons and quotes)");
            return Optional.empty();
        } catch (YAMLException | IOException e) {
            problems.whole("YAML error: " + e.getMessage());
            return Optional.empty();
        }
        if (root == null) {
            problems.whole("the file is empty; expected a lesson with id, title, level, goals and steps");
            return Optional.empty();
        }
        return parser.parse(root, expectedId);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(1_000_000);
        return new Yaml(options);
    }
}
