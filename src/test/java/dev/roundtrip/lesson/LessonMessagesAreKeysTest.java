package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lesson validate} says every problem by message key: no call that reports a lesson's problem
 * (problems.at, whole, missing, requiredText, a LessonError, a condition that cannot be read) is given
 * an English sentence (a teacher in Spain would read it in English). Field names and keys are literals
 * without spaces, so a literal with two words separated by a space is a sentence.
 */
class LessonMessagesAreKeysTest {
    static final Pattern REPORTS = Pattern.compile("problems\\.(at|whole)\\(|\\.missing\\(|requiredText\\(|new LessonError\\(|new Unreadable\\(");
    static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final Pattern WORDS = Pattern.compile("[A-Za-z]+ [A-Za-z]+");

    static List<String> sentences(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    // a report's message may be on the line after the call
                    String statement = lines.get(i) + (i + 1 < lines.size() && !lines.get(i).strip().endsWith(";") ? lines.get(i + 1) : "");
                    if (REPORTS.matcher(lines.get(i)).find() && hasSentence(statement)) {
                        found.add(f.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        return found;
    }

    private static boolean hasSentence(String code) {
        java.util.regex.Matcher m = LITERAL.matcher(code);
        while (m.find()) if (WORDS.matcher(m.group(1)).find()) return true;
        return false;
    }

    @Test
    void noLessonProblemIsAnEnglishLiteral() throws IOException {
        assertThat(sentences(Path.of("src/main/java/dev/roundtrip/lesson")))
                .as("lesson problems written as English literals (say them with a Phrase key in lesson/Texts.properties)").isEmpty();
    }

    @Test
    void theScanFindsASentenceOnTheCallOrTheLineAfter(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Said.java"), String.join("\n",
                "class Said { void f() {",
                "  problems.at(node, \"steps\", Phrase.of(\"lesson.atLeastOneStep\"));",
                "  m.requiredText(\"title\", Phrase.of(\"lesson.expect.title\"));",
                "  problems.at(node, \"steps\",",
                "      \"expected at least one step\");",
                "  m.missing(\"goals\", \"a list of goals\");",
                "} }", ""));
        assertThat(sentences(dir)).extracting(s -> s.substring(0, s.indexOf(": "))).containsExactly("Said.java:4", "Said.java:6");
    }
}
