package dev.roundtrip.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.ui.diagram.SequenceDiagram;
import dev.roundtrip.ui.diagram.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No theme tells a state by colour alone. Every state a style sheet gives its own look (a class added
 * to another, {@code .step.error}, {@code .label.severity-ok}, or a pseudo-class, {@code :selected})
 * either has a look beyond colour in some rule for the same kind of thing (a width, a dash, weight,
 * opacity, a frame), or is one the code marks with an icon and words.
 */
class ColourAloneTest {
    private static final Path UI = Path.of("src/main/resources/dev/roundtrip/ui");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)\\}");
    private static final Pattern STATE = Pattern.compile("\\.([\\w-]+)((?:\\.[\\w-]+|:[\\w-]+)+)");
    /** What only paints: a state whose every rule sets only these is told by colour alone. */
    private static final Set<String> COLOUR_ONLY = Set.of("-fx-fill", "-fx-background-color", "-fx-text-fill", "-fx-stroke",
            "-fx-icon-color", "-fx-border-color", "-fx-effect", "-fx-background-radius");

    /** States the code marks beyond colour, each with why (and checked in the test below or where named). */
    private static final Map<String, String> MARKED_IN_CODE = Map.of(
            "severity-", "an icon and a word per outcome (checked below)",
            "feedback-", "an icon per verdict and its words (LessonKeyboardFxTest reads them back)",
            "level-", "the level's word is the label's text",
            "notice-", "an icon and the notice's words",
            "hover", "a pointer state; the button's words and icon stay",
            "focused", "the keyboard focus (Focus.css): a solid halo round the control, a shape whatever its hue; choices and tabs underlined",
            "selected", "the theme's selection bar, which a screen reader reports as selected; the rule keeps its words legible on it",
            "stream-c", "an HTTP/2 stream's id is written in its lane and on each of its arrows (\"HEADERS s3\", FrameLanes)");

    @Test
    void everyStyledStateHasALookBeyondColourOrIsMarkedWithIconAndWords() throws IOException {
        Map<String, Boolean> shaped = new LinkedHashMap<>(); // state -> some rule of it does more than paint
        for (Path css : sheets()) {
            String text = Files.readString(css).replaceAll("(?s)/\\*.*?\\*/", "");
            Matcher r = RULE.matcher(text);
            while (r.find()) {
                boolean beyondColour = Arrays.stream(r.group(2).split(";")).map(d -> d.split(":")[0].trim())
                        .anyMatch(p -> !p.isEmpty() && !COLOUR_ONLY.contains(p));
                for (String selector : r.group(1).split(",")) {
                    Matcher s = STATE.matcher(selector.trim());
                    while (s.find()) {
                        for (String state : s.group(2).split("(?=[.:])")) {
                            if (state.isEmpty()) continue;
                            // a state of one kind of thing: .step.current, .waterfall-bar.current
                            shaped.merge("." + s.group(1) + " " + state, beyondColour, Boolean::logicalOr);
                        }
                    }
                }
            }
        }
        assertThat(shaped).as("states found in the style sheets").isNotEmpty();
        List<String> byColourAlone = new ArrayList<>();
        shaped.forEach((key, beyond) -> {
            String state = key.substring(key.indexOf(' ') + 2);
            boolean marked = MARKED_IN_CODE.keySet().stream().anyMatch(state::startsWith);
            if (!beyond && !marked) byColourAlone.add(key);
        });
        assertThat(byColourAlone).as("states told by colour alone (give them a width, dash, weight or frame, or an icon and words)").isEmpty();
    }

    @Test
    void theCheckFindsAStateThatOnlyPaints() {
        String css = ".step.error .arrow-line { -fx-stroke: red; }";
        Matcher r = RULE.matcher(css);
        assertThat(r.find()).isTrue();
        Matcher s = STATE.matcher(r.group(1));
        assertThat(s.find()).isTrue();
        assertThat(s.group(1)).isEqualTo("step");
        assertThat(s.group(2)).isEqualTo(".error");
        assertThat(Arrays.stream(r.group(2).split(";")).map(d -> d.split(":")[0].trim()).filter(p -> !p.isEmpty()))
                .allMatch(COLOUR_ONLY::contains);
    }

    @Test
    void everyOutcomeHasItsOwnIconAndWord() {
        Set<String> icons = new TreeSet<>();
        Set<String> words = new TreeSet<>();
        for (Severity s : Severity.values()) {
            icons.add(SequenceDiagram.severityIcon(s));
            words.add(s.label());
        }
        assertThat(icons).as("one icon per outcome").hasSize(Severity.values().length);
        assertThat(words).as("one word per outcome").hasSize(Severity.values().length);
    }

    private static List<Path> sheets() throws IOException {
        try (Stream<Path> s = Files.walk(UI)) {
            return s.filter(p -> p.toString().endsWith(".css")).sorted().collect(Collectors.toList());
        }
    }
}
