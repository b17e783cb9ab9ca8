package dev.roundtrip.lesson;

import dev.roundtrip.trace.Phrase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, located access to one YAML mapping. Every failed expectation becomes a {@link LessonError}
 * at the offending node; getters then return empty so parsing can go on and find more problems.
 */
final class YamlMap {
    private final Node node;
    private final String path;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(MappingNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        for (NodeTuple t : node.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode key)) {
                problems.at(k, path, Phrase.of("lesson.keyNotPlain", said(k)));
                continue;
            }
            if (entries.containsKey(key.getValue())) {
                int first = entries.get(key.getValue()).getKeyNode().getStartMark().getLine() + 1;
                problems.at(k, child(key.getValue()), Phrase.of("lesson.duplicateField", key.getValue(), first));
                continue;
            }
            entries.put(key.getValue(), t);
        }
    }

    /** The mapping at {@code node}, or empty (with an error) when it is something else. */
    static Optional<YamlMap> of(Node node, String path, Problems problems) {
        if (node instanceof MappingNode m) return Optional.of(new YamlMap(m, path, problems));
        problems.at(node, path, Phrase.of("lesson.expectedMapping", said(node)));
        return Optional.empty();
    }

    Node node() {
        return node;
    }

    String path() {
        return path;
    }

    Problems problems() {
        return problems;
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return entries.containsKey(key) && !isNull(entries.get(key).getValueNode());
    }

    Optional<Node> get(String key) {
        NodeTuple t = entries.get(key);
        if (t == null || isNull(t.getValueNode())) return Optional.empty();
        return Optional.of(t.getValueNode());
    }

    /** Reports every field not in {@code allowed}. */
    void rejectUnknown(Collection<String> allowed, Phrase what) {
        for (NodeTuple t : entries.values()) {
            String k = ((ScalarNode) t.getKeyNode()).getValue();
            if (!allowed.contains(k)) {
                problems.at(t.getKeyNode(), child(k), what == null ? Phrase.of("lesson.unknownField", k, String.join(", ", allowed))
                        : Phrase.of("lesson.unknownFieldIn", k, what, String.join(", ", allowed)));
            }
        }
    }

    void missing(String key, Phrase expected) {
        problems.at(node, child(key), Phrase.of("lesson.missingField", key, expected));
    }

    Optional<String> text(String key) {
        Optional<Node> n = get(key);
        if (n.isEmpty()) return Optional.empty();
        if (n.get() instanceof ScalarNode s) return Optional.of(s.getValue());
        problems.at(n.get(), child(key), Phrase.of("lesson.expectedText", said(n.get())));
        return Optional.empty();
    }

    Optional<String> requiredText(String key, Phrase expected) {
        if (!has(key)) {
            missing(key, expected);
            return Optional.empty();
        }
        Optional<String> t = text(key);
        if (t.isPresent() && t.get().isBlank()) {
            problems.at(get(key).orElse(node), child(key), Phrase.of("lesson.mustNotBeEmpty", expected));
            return Optional.empty();
        }
        return t;
    }

    Optional<Integer> integer(String key, int min, int max) {
        Optional<Node> n = get(key);
        if (n.isEmpty()) return Optional.empty();
        if (n.get() instanceof ScalarNode s && Tag.INT.equals(s.getTag())) {
            try {
                long v = Long.parseLong(s.getValue().replace("_", ""));
                if (v < min || v > max) {
                    problems.at(s, child(key), Phrase.of("lesson.expectedRange", min, max, v));
                    return Optional.empty();
                }
                return Optional.of((int) v);
            } catch (NumberFormatException e) {
                // falls through to the error below (hex, octal and other exotic forms)
            }
        }
        problems.at(n.get(), child(key), Phrase.of("lesson.expectedWhole", said(n.get())));
        return Optional.empty();
    }

    Optional<Boolean> bool(String key) {
        Optional<Node> n = get(key);
        if (n.isEmpty()) return Optional.empty();
        if (n.get() instanceof ScalarNode s && Tag.BOOL.equals(s.getTag())) {
            String v = s.getValue().toLowerCase(java.util.Locale.ROOT);
            return Optional.of(v.equals("true") || v.equals("yes") || v.equals("on") || v.equals("y"));
        }
        problems.at(n.get(), child(key), Phrase.of("lesson.expectedBoolean", said(n.get())));
        return Optional.empty();
    }

    /** A list of texts; a single text is accepted as a list of one. */
    List<String> texts(String key) {
        Optional<Node> n = get(key);
        List<String> out = new ArrayList<>();
        if (n.isEmpty()) return out;
        if (n.get() instanceof ScalarNode s) {
            out.add(s.getValue());
            return out;
        }
        if (!(n.get() instanceof SequenceNode seq)) {
            problems.at(n.get(), child(key), Phrase.of("lesson.expectedTexts", said(n.get())));
            return out;
        }
        int i = 1;
        for (Node item : seq.getValue()) {
            if (item instanceof ScalarNode s) out.add(s.getValue());
            else problems.at(item, child(key) + "[" + i + "]", Phrase.of("lesson.expectedText", said(item)));
            i++;
        }
        return out;
    }

    /** The sequence under {@code key}, or empty (with an error) when it is something else. */
    Optional<SequenceNode> sequence(String key) {
        Optional<Node> n = get(key);
        if (n.isEmpty()) return Optional.empty();
        if (n.get() instanceof SequenceNode s) return Optional.of(s);
        problems.at(n.get(), child(key), Phrase.of("lesson.expectedList", said(n.get())));
        return Optional.empty();
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    /** {@link #describe} as a phrase's argument: the words in the language in use, a value as written. */
    static Object said(Node n) {
        String d = describe(n);
        switch (d) {
            case "nothing": return Phrase.of("lesson.foundNothing");
            case "a mapping": return Phrase.of("lesson.foundMapping");
            case "a list": return Phrase.of("lesson.foundList");
            default: return d;
        }
    }

    static String describe(Node n) {
        if (n == null) return "nothing";
        if (n instanceof MappingNode) return "a mapping";
        if (n instanceof SequenceNode) return "a list";
        if (n instanceof ScalarNode s) {
            if (Tag.NULL.equals(s.getTag())) return "nothing";
            String v = s.getValue();
            if (v.length() > 40) v = v.substring(0, 37) + "...";
            return "'" + v + "'";
        }
        return n.getNodeId().toString();
    }
}
