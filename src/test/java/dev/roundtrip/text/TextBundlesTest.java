package dev.roundtrip.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text bundle under src/main/resources is complete in every language: same keys, same
 * placeholders, each a valid MessageFormat pattern without a lone apostrophe (which MessageFormat
 * would swallow together with the text after it). {@code Help*.properties} are picocli's usage help:
 * not MessageFormat, their placeholders are {@code ${DEFAULT-VALUE}}-style variables. A key a text names
 * ("press Send (Ctrl+Enter)") is spelled as the menus of that language show it ("Strg+Eingabe").
 */
class TextBundlesTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    private static final Pattern PICOCLI_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    @Test
    void everyBundleIsCompleteInEveryLanguage() throws IOException {
        List<Path> bases = bases();
        assertThat(bases).as("text bundles under " + RESOURCES).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Path base : bases) problems.addAll(problems(base));
        assertThat(problems).as("problems in the text bundles").isEmpty();
    }

    @Test
    void theCheckFindsAMissingKeyAChangedPlaceholderAndALoneApostrophe(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path base = dir.resolve("Texts.properties");
        Files.writeString(base, "a = One {0}\nb = Two\nc = It''s\n");
        Files.writeString(dir.resolve("Texts_de.properties"), "a = Eins\nc = Es ist (Ctrl+S)\n");
        Files.writeString(dir.resolve("Texts_fr.properties"), "a = Un {0}\nb = Deux\nc = C'est\n");
        Files.writeString(dir.resolve("Texts_es.properties"), "a = Uno {0}\nb = Dos\nc = Es\nd = extra\n");
        assertThat(problems(base)).containsExactlyInAnyOrder(
                "Texts_de.properties:1: 'a' has placeholders [] but Texts.properties:1 has [0]",
                "Texts_de.properties lacks 'b' (Texts.properties:2)",
                "Texts_de.properties:2: 'c' names the key Ctrl where the menus say Strg",
                "Texts_fr.properties:3: 'c' has a lone apostrophe (write '' or ’)",
                "Texts_es.properties:4: 'd' is not in Texts.properties");
    }

    static List<Path> bases() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(p -> p.toString().endsWith(".properties"))
                    .filter(p -> !p.getFileName().toString().matches(".*_[a-z]{2}\\.properties"))
                    .sorted().collect(Collectors.toList());
        }
    }

    static List<String> problems(Path base) throws IOException {
        List<String> problems = new ArrayList<>();
        String baseFile = base.getFileName().toString();
        Map<String, Entry> english = read(base);
        boolean picocli = baseFile.startsWith("Help");
        Pattern placeholder = picocli ? PICOCLI_VARIABLE : PLACEHOLDER;
        if (!picocli) problems.addAll(patternProblems(baseFile, english));
        for (Locale l : Texts.LANGUAGES) {
            if (l.equals(Locale.ENGLISH)) continue;
            String name = baseFile.replace(".properties", "_" + l.getLanguage() + ".properties");
            Path file = base.resolveSibling(name);
            if (!Files.exists(file)) {
                problems.add(name + " is missing beside " + baseFile);
                continue;
            }
            Map<String, Entry> translated = read(file);
            if (!picocli) problems.addAll(patternProblems(name, translated));
            problems.addAll(keyNameProblems(name, translated, l));
            for (Map.Entry<String, Entry> e : english.entrySet()) {
                Entry t = translated.get(e.getKey());
                if (t == null) {
                    problems.add(name + " lacks '" + e.getKey() + "' (" + baseFile + ":" + e.getValue().line + ")");
                } else if (!placeholders(t.value, placeholder).equals(placeholders(e.getValue().value, placeholder))) {
                    problems.add(name + ":" + t.line + ": '" + e.getKey() + "' has placeholders " + placeholders(t.value, placeholder)
                            + " but " + baseFile + ":" + e.getValue().line + " has " + placeholders(e.getValue().value, placeholder));
                }
            }
            for (Map.Entry<String, Entry> t : translated.entrySet()) {
                if (!english.containsKey(t.getKey())) {
                    problems.add(name + ":" + t.getValue().line + ": '" + t.getKey() + "' is not in " + baseFile);
                }
            }
        }
        return problems;
    }

    private static List<String> patternProblems(String file, Map<String, Entry> texts) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Entry> e : texts.entrySet()) {
            String where = file + ":" + e.getValue().line + ": '" + e.getKey() + "'";
            String v = e.getValue().value;
            if (v.isBlank()) problems.add(where + " is empty");
            if (v.replace("''", "").contains("'")) {
                problems.add(where + " has a lone apostrophe (write '' or ’)");
                continue;
            }
            try {
                new MessageFormat(v);
            } catch (IllegalArgumentException ex) {
                problems.add(where + " is not a valid MessageFormat pattern: " + ex.getMessage());
            }
        }
        return problems;
    }

    /** Texts that name a key with the English word where the language's menus say another ("Ctrl+" in German). */
    private static List<String> keyNameProblems(String file, Map<String, Entry> texts, Locale l) throws IOException {
        Path shell = RESOURCES.resolve("dev/roundtrip/ui/shell");
        Map<String, Entry> english = read(shell.resolve("Texts.properties"));
        Map<String, Entry> own = read(shell.resolve("Texts_" + l.getLanguage() + ".properties"));
        List<String> problems = new ArrayList<>();
        for (String key : List.of("ctrl", "shift", "alt", "enter")) {
            String word = english.get("keyname." + key).value, said = own.get("keyname." + key).value;
            if (word.equals(said)) continue;
            Pattern named = Pattern.compile(key.equals("enter") ? "\\+" + word + "\\b" : "\\b" + word + "\\+");
            for (Map.Entry<String, Entry> e : texts.entrySet()) {
                if (!e.getKey().startsWith("keyname.") && named.matcher(e.getValue().value).find()) {
                    problems.add(file + ":" + e.getValue().line + ": '" + e.getKey() + "' names the key " + word + " where the menus say " + said);
                }
            }
        }
        return problems;
    }

    private static TreeSet<String> placeholders(String v, Pattern placeholder) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = placeholder.matcher(v);
        while (m.find()) found.add(m.group(1));
        return found;
    }

    private record Entry(String value, int line) {}

    /** The texts with the line each key is on (Properties alone forgets lines). */
    private static Map<String, Entry> read(Path file) throws IOException {
        Properties all = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            all.load(in);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, Entry> texts = new LinkedHashMap<>();
        Pattern keyAt = Pattern.compile("^\\s*([^#!=:\\s][^=:\\s]*)\\s*[=:\\s]");
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = keyAt.matcher(lines.get(i));
            boolean continued = i > 0 && lines.get(i - 1).endsWith("\\");
            if (!continued && m.find() && all.containsKey(m.group(1))) {
                texts.putIfAbsent(m.group(1), new Entry(all.getProperty(m.group(1)), i + 1));
            }
        }
        return texts;
    }
}
