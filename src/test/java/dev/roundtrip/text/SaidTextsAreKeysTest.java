package dev.roundtrip.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the engine and the lessons say reaches people through phrases ({@code Phrase.of(key, args)}),
 * which the type system keeps (a readout's reason, a lost connection, a refused address take a Phrase).
 * Two ways around it are closed here: an English sentence handed to a phrase as its argument (a
 * {@code *.asWritten} phrase is for a socket's or the JDK's own words, never ours; a refused request's
 * {@code Problem.of(status, key, ...)} the same), and the texts that
 * are still plain strings: a session's name ({@code new ReplayPort}), a step's report ({@code new StepRun}) and an exchange's
 * end given as English ({@code new ExchangeEnded(..., "the client left")}, kept for HAR imports and old recordings).
 */
class SaidTextsAreKeysTest {
    static final Pattern PHRASE = Pattern.compile("(?:Phrase\\.of\\(|\\.said\\(|Problem\\.of\\(\\s*\\d+\\s*,)\\s*\"[a-z][\\w.]*\"");
    static final Pattern PLAIN_TEXT = Pattern.compile("new (?:ReplayPort|StepRun|ExchangeEnded)\\(");
    /** A string literal given as an argument (after a comma), not one inside a nested call's own arguments. */
    static final Pattern ARGUMENT_LITERAL = Pattern.compile(",\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final Pattern WORDS = Pattern.compile("[A-Za-z]+ [A-Za-z]+");

    static List<String> sentences(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    Matcher call = PHRASE.matcher(line);
                    boolean phrase = call.find();
                    Matcher plain = PLAIN_TEXT.matcher(line);
                    if (!phrase && !plain.find()) continue;
                    // the call's arguments, on this line and the next when the statement goes on
                    String from = line.substring(phrase ? call.end() : plain.end());
                    String args = from + (i + 1 < lines.size() && !line.strip().endsWith(";") ? lines.get(i + 1) : "");
                    Matcher m = ARGUMENT_LITERAL.matcher(phrase ? args : "," + args);
                    while (m.find()) {
                        if (WORDS.matcher(m.group(1)).find()) {
                            found.add(root.relativize(f) + ":" + (i + 1) + ": " + line.strip());
                            break;
                        }
                    }
                }
            }
        }
        return found;
    }

    @Test
    void noPhraseArgumentSessionNameOrStepReportIsAnEnglishSentence() throws IOException {
        assertThat(sentences(Path.of("src/main/java/dev/roundtrip")))
                .as("English sentences where a phrase key belongs (give the sentence a key in its package's Texts.properties)").isEmpty();
    }

    @Test
    void theScanFindsASentenceAsAnArgumentOrAPlainText(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Said.java"), String.join("\n",
                "class Said { void f() {",
                "  Phrase.of(\"lesson.why.notSent\"); Phrase.of(\"server.asWritten\", cause.getMessage());",
                "  ReadoutValue.unavailable(name, Phrase.of(\"lesson.asWritten\", \"the step did not run\"));",
                "  b.said(\"client.writeFailed\", describe(\"a b\"), 3);",
                "  new ReplayPort(recording, T.get(\"session.empty\"));",
                "  new ReplayPort(recording, \"an empty session\");",
                "  new StepRun(s, Phrase.of(\"lesson.run.failed\", e.said()),",
                "      none, readings);",
                "  new StepRun(s,",
                "      \"the action failed: \" + m, null, none);",
                "  return Problem.of(400, \"server.problem.codec\", why); return Problem.of(400, \"server.problem.codec\", \"no colon found\");",
                "  t.publish(new ExchangeEnded(x.id, now, Outcome.CANCELLED, null, Phrase.of(\"capture.end.clientLeft\")));",
                "  t.publish(new ExchangeEnded(x.id, now, Outcome.CANCELLED, null,",
                "      \"the client left before the answer was complete\"));",
                "} }", ""));
        assertThat(sentences(dir)).extracting(s -> s.substring(0, s.indexOf(": ")))
                .containsExactly("Said.java:3", "Said.java:6", "Said.java:9", "Said.java:11", "Said.java:13");
    }
}
