package dev.roundtrip.lesson;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import dev.roundtrip.text.TextEncoding;
import dev.roundtrip.text.Texts;
import dev.roundtrip.trace.Phrase;
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

    /** Every {@code *.yaml} in a directory, in the language in use ({@link Texts#locale()}). */
    public static LessonSet loadDirectory(Path dir) {
        return loadDirectory(dir, Texts.locale());
    }

    /**
     * Every {@code *.yaml} in a directory, its texts in {@code language} where {@code dir/<language>/}
     * translates them (English per text elsewhere); the translations' problems are among the errors.
     */
    public static LessonSet loadDirectory(Path dir, Locale language) {
        if (!Files.isDirectory(dir)) {
            return new LessonSet(List.of(), List.of(new LessonError(dir.toString(), 0, 0, "", Phrase.of("lesson.load.notADirectory"))));
        }
        Found found = new Found(translatedInto(List.of(language)));
        found.collect(dir);
        return found.build(language);
    }

    /**
     * The given files, in English, each checked with its translations into every language (a
     * validation); a directory among them stands for its {@code *.yaml} files and its language folders.
     */
    public static LessonSet loadFiles(List<Path> paths) {
        return loadFiles(paths, Texts.LANGUAGES);
    }

    /** As {@link #loadFiles(List)}, checking the translations into {@code languages} only. */
    public static LessonSet loadFiles(List<Path> paths, Collection<Locale> languages) {
        Found found = new Found(translatedInto(languages));
        for (Path p : paths) found.collect(p);
        return found.build(Locale.ENGLISH);
    }

    /** The languages lessons are translated into, of those given (English is the lessons' own). */
    private static List<Locale> translatedInto(Collection<Locale> languages) {
        return languages.stream().map(Texts::supported).filter(l -> !l.equals(Locale.ENGLISH)).distinct().toList();
    }

    /** The language a folder of translations is named after ({@code de}, {@code fr}, {@code es}), if it is one. */
    static Optional<Locale> translationFolder(Path dir) {
        if (dir == null || dir.getFileName() == null) return Optional.empty();
        String name = dir.getFileName().toString().replace("/", "");
        return Texts.LANGUAGES.stream().filter(l -> !l.equals(Locale.ENGLISH) && l.getLanguage().equals(name)).findFirst();
    }

    /** A file's name in messages: as given, or inside the jar from its root ({@code lessons/01-the-dance.yaml}). */
    static String name(Path p) {
        String s = p.toString();
        return p.getFileSystem().equals(FileSystems.getDefault()) || !s.startsWith("/") ? s : s.substring(1);
    }

    /** Lesson files and their translations, read (each once), then parsed and merged. */
    private static final class Found {
        private final List<Locale> languages;
        private final Map<String, Source> lessons = new LinkedHashMap<>();
        /** Per language, the translations by the name of the English file they translate. */
        private final Map<Locale, Map<String, Source>> translations = new LinkedHashMap<>();
        private final List<LessonError> errors = new ArrayList<>();

        Found(List<Locale> languages) {
            this.languages = languages;
        }

        void collect(Path p) {
            if (Files.isDirectory(p)) {
                Optional<Locale> folder = translationFolder(p);
                if (folder.isPresent()) {
                    for (Path f : yamlFiles(p)) translation(f, folder.get());
                    return;
                }
                for (Path f : yamlFiles(p)) lesson(f);
                for (Locale l : languages) {
                    Path sub = p.resolve(l.getLanguage());
                    if (Files.isDirectory(sub)) for (Path f : yamlFiles(sub)) translation(f, l);
                }
                return;
            }
            Optional<Locale> folder = translationFolder(p.toAbsolutePath().getParent());
            if (folder.isPresent()) {
                translation(p, folder.get());
                return;
            }
            lesson(p);
            for (Locale l : languages) {
                Path beside = p.resolveSibling(l.getLanguage()).resolve(p.getFileName().toString());
                if (Files.isRegularFile(beside)) translation(beside, l);
            }
        }

        private List<Path> yamlFiles(Path dir) {
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(x -> x.getFileName().toString().endsWith(SUFFIX) && !Files.isDirectory(x)).sorted().toList();
            } catch (IOException e) {
                errors.add(new LessonError(name(dir), 0, 0, "", Phrase.of("lesson.load.cannotList", String.valueOf(e.getMessage()))));
                return List.of();
            }
        }

        private void lesson(Path f) {
            if (!lessons.containsKey(name(f))) read(f).ifPresent(s -> lessons.put(s.name(), s));
        }

        /** A translation, and the English lesson it translates (read too, so it can be compared). */
        private void translation(Path f, Locale language) {
            Path lessons = f.getParent() != null && f.getParent().getParent() != null ? f.getParent().getParent()
                    : f.toAbsolutePath().getParent().getParent();
            Path english = lessons.resolve(f.getFileName().toString());
            if (!Files.isRegularFile(english)) {
                errors.add(new LessonError(name(f), 0, 0, "", Phrase.of("lesson.load.noEnglish", name(english))));
                return;
            }
            Optional<Source> t = read(f);
            if (t.isEmpty()) {
                errors.add(new LessonError(name(f), 0, 0, "", Phrase.of("lesson.load.translationUnreadable")));
                return;
            }
            lesson(english);
            translations.computeIfAbsent(language, k -> new LinkedHashMap<>()).put(name(english), t.get());
        }

        private Optional<Source> read(Path f) {
            List<Source> one = new ArrayList<>();
            LessonLoader.read(f, one, errors);
            return one.stream().findFirst();
        }

        /** The sound lessons, in {@code shown} where translated; every error, the translations' included. */
        LessonSet build(Locale shown) {
            LessonSet english = load(new ArrayList<>(lessons.values()));
            List<LessonError> all = new ArrayList<>(errors);
            all.addAll(english.errors());
            List<Lesson> out = new ArrayList<>();
            for (Lesson l : english.lessons()) {
                Lesson show = l;
                for (Map.Entry<Locale, Map<String, Source>> t : translations.entrySet()) {
                    Source translation = t.getValue().get(l.source());
                    if (translation == null) continue;
                    LessonTranslation.Result r = LessonTranslation.apply(lessons.get(l.source()), l, translation, t.getKey());
                    all.addAll(r.errors());
                    if (t.getKey().equals(shown)) show = r.lesson();
                }
                out.add(show);
            }
            return new LessonSet(out, all);
        }
    }

    private static void read(Path p, List<Source> sources, List<LessonError> errors) {
        String name = name(p);
        if (!p.getFileName().toString().endsWith(SUFFIX)) {
            errors.add(new LessonError(name, 0, 0, "", Phrase.of("lesson.load.notYaml", SUFFIX)));
            return;
        }
        try {
            long size = Files.size(p);
            if (size > MAX_FILE_BYTES) {
                errors.add(new LessonError(name, 0, 0, "", Phrase.of("lesson.load.tooLarge", Phrase.size(size), Phrase.size(MAX_FILE_BYTES))));
                return;
            }
            byte[] bytes = Files.readAllBytes(p);
            String utf16 = TextEncoding.utf16(bytes);
            if (utf16 != null) {
                errors.add(new LessonError(name, 0, 0, "", Phrase.of("lesson.load.utf16", utf16)));
                return;
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            sources.add(new Source(name, p.getFileName().toString(), text));
        } catch (CharacterCodingException e) {
            errors.add(new LessonError(name, 0, 0, "", Phrase.of("lesson.load.notUtf8")));
        } catch (IOException e) {
            errors.add(new LessonError(name, 0, 0, "", Phrase.of("lesson.load.cannotRead", String.valueOf(e.getMessage()))));
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
                            Phrase.of("lesson.load.duplicateId", id, seen.get(id))));
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
        Optional<Node> root = compose(s, problems, Phrase.of("lesson.load.expectedLesson"));
        return root.flatMap(r -> parser.parse(r, expectedId(s)));
    }

    static String expectedId(Source s) {
        return s.fileName().endsWith(SUFFIX) ? s.fileName().substring(0, s.fileName().length() - SUFFIX.length()) : s.fileName();
    }

    /** The YAML node tree of a file within the limits, or empty with the problem reported; {@code expected} says what an empty file lacks. */
    static Optional<Node> compose(Source s, Problems problems, Phrase expected) {
        if (!withinLimits(s.text(), problems)) return Optional.empty();
        Node root;
        try (Reader r = new StringReader(s.text())) {
            root = yaml().compose(r);
        } catch (MarkedYAMLException e) {
            String context = e.getContext() == null ? "" : " " + e.getContext();
            problems.at(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), "",
                    Phrase.of("lesson.load.syntax", e.getProblem() + context));
            return Optional.empty();
        } catch (YAMLException | IOException e) {
            String why = String.valueOf(e.getMessage());
            if (why.startsWith("Nesting Depth exceeded")) {
                problems.at(deepest(s.text()), "", Phrase.of("lesson.load.tooDeep", MAX_NESTING));
            } else if (why.startsWith("Number of aliases")) {
                problems.whole(Phrase.of("lesson.load.tooManyAliases", MAX_ALIASES));
            } else {
                problems.whole(Phrase.of("lesson.load.yamlError", why));
            }
            return Optional.empty();
        }
        if (root == null) {
            problems.whole(Phrase.of("lesson.load.emptyFile", expected));
            return Optional.empty();
        }
        return Optional.of(root);
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
                problems.at(new Mark("", 0, line - 1, MAX_LINE_LENGTH, new int[0], 0), "", Phrase.of("lesson.load.longLine", line, length, MAX_LINE_LENGTH));
                return false;
            }
            if (++total > MAX_CHARACTERS) {
                problems.at(new Mark("", 0, line - 1, Math.max(0, column - 1), new int[0], 0), "", Phrase.of("lesson.load.tooManyCharacters", MAX_CHARACTERS));
                return false;
            }
        }
        return true;
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
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
