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
import dev.roundtrip.text.TextEncoding;
import dev.roundtrip.text.Units;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads lesson files. A broken file never stops the others from loading: its errors are
 * collected, each with file, line and what was expected, and the sound lessons come back.
 */
public final class LessonLoader {
    public static final String SUFFIX = ".yaml";
    /** Lesson files larger than this are refused before they are read: 32 MiB. */
    public static final long MAX_FILE_BYTES = 32L * 1024 * 1024;
    /**
     * Characters of one line: checked before SnakeYAML sees the text, whose scanner takes time that
     * grows with the square of the longest line.
     */
    public static final int MAX_LINE_LENGTH = 10_000;
    /** Characters of a whole lesson file (SnakeYAML's code point limit, checked first by us). */
    public static final int MAX_CHARACTERS = 1_000_000;
    /** Lists and mappings inside each other; a lesson needs 7. */
    public static final int MAX_NESTING = 30;
    /** Aliases ({@code *name}) to lists or mappings; a lesson needs none. */
    public static final int MAX_ALIASES = 20;

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
            long size = Files.size(p);
            if (size > MAX_FILE_BYTES) {
                errors.add(new LessonError(name, 0, 0, "", "the file is " + Units.bytes(size) + ", larger than the "
                        + Units.bytes(MAX_FILE_BYTES) + " limit for lesson files; refused without reading it"));
                return;
            }
            byte[] bytes = Files.readAllBytes(p);
            String utf16 = TextEncoding.utf16(bytes);
            if (utf16 != null) {
                errors.add(new LessonError(name, 0, 0, "", "the file is " + utf16 + " text; save it as UTF-8"));
                return;
            }
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
        if (!withinLimits(s.text(), problems)) return Optional.empty();
        Node root;
        try (Reader r = new StringReader(s.text())) {
            root = yaml().compose(r);
        } catch (MarkedYAMLException e) {
            String context = e.getContext() == null ? "" : " " + e.getContext();
            problems.at(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), "",
                    "YAML syntax error: " + e.getProblem() + context + " (check indentation, colons and quotes)");
            return Optional.empty();
        } catch (YAMLException | IOException e) {
            String why = String.valueOf(e.getMessage());
            if (why.startsWith("Nesting Depth exceeded")) {
                problems.at(deepest(s.text()), "", "lists and mappings are nested more than " + MAX_NESTING
                        + " levels deep; a lesson may nest at most " + MAX_NESTING + " (it needs 7)");
            } else if (why.startsWith("Number of aliases")) {
                problems.whole("more than " + MAX_ALIASES + " aliases (*name) to lists or mappings; a lesson may use at most "
                        + MAX_ALIASES + " (write the text out instead)");
            } else {
                problems.whole("YAML error: " + why);
            }
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
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(MAX_CHARACTERS + 1024); // our own count, made first, is the limit
        options.setNestingDepthLimit(MAX_NESTING);
        options.setAllowRecursiveKeys(false);
        return new Yaml(options);
    }

    /**
     * The limits SnakeYAML would find only after reading (or, for a long line, after a time that
     * grows with its square), checked in one linear pass over the text: each line's length and the
     * whole file's. The first one broken is reported at its place.
     */
    static boolean withinLimits(String text, Problems problems) {
        int line = 1;
        int column = 0; // code points on this line so far
        long total = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029) {
                if (c == '\r' && i < text.length() && text.charAt(i) == '\n') i++;
                line++;
                column = 0;
            } else if (++column > MAX_LINE_LENGTH) {
                long length = column;
                while (i < text.length() && !isBreak(text.charAt(i))) {
                    length++;
                    i += Character.charCount(text.codePointAt(i));
                }
                problems.at(new Mark("", 0, line - 1, MAX_LINE_LENGTH, new int[0], 0), "", "line " + line + " is "
                        + thousands(length) + " characters long; a lesson line may have at most " + thousands(MAX_LINE_LENGTH));
                return false;
            }
            if (++total > MAX_CHARACTERS) {
                problems.at(new Mark("", 0, line - 1, Math.max(0, column - 1), new int[0], 0), "", "the file has more than "
                        + thousands(MAX_CHARACTERS) + " characters (here the limit is passed); a lesson file may have at most "
                        + thousands(MAX_CHARACTERS));
                return false;
            }
        }
        return true;
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    private static String thousands(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** Where the nesting first goes deeper than the limit: a second pass over the parse events, on the error path only. */
    private static Mark deepest(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARACTERS + 1024);
        int depth = 0;
        try {
            for (Event e : new Yaml(options).parse(new StringReader(text))) {
                if (e instanceof CollectionStartEvent && ++depth > MAX_NESTING) return e.getStartMark();
                if (e instanceof CollectionEndEvent) depth--;
            }
        } catch (YAMLException ignored) {
            // a syntax error further on: the nesting is still the first problem, found without a place
        }
        return null;
    }
}
