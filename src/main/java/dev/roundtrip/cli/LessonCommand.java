package dev.roundtrip.cli;

import dev.roundtrip.lab.Lab;
import dev.roundtrip.lesson.Lesson;
import dev.roundtrip.lesson.LessonDryRun;
import dev.roundtrip.lesson.LessonError;
import dev.roundtrip.lesson.LessonLibrary;
import dev.roundtrip.lesson.LessonLoader;
import dev.roundtrip.lesson.LessonResults;
import dev.roundtrip.lesson.LessonRunner;
import dev.roundtrip.lesson.LessonSet;
import dev.roundtrip.text.Texts;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lesson}: list, validate and rehearse the classroom lessons ({@code lessons/*.yaml}). */
@Command(name = "lesson", mixinStandardHelpOptions = true,
        subcommands = {LessonCommand.ListLessons.class, LessonCommand.Validate.class, LessonCommand.Run.class})
public final class LessonCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exit code when lessons have errors or a rehearsal found problems. */
    static final int PROBLEMS = 1;
    /** Exit code when the lesson asked for does not exist. */
    static final int NOT_FOUND = 2;

    static LessonSet load(Path dir, Locale language) {
        return dir != null ? LessonLoader.loadDirectory(dir, language) : LessonLibrary.load(language);
    }

    /** {@code --lang de}: the language of a lesson's texts (lessons/de/ translates them); the language in use by default. */
    static final class Language {
        @Option(names = "--lang", paramLabel = "LANG", descriptionKey = "lesson.lang", converter = LanguageConverter.class)
        Locale language;

        Locale orInUse() {
            return language != null ? language : Texts.locale();
        }
    }

    static final class LanguageConverter implements picocli.CommandLine.ITypeConverter<Locale> {
        @Override
        public Locale convert(String value) {
            Locale l = Locale.forLanguageTag(value.replace('_', '-'));
            if (l.getLanguage().isEmpty() || !Texts.supported(l).getLanguage().equals(l.getLanguage())) {
                throw new picocli.CommandLine.TypeConversionException(CliTexts.T.get("lesson.badLanguage", value,
                        String.join(", ", Texts.LANGUAGES.stream().map(Locale::getLanguage).toList())));
            }
            return Texts.supported(l);
        }
    }

    static void printErrors(PrintWriter err, List<LessonError> errors) {
        for (LessonError e : errors) err.println(e.inUse());
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListLessons implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", paramLabel = "DIR")
        Path dir;

        @picocli.CommandLine.Mixin
        Language lang = new Language();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            LessonSet set = load(dir, lang.orInUse());
            for (Lesson l : set.lessons()) {
                out.printf("%-30s %-12s %2d %s  %s%n", l.id(), l.level().wireName(), l.steps().size(), CliTexts.T.get("lesson.steps", l.steps().size()), l.title());
            }
            if (set.hasErrors()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(CliTexts.T.get("lesson.keptOut", set.errors().size()));
                printErrors(err, set.errors());
                return PROBLEMS;
            }
            return 0;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true)
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "0..*", descriptionKey = "file")
        List<Path> files = new ArrayList<>();

        @Option(names = "--lang", paramLabel = "LANG", descriptionKey = "lesson.validate.lang", converter = LanguageConverter.class)
        Locale language;

        @Override
        public Integer call() {
            List<Locale> languages = language == null ? Texts.LANGUAGES : List.of(language);
            LessonSet set = files.isEmpty() ? LessonLibrary.validate(languages) : LessonLoader.loadFiles(files, languages);
            PrintWriter out = spec.commandLine().getOut();
            printErrors(spec.commandLine().getErr(), set.errors());
            out.println(CliTexts.T.get("lesson.validated", set.lessons().size(), set.errors().size()));
            return set.hasErrors() ? PROBLEMS : 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true)
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "id")
        String id;

        @Option(names = "--dir", paramLabel = "DIR")
        Path dir;

        @Option(names = "--report", paramLabel = "FILE")
        Path reportFile;

        @picocli.CommandLine.Mixin
        Language lang = new Language();

        @Override
        public Integer call() throws Exception {
            // a teacher types the file's path as often as its id: lessons/16-https.yaml names lesson 16-https in lessons/
            Path file = Path.of(id);
            if (dir == null && id.endsWith(LessonLoader.SUFFIX) && java.nio.file.Files.isRegularFile(file)) {
                dir = file.toAbsolutePath().getParent();
                id = file.getFileName().toString().substring(0, file.getFileName().toString().length() - LessonLoader.SUFFIX.length());
            }
            LessonSet set = load(dir, lang.orInUse());
            Optional<Lesson> lesson = set.find(id);
            if (lesson.isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                boolean broken = set.errors().stream().anyMatch(e -> Path.of(e.file()).getFileName().toString().equals(id + LessonLoader.SUFFIX));
                if (broken) {
                    err.println(CliTexts.T.get("lesson.hasErrors", id));
                    printErrors(err, set.errors().stream().filter(e -> Path.of(e.file()).getFileName().toString().equals(id + LessonLoader.SUFFIX)).toList());
                    return PROBLEMS;
                }
                err.println(CliTexts.T.get("lesson.unknown", id, String.join(", ", set.lessons().stream().map(Lesson::id).toList())));
                return NOT_FOUND;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.flush();
            PrintStream ps = new PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8);
            Locale before = Texts.locale();
            Texts.use(lang.orInUse()); // the rehearsal's own lines in the language of the lesson's texts, not English around German narration
            try (Lab lab = Lab.start()) {
                LessonDryRun.Report report = LessonDryRun.run(lesson.get(), new LessonRunner(lab), ps);
                ps.flush();
                if (reportFile != null) {
                    try {
                        LessonResults.write(reportFile, lesson.get(), report.results());
                        out.println(CliTexts.T.get("lesson.resultsWritten", reportFile.toString()));
                    } catch (java.io.IOException e) {
                        spec.commandLine().getErr().println(CliTexts.T.get("lesson.resultsFailed", reportFile.toString(), String.valueOf(e.getMessage())));
                        return PROBLEMS;
                    }
                }
                return report.ok() ? 0 : PROBLEMS;
            } finally {
                Texts.use(before);
            }
        }
    }

    /** Lets the dry run print to picocli's writer (so tests can capture it). */
    private static final class WriterStream extends java.io.OutputStream {
        private final PrintWriter out;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterStream(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') flush();
        }

        @Override
        public void flush() {
            out.print(line.toString(StandardCharsets.UTF_8));
            out.flush();
            line.reset();
        }
    }
}
