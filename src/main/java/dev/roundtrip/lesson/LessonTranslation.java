package dev.roundtrip.lesson;

import dev.roundtrip.text.Texts;
import dev.roundtrip.trace.Phrase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A lesson's texts in another language: {@code lessons/de/01-the-dance.yaml} beside
 * {@code lessons/01-the-dance.yaml}. It holds only what students read (the title, the goals and, per
 * step named by its {@code id}, the narration and the texts of its prediction and question); what the
 * engine does is written once, in the English file. The translated texts are put in place of the
 * English ones in the English file's node tree, which is then parsed as any lesson, so a translation
 * can never change an action, a readout or an expectation.
 *
 * <p>A text the translation lacks stays English; one the English lacks, or one whose placeholders or
 * figures differ from the English, is reported with file:line and the English text is kept. A
 * translation that cannot be read at all is refused and the lesson is shown in English.
 */
final class LessonTranslation {
    /** What the merge made: the lesson in the translation's language (English where it had to be) and what was wrong. */
    record Result(Lesson lesson, List<LessonError> errors) {}

    private static final Pattern FIGURES = Pattern.compile("\\d+");

    // --- where texts are, in the English file and in a translation ---

    private sealed interface Shape permits Text, ListOf, MapOf, Steps, TextOrMap {}

    private record Text() implements Shape {}

    private record ListOf(Shape item) implements Shape {}

    private record MapOf(Map<String, Shape> fields) implements Shape {}

    /** English: the list of steps; a translation: a mapping from each step's key to its texts. */
    private record Steps(MapOf step) implements Shape {}

    /** {@code explain}: a question as text, or a mapping with question and choices. */
    private record TextOrMap(MapOf map) implements Shape {}

    private static final Text TEXT = new Text();
    private static final MapOf CHOICE = map("text", TEXT, "feedback", TEXT);
    private static final MapOf FEEDBACK = map("correct", TEXT, "wrong", TEXT, "notes", new ListOf(map("text", TEXT)));
    private static final MapOf CHECKPOINT = map("question", TEXT, "unit", TEXT, "choices", new ListOf(CHOICE),
            "hints", new ListOf(TEXT), "feedback", FEEDBACK);
    private static final MapOf PREDICT = map("question", TEXT, "unit", TEXT, "choices", new ListOf(CHOICE), "feedback", FEEDBACK,
            "explain", new TextOrMap(map("question", TEXT, "choices", new ListOf(CHOICE))));
    private static final MapOf STEP = map("narration", TEXT, "predict", PREDICT, "checkpoint", CHECKPOINT);
    private static final MapOf LESSON = map("title", TEXT, "goals", new ListOf(TEXT), "steps", new Steps(STEP));
    /** Fields of a lesson that are not texts: they come from the English file only. */
    private static final Set<String> SCRIPT_FIELDS = Set.of("id", "level", "action", "with", "focus", "readout", "expect",
            "tolerance", "value", "correct", "when");

    private static MapOf map(Object... pairs) {
        Map<String, Shape> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], (Shape) pairs[i + 1]);
        return new MapOf(m);
    }

    /** Where a text sits in its tree, so it can be replaced: item {@code index} of a mapping's tuples or a list. */
    private record Slot(Node container, int index) {
        void replace(Node value) {
            if (container instanceof SequenceNode seq) {
                seq.getValue().set(index, value);
                return;
            }
            MappingNode m = (MappingNode) container;
            List<NodeTuple> tuples = new ArrayList<>(m.getValue());
            tuples.set(index, new NodeTuple(tuples.get(index).getKeyNode(), value));
            m.setValue(tuples);
        }
    }

    /** Every text of one file by path ({@code steps.send-get.checkpoint.hints[2]}), and where each text or block starts. */
    private static final class Tree {
        final Map<String, ScalarNode> texts = new LinkedHashMap<>();
        final Map<String, Slot> slots = new HashMap<>();
        final Map<String, Mark> places = new LinkedHashMap<>();
        final Map<String, String> parents = new HashMap<>();
        final Map<String, Integer> listSizes = new HashMap<>();
    }

    private LessonTranslation() {}

    /**
     * The English lesson with the translation's texts in place.
     *
     * @param english the English file (its text is read again: the merge changes a fresh node tree)
     * @param lesson the lesson the English file made
     */
    static Result apply(LessonLoader.Source english, Lesson lesson, LessonLoader.Source translation, Locale language) {
        Problems problems = new Problems(translation.name());
        Phrase refused = Phrase.of("lesson.translation.shownInEnglish", lesson.id());
        Optional<Node> root = LessonLoader.compose(translation, problems, Phrase.of("lesson.translation.expected", languageName(language), lesson.id()));
        if (root.isEmpty()) return new Result(lesson, refused(problems, Phrase.of("lesson.translation.unreadable", refused)));
        Tree theirs = new Tree();
        walk(root.get(), LESSON, "", root.get().getStartMark(), null, theirs, problems);
        Node englishRoot = LessonLoader.compose(english, new Problems(english.name()), Phrase.of("lesson.load.expectedLesson")).orElseThrow();
        Tree ours = new Tree();
        walk(englishRoot, LESSON, "", englishRoot.getStartMark(), null, ours, null);

        missing(ours, theirs, english, problems, root.get().getStartMark());
        extra(ours, theirs, problems, lesson);
        Map<String, ScalarNode> accepted = checked(ours, theirs, problems);

        for (Map.Entry<String, ScalarNode> t : accepted.entrySet()) {
            ScalarNode en = ours.texts.get(t.getKey());
            ours.slots.get(t.getKey()).replace(new ScalarNode(Tag.STR, t.getValue().getValue(), en.getStartMark(), en.getEndMark(),
                    t.getValue().getScalarStyle()));
        }
        Problems merged = new Problems(english.name());
        Optional<Lesson> translated = new LessonParser(merged).parse(englishRoot, LessonLoader.expectedId(english));
        if (translated.isEmpty()) {
            return new Result(lesson, refused(problems, Phrase.of("lesson.translation.doesNotLoad", merged.errors().get(0).located(), refused)));
        }
        Lesson l = translated.get();
        return new Result(new Lesson(l.id(), l.title(), l.level(), l.goals(), l.steps(), l.source(), language), problems.errors());
    }

    /** The language's name said in the language in use (the four Roundtrip speaks; others by their English name). */
    private static Object languageName(Locale language) {
        String code = Texts.supported(language).getLanguage();
        return code.equals(language.getLanguage()) ? Phrase.of("lesson.language." + code) : language.getDisplayLanguage(Locale.ENGLISH);
    }

    /** The problems found, then the consequence (after them: it is not where the fix goes). */
    private static List<LessonError> refused(Problems problems, Phrase consequence) {
        List<LessonError> out = new ArrayList<>(problems.errors());
        out.add(new LessonError(problems.file(), 0, 0, "", consequence));
        return out;
    }

    /** Collects the texts under {@code node} as {@code shape} says; reports what does not fit when {@code problems} is given (a translation). */
    private static void walk(Node node, Shape shape, String path, Mark place, Slot slot, Tree t, Problems problems) {
        if (shape instanceof TextOrMap tm) {
            walk(node, node instanceof ScalarNode ? TEXT : tm.map(), path, place, slot, t, problems);
            return;
        }
        if (t.places.containsKey(path)) {
            if (problems != null) problems.at(place, path, Phrase.of("lesson.translation.givenTwice", t.places.get(path).getLine() + 1));
            return;
        }
        t.places.put(path, place);
        if (shape instanceof Text) {
            if (node instanceof ScalarNode s && !YamlMap.isNull(s)) {
                t.texts.put(path, s);
                t.slots.put(path, slot);
            } else if (problems != null) {
                problems.at(node, path, Phrase.of("lesson.expectedText", YamlMap.said(node)));
            }
        } else if (shape instanceof ListOf list) {
            walkList(node, list, path, slot, t, problems);
        } else if (shape instanceof Steps steps) {
            walkSteps(node, steps, path, t, problems);
        } else {
            walkMap(node, (MapOf) shape, path, t, problems);
        }
    }

    private static void walkList(Node node, ListOf list, String path, Slot slot, Tree t, Problems problems) {
        if (node instanceof ScalarNode s && list.item() instanceof Text && !YamlMap.isNull(s)) { // a single text is a list of one
            t.listSizes.put(path, 1);
            child(t, path, path + "[1]");
            walk(node, TEXT, path + "[1]", node.getStartMark(), slot, t, problems);
            return;
        }
        if (!(node instanceof SequenceNode seq)) {
            if (problems != null) problems.at(node, path, Phrase.of("lesson.expectedList", YamlMap.said(node)));
            return;
        }
        t.listSizes.put(path, seq.getValue().size());
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            String p = path + "[" + (i + 1) + "]";
            child(t, path, p);
            walk(item, list.item(), p, item.getStartMark(), new Slot(seq, i), t, problems);
        }
    }

    private static void walkSteps(Node node, Steps steps, String path, Tree t, Problems problems) {
        if (problems == null) { // the English file: a list, each step named by its id or its number
            if (!(node instanceof SequenceNode seq)) return;
            for (int i = 0; i < seq.getValue().size(); i++) {
                Node item = seq.getValue().get(i);
                String p = path + "." + stepKey(item, i + 1);
                child(t, path, p);
                walk(item, steps.step(), p, item.getStartMark(), null, t, null);
            }
            return;
        }
        if (!(node instanceof MappingNode m)) {
            problems.at(node, path, Phrase.of(node instanceof SequenceNode ? "lesson.translation.stepsListed" : "lesson.translation.expectedSteps", YamlMap.said(node)));
            return;
        }
        for (NodeTuple tuple : m.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.at(tuple.getKeyNode(), path, Phrase.of("lesson.translation.stepById", YamlMap.said(tuple.getKeyNode())));
                continue;
            }
            String p = path + "." + key.getValue();
            child(t, path, p);
            walk(tuple.getValueNode(), steps.step(), p, key.getStartMark(), null, t, problems);
        }
    }

    private static void walkMap(Node node, MapOf shape, String path, Tree t, Problems problems) {
        if (!(node instanceof MappingNode m)) {
            if (problems != null) problems.at(node, path, Phrase.of("lesson.expectedMapping", YamlMap.said(node)));
            return;
        }
        for (int i = 0; i < m.getValue().size(); i++) {
            NodeTuple tuple = m.getValue().get(i);
            String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
            Shape field = key == null ? null : shape.fields().get(key);
            String p = key == null ? path : path.isEmpty() ? key : path + "." + key;
            if (field == null) {
                if (problems == null) continue;
                if (key != null && SCRIPT_FIELDS.contains(key)) {
                    problems.at(tuple.getKeyNode(), p, Phrase.of("lesson.translation.notAText", key, String.join(", ", shape.fields().keySet())));
                } else {
                    problems.at(tuple.getKeyNode(), p, key == null ? Phrase.of("lesson.keyNotPlain", YamlMap.said(tuple.getKeyNode()))
                            : Phrase.of("lesson.unknownField", key, String.join(", ", shape.fields().keySet())));
                }
                continue;
            }
            child(t, path, p);
            walk(tuple.getValueNode(), field, p, tuple.getKeyNode().getStartMark(), new Slot(m, i), t, problems);
        }
    }

    private static void child(Tree t, String parent, String child) {
        t.parents.put(child, parent);
    }

    /** The English step's key, as {@link Step#key()} makes it: its id when it has a well-formed one, else its number. */
    private static String stepKey(Node step, int number) {
        if (step instanceof MappingNode m) {
            for (NodeTuple tuple : m.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals("id") && tuple.getValueNode() instanceof ScalarNode v
                        && !YamlMap.isNull(v)) return v.getValue();
            }
        }
        return String.valueOf(number);
    }

    // --- comparing the two ---

    /** Every English text without a translation, reported once per missing block (a whole step, a question, one hint). */
    private static void missing(Tree ours, Tree theirs, LessonLoader.Source english, Problems problems, Mark top) {
        Set<String> reported = new LinkedHashSet<>();
        for (String path : ours.texts.keySet()) {
            if (theirs.places.containsKey(path)) continue; // translated, or given in a wrong form (reported where it is)
            String block = path;
            for (String up = ours.parents.get(block); up != null && !up.isEmpty() && !theirs.places.containsKey(up); up = ours.parents.get(block)) {
                block = up;
            }
            if (!reported.add(block)) continue;
            String parent = ours.parents.getOrDefault(block, "");
            Mark at = theirs.places.getOrDefault(parent, top);
            String where = english.name() + ":" + (ours.places.get(block).getLine() + 1);
            Phrase what = parent.equals("steps") ? Phrase.of("lesson.translation.lacksStep", block.substring("steps.".length()), where)
                    : ours.texts.containsKey(block) ? Phrase.of("lesson.translation.lacksText", where, shortly(ours.texts.get(block).getValue()))
                    : Phrase.of("lesson.translation.lacks", block.substring(block.lastIndexOf('.') + 1), where);
            problems.at(at, block, what);
        }
    }

    /** Every text or block of the translation that the English lesson does not have, reported once per block. */
    private static void extra(Tree ours, Tree theirs, Problems problems, Lesson lesson) {
        Set<String> reported = new LinkedHashSet<>();
        for (String path : theirs.places.keySet()) {
            if (path.isEmpty() || ours.places.containsKey(path)) continue;
            String block = path;
            for (String up = theirs.parents.get(block); up != null && !up.isEmpty() && !ours.places.containsKey(up); up = theirs.parents.get(block)) {
                block = up;
            }
            if (!reported.add(block)) continue;
            String parent = theirs.parents.getOrDefault(block, "");
            Phrase what;
            if (parent.equals("steps")) {
                what = Phrase.of("lesson.translation.noSuchStep", block.substring("steps.".length()),
                        String.join(", ", lesson.steps().stream().map(Step::key).toList()));
            } else if (ours.listSizes.containsKey(parent)) {
                what = Phrase.of("lesson.translation.tooMany", ours.listSizes.get(parent));
            } else if (ours.places.containsKey(parent) && ours.texts.containsKey(parent)) {
                what = Phrase.of("lesson.translation.oneText");
            } else {
                what = Phrase.of("lesson.translation.noSuchField", block.substring(block.lastIndexOf('.') + 1));
            }
            problems.at(theirs.places.get(block), block, what);
        }
    }

    /** The translated texts that may replace the English: not empty, the same placeholders, the same figures in a choice, no two choices alike. */
    private static Map<String, ScalarNode> checked(Tree ours, Tree theirs, Problems problems) {
        Map<String, ScalarNode> accepted = new LinkedHashMap<>();
        Map<String, String> choiceTexts = new HashMap<>();
        for (Map.Entry<String, ScalarNode> e : theirs.texts.entrySet()) {
            String path = e.getKey();
            ScalarNode en = ours.texts.get(path);
            if (en == null) continue; // reported by extra()
            String text = e.getValue().getValue();
            if (text.isBlank()) {
                problems.at(e.getValue(), path, Phrase.of("lesson.translation.empty", shortly(en.getValue())));
                continue;
            }
            Set<String> want = placeholders(en.getValue());
            Set<String> have = placeholders(text);
            if (!want.equals(have)) {
                problems.at(e.getValue(), path, Phrase.of("lesson.translation.placeholders", list(want), list(have)));
                continue;
            }
            if (path.endsWith(".text") && path.contains(".choices[")) {
                List<String> wantFigures = figures(en.getValue());
                if (!wantFigures.equals(figures(text))) {
                    problems.at(e.getValue(), path, Phrase.of("lesson.translation.figures", shortly(en.getValue()),
                            figures(text).isEmpty() ? Phrase.of("lesson.translation.none") : String.join(", ", figures(text))));
                    continue;
                }
                String question = path.substring(0, path.lastIndexOf(".choices[") + ".choices".length());
                String same = question + "|" + text.strip().toLowerCase(Locale.ROOT);
                if (choiceTexts.containsKey(same)) {
                    problems.at(e.getValue(), path, Phrase.of("lesson.translation.sameAs", choiceTexts.get(same)));
                    continue;
                }
                choiceTexts.put(same, path);
            }
            accepted.put(path, e.getValue());
        }
        return accepted;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Checkpoint.PLACEHOLDER.matcher(text);
        while (m.find()) names.add(m.group());
        return names;
    }

    private static List<String> figures(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = FIGURES.matcher(text);
        while (m.find()) out.add(m.group());
        out.sort(null); // word order may change in another language
        return out;
    }

    private static Object list(Set<String> placeholders) {
        return placeholders.isEmpty() ? Phrase.of("lesson.translation.none") : String.join(", ", placeholders);
    }

    private static String shortly(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return "'" + (t.length() > 60 ? t.substring(0, 57) + "..." : t) + "'";
    }
}
