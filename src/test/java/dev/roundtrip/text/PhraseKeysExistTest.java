package dev.roundtrip.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every phrase key written in the code is in the bundle its first part names ({@code lesson.x} in
 * dev/roundtrip/lesson/Texts.properties): a key that is not there reads as the key itself on screen.
 */
class PhraseKeysExistTest {
    /** A key literal in a Phrase.of call, also either side of a ?: choosing between two. */
    static final Pattern CALL = Pattern.compile("Phrase\\.of\\(\\s*(?:[^\"()]*\\?\\s*)?\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9]+)+)\"(?:\\s*:\\s*\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9]+)+)\")?\\s*[,)]");

    static List<String> missing(Path sources, Path resources) throws IOException {
        Map<String, Properties> bundles = new HashMap<>();
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = CALL.matcher(lines.get(i));
                    while (m.find()) {
                        for (int g = 1; g <= 2; g++) {
                            String key = m.group(g);
                            if (key == null) continue;
                            Properties p = bundles.computeIfAbsent(key.substring(0, key.indexOf('.')), b -> load(resources.resolve(b + "/Texts.properties")));
                            if (!p.containsKey(key)) out.add(sources.relativize(f) + ":" + (i + 1) + ": " + key);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        if (!Files.exists(file)) return p;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }

    @Test
    void everyPhraseKeyInTheCodeIsInItsBundle() throws IOException {
        assertThat(missing(Path.of("src/main/java/dev/roundtrip"), Path.of("src/main/resources/dev/roundtrip")))
                .as("phrase keys without a text (add them to the bundle their first part names)").isEmpty();
    }

    @Test
    void theScanFindsAKeyInTheWrongBundle(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("src/lesson"));
        Files.createDirectories(dir.resolve("res/lesson"));
        Files.writeString(dir.resolve("res/lesson/Texts.properties"), "lesson.ok = fine\nlesson.other = also\n");
        Files.writeString(dir.resolve("src/lesson/Said.java"), String.join("\n",
                "class Said { void f() {",
                "  Phrase.of(\"lesson.ok\", 1); Phrase.of(b ? \"lesson.other\" : \"lesson.gone\");",
                "  Phrase.of(\"run.failed.x\");",
                "} }", ""));
        assertThat(missing(dir.resolve("src"), dir.resolve("res"))).containsExactly("lesson/Said.java:2: lesson.gone", "lesson/Said.java:3: run.failed.x");
    }
}
