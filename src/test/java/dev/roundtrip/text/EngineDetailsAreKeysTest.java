package dev.roundtrip.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine says what happens by message key, never in English it builds itself: no event detail of
 * the server, the client or the capture proxy is a string literal (a teacher in Germany would read it in
 * English). A detail that must stay as written (a socket's own error words) goes in as an argument.
 */
class EngineDetailsAreKeysTest {
    /** A detail that is a literal, or is built by joining literals to values ({@code .detail(host + ": " + why)}). */
    static final Pattern LITERAL_DETAIL = Pattern.compile("\\.detail\\((?:\\s*\"|[^;]*\\+\\s*\"|[^;]*\"\\s*\\+)");

    static List<String> literalDetails(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (LITERAL_DETAIL.matcher(lines.get(i)).find()) found.add(root.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        return found;
    }

    @Test
    void noEngineEventDetailIsAnEnglishLiteral() throws IOException {
        List<String> found = new ArrayList<>();
        for (String pkg : List.of("server", "client", "capture")) found.addAll(literalDetails(Path.of("src/main/java/dev/roundtrip", pkg)));
        assertThat(found).as("event details written as English literals (say them with a Phrase key instead)").isEmpty();
    }

    @Test
    void theScanFindsALiteralDetail(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Said.java"), String.join("\n",
                "class Said { void f() { b.said(\"server.ok\"); b.detail(\"socket read\"); }",
                "  void g() { b.detail(Phrase.of(\"capture.broke.send\", host, why, n)); b.detail(why); }",
                "  void h() { b.detail(host + \": \" + why).build(); }",
                "  void i() { b.detail(\"refused: \" + why).build(); }",
                "}", ""));
        assertThat(literalDetails(dir)).extracting(s -> s.substring(0, s.indexOf(": "))).containsExactly("Said.java:1", "Said.java:3", "Said.java:4");
    }
}
