package dev.roundtrip.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.lab.LabOptions;
import dev.roundtrip.lesson.LessonError;
import dev.roundtrip.lesson.LessonLoader;
import dev.roundtrip.lesson.LessonSet;
import dev.roundtrip.trace.Exchange;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Mutated recording, HAR and lesson files, starting from real valid ones: only the documented
 * errors come out ({@link RecordingFormatException} naming the file; {@link LessonError} entries),
 * never another exception, and what is accepted can be used (written back, drawn).
 */
class FileFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static Path dir;
    private static final List<byte[]> RECORDINGS = new ArrayList<>();
    private static final List<byte[]> HARS = new ArrayList<>();
    private static final List<String> LESSONS = new ArrayList<>();
    private static final List<String> LESSON_NAMES = new ArrayList<>();

    @BeforeContainer
    static void collectValidFiles() throws Exception {
        dir = Files.createTempDirectory("roundtrip-fuzz");
        try (Lab lab = Lab.start(LabOptions.defaults().withKernelReadouts(false))) {
            for (RequestSpec r : List.of(RequestSpec.get("/users/1"), RequestSpec.post("/echo", "hi".getBytes(StandardCharsets.UTF_8)),
                    RequestSpec.get("/fail"), RequestSpec.raw("GARBAGE\r\n\r\n"))) {
                lab.settled(lab.send(r).exchangeId()).get(20, TimeUnit.SECONDS);
            }
            RECORDINGS.add(RecordingJson.toBytes(lab.recording()));
        }
        try (Stream<Path> hars = Files.list(Path.of("src/test/resources/har"))) {
            for (Path p : hars.sorted().toList()) HARS.add(Files.readAllBytes(p));
        }
        try (Stream<Path> lessons = Files.list(Path.of("lessons"))) {
            for (Path p : lessons.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                LESSONS.add(Files.readString(p));
                LESSON_NAMES.add(p.getFileName().toString());
            }
        }
        assertThat(HARS).isNotEmpty();
        assertThat(LESSONS).hasSizeGreaterThanOrEqualTo(10);
    }

    @AfterContainer
    static void cleanUp() throws Exception {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** One change: to the parsed tree (delete a field, give a value the wrong type or an unknown enum) or to the bytes. */
    record Change(int kind, int pick, int value) {}

    @Provide
    Arbitrary<List<Change>> changes() {
        return Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, Integer.MAX_VALUE)).as(Change::new).list().ofMinSize(1).ofMaxSize(5);
    }

    /** Values of the wrong type or out of range for wherever they land. */
    private static JsonNode wrong(int value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (value % 12) {
            case 0: return f.textNode("bogus");
            case 1: return f.numberNode(-1);
            case 2: return f.numberNode(Long.MAX_VALUE);
            case 3: return f.numberNode(1e308);
            case 4: return f.booleanNode(true);
            case 5: return f.nullNode();
            case 6: return f.arrayNode();
            case 7: return f.objectNode();
            case 8: return f.textNode("");
            case 9: return f.textNode("x".repeat(10_000));
            case 10: return f.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            default: return f.textNode("%%% not base64 ###");
        }
    }

    /** Every container in the tree, with each of its fields or elements. */
    private static List<Object[]> slots(JsonNode root) {
        List<Object[]> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(JsonNode n, List<Object[]> out) {
        if (n.isObject()) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                out.add(new Object[] {n, k});
                collect(n.get(k), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                out.add(new Object[] {n, i});
                collect(n.get(i), out);
            }
        }
    }

    /** Applies the changes; byte-level ones after the tree ones. */
    static byte[] mutate(byte[] valid, List<Change> changes, ObjectMapper mapper) throws Exception {
        JsonNode root = mapper.readTree(valid);
        boolean treeChanged = false;
        List<Change> byteChanges = new ArrayList<>();
        for (Change c : changes) {
            if (c.kind() >= 6) {
                byteChanges.add(c);
                continue;
            }
            List<Object[]> slots = slots(root);
            if (slots.isEmpty()) continue;
            Object[] slot = slots.get(c.pick() % slots.size());
            JsonNode parent = (JsonNode) slot[0];
            JsonNode old = slot[1] instanceof String k ? parent.get(k) : parent.get((Integer) slot[1]);
            JsonNode replacement;
            switch (c.kind()) {
                case 0: replacement = null; break; // delete
                case 1: replacement = old != null && old.isTextual() ? JsonNodeFactory.instance.textNode("NOT_A_KNOWN_VALUE") : wrong(c.value()); break;
                case 2: replacement = old != null && old.isNumber() ? JsonNodeFactory.instance.numberNode(-(long) c.value() - 1) : wrong(c.value()); break;
                default: replacement = wrong(c.value());
            }
            if (slot[1] instanceof String k) {
                if (replacement == null) ((ObjectNode) parent).remove(k);
                else ((ObjectNode) parent).set(k, replacement);
            } else {
                int i = (Integer) slot[1];
                if (replacement == null) ((ArrayNode) parent).remove(i);
                else ((ArrayNode) parent).set(i, replacement);
            }
            treeChanged = true;
        }
        byte[] b = treeChanged ? mapper.writeValueAsBytes(root) : valid;
        for (Change c : byteChanges) b = mutateBytes(b, c);
        return b;
    }

    static byte[] mutateBytes(byte[] b, Change c) {
        if (b.length == 0) return b;
        int at = c.pick() % b.length;
        switch (c.kind()) {
            case 6: return Arrays.copyOf(b, at); // truncated
            case 7: {
                byte[] f = b.clone();
                f[at] ^= (byte) (1 + c.value() % 255);
                return f;
            }
            case 8: { // a byte inserted
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                o.write(b, 0, at);
                o.write(c.value() % 256);
                o.write(b, at, b.length - at);
                return o.toByteArray();
            }
            default: { // a run deleted
                int n = Math.min(b.length - at, 1 + c.value() % 64);
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                o.write(b, 0, at);
                o.write(b, at + n, b.length - at - n);
                return o.toByteArray();
            }
        }
    }

    /** Opens the file; only RecordingFormatException may come out, and what opens must be usable. */
    private static void openOnlyFailsAsDocumented(byte[] content, String name) throws Exception {
        // the mutations must reach both ends: files refused and files still accepted
        Statistics.label("outcome").coverage(c -> {
            c.check("refused").percentage(p -> p >= 20);
            c.check("opened").count(n -> n >= 1);
        });
        Statistics.label("outcome").collect(open(content, name) ? "opened" : "refused");
    }

    /**
     * Opens the file: a refusal must be our own short message naming the file, never a library's; what
     * opens must be true to its meaning (time runs forward, no line break in what goes on the wire) and
     * usable (written back, drawn, exported). True when it opened.
     */
    private static boolean open(byte[] content, String name) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        Recording r;
        try {
            r = RecordingFiles.open(file);
        } catch (RecordingFormatException e) {
            assertThat(e.getMessage()).contains(file.toString()).doesNotContain("com.fasterxml", "StreamReadConstraints", "org.yaml");
            assertThat(e.getMessage().length()).as("a short message: %s", e.getMessage()).isLessThan(1000);
            assertThat(e.problem()).isNotBlank();
            return false;
        }
        for (Exchange x : r.exchanges()) {
            assertThat(x.request().summary()).isNotNull();
            assertThat(x.startedNanos()).isNotNegative();
            x.end().ifPresent(end -> assertThat(end.tNanos()).isGreaterThanOrEqualTo(x.startedNanos()));
            x.events().forEach(ev -> {
                assertThat(ev.stage()).isNotNull();
                assertThat(ev.tNanos()).isGreaterThanOrEqualTo(x.startedNanos());
            });
            assertThat(x.durationNanos()).isNotNegative();
            List<dev.roundtrip.trace.Header> headers = new ArrayList<>(x.request().headers());
            x.response().ifPresent(resp -> headers.addAll(resp.headers()));
            for (dev.roundtrip.trace.Header h : headers) assertThat(h.name() + h.value()).doesNotContain("\r", "\n");
            assertThat(x.request().target()).doesNotContain("\r", "\n");
        }
        assertThat(r.warnings()).allSatisfy(w -> assertThat(w.toString()).startsWith(file.toString()));
        // what was accepted can be written again and drawn
        assertThat(RecordingJson.read(RecordingJson.toBytes(r), name).exchanges()).hasSameSizeAs(r.exchanges());
        assertThat(MermaidDiagram.of(r)).isNotNull();
        assertThat(HarExport.toBytes(r)).isNotEmpty();
        return true;
    }

    // --- hostile input: the kinds of issue 17 ---

    /** One hostile change: which kind, where (an index into the candidates), and a number to shape it. */
    record Hostile(int kind, int pick, int value) {}

    @Provide
    Arbitrary<List<Hostile>> hostile() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, Integer.MAX_VALUE)).as(Hostile::new).list().ofMinSize(1).ofMaxSize(3);
    }

    private static final List<String> TIMES = List.of("startedNanos", "endedNanos", "tNanos", "time", "blocked", "dns", "connect",
            "ssl", "send", "wait", "receive", "nanos");

    /**
     * Negative, reversed or absurd times; base64 that is not; CR, LF and other control characters in
     * header names, values and URLs; nesting just under and far over the limit; a very long string.
     */
    static byte[] hostile(byte[] valid, List<Hostile> changes) throws Exception {
        JsonNode root = JSON.readTree(valid);
        for (Hostile h : changes) {
            List<Object[]> slots = slots(root);
            switch (h.kind()) {
                case 0: { // a time made negative, huge or before its exchange
                    List<Object[]> times = slots.stream().filter(x -> x[1] instanceof String k && TIMES.contains(k)).toList();
                    if (times.isEmpty()) break;
                    Object[] t = times.get(h.pick() % times.size());
                    JsonNode v;
                    switch (h.value() % 5) {
                        case 0: v = JsonNodeFactory.instance.numberNode(-1 - h.value() % 1_000_000); break;
                        case 1: v = JsonNodeFactory.instance.numberNode(-1); break;
                        case 2: v = JsonNodeFactory.instance.numberNode(-1e308); break;
                        case 3: v = JsonNodeFactory.instance.numberNode(1e308); break;
                        default: v = JsonNodeFactory.instance.numberNode(0);
                    }
                    ((ObjectNode) t[0]).set((String) t[1], v);
                    break;
                }
                case 1: { // base64 that is not, and the encoding that says it is
                    List<Object[]> data = slots.stream().filter(x -> x[1] instanceof String k && (k.equals("base64") || k.equals("text"))).toList();
                    if (data.isEmpty()) break;
                    Object[] d = data.get(h.pick() % data.size());
                    String bad = List.of("%%% not base64 ###", "aGVsbG8", "aGV*sbG8=", "=abc", "a", "\u00e9t\u00e9").get(h.value() % 6);
                    ((ObjectNode) d[0]).put((String) d[1], bad);
                    if (d[1].equals("text")) ((ObjectNode) d[0]).put("encoding", "base64");
                    break;
                }
                case 2: { // CR/LF or another control character in a header, a URL, a target, a method
                    List<Object[]> texts = slots.stream().filter(x -> x[1] instanceof String k && ((JsonNode) x[0]).get(k).isTextual()
                            && List.of("name", "value", "url", "target", "method", "statusText", "reason").contains(k)).toList();
                    if (texts.isEmpty()) break;
                    Object[] t = texts.get(h.pick() % texts.size());
                    String old = ((JsonNode) t[0]).get((String) t[1]).asText();
                    String bad = List.of("\r\nSet-Cookie: evil=1", "\n", "\r", "\u001b[2J", "\u0000", "\u007f", " ").get(h.value() % 7);
                    int at = old.isEmpty() ? 0 : h.value() % (old.length() + 1);
                    ((ObjectNode) t[0]).put((String) t[1], old.substring(0, at) + bad + old.substring(at));
                    break;
                }
                case 3: { // deep nesting, inside a value that is read or one that is skipped
                    if (slots.isEmpty()) break;
                    set(slots.get(h.pick() % slots.size()), JsonNodeFactory.instance.textNode("__nest_here__"));
                    int depth = List.of(10, 900, 1001, 5000, 100_000).get(h.value() % 5);
                    String text = JSON.writeValueAsString(root);
                    int at = text.indexOf("\"__nest_here__\"");
                    return (text.substring(0, at) + "[".repeat(depth) + "1" + "]".repeat(depth) + text.substring(at + 15))
                            .getBytes(StandardCharsets.UTF_8);
                }
                case 4: { // a long string, a long number
                    if (slots.isEmpty()) break;
                    Object[] slot = slots.get(h.pick() % slots.size());
                    JsonNode v = h.value() % 2 == 0 ? JsonNodeFactory.instance.textNode("x".repeat(1 + h.value() % 200_000))
                            : JsonNodeFactory.instance.numberNode(new java.math.BigDecimal("1" + "0".repeat(50 + h.value() % 500)));
                    set(slot, v);
                    break;
                }
                default: { // an entry list emptied, entries' order kept
                    for (Object[] slot : slots) {
                        if (slot[1] instanceof String k && k.equals("entries") && ((JsonNode) slot[0]).get(k).isArray()) {
                            ((ArrayNode) ((JsonNode) slot[0]).get(k)).removeAll();
                        }
                    }
                }
            }
        }
        return JSON.writeValueAsBytes(root);
    }

    private static void set(Object[] slot, JsonNode v) {
        if (slot[1] instanceof String k) ((ObjectNode) slot[0]).set(k, v);
        else ((ArrayNode) slot[0]).set((Integer) slot[1], v);
    }

    /** Lines longer than the limit, nesting past it, aliases, control characters: inserted into a valid lesson's text. */
    static String hostileLesson(String valid, List<Hostile> changes) {
        List<String> lines = new ArrayList<>(valid.lines().toList());
        for (Hostile h : changes) {
            int at = h.pick() % (lines.size() + 1);
            switch (h.kind()) {
                case 0: lines.add(at, "# " + "x".repeat(LessonLoader.MAX_LINE_LENGTH - 1 + h.value() % 200_000)); break;
                case 1: lines.add(at, "deep: " + "- ".repeat(20 + h.value() % 400) + "x"); break;
                case 2: lines.add(at, "deep: " + "[".repeat(20 + h.value() % 3000) + "]".repeat(20 + h.value() % 3000)); break;
                case 3: {
                    StringBuilder b = new StringBuilder("a: &a [x, y]\n");
                    for (int i = 0; i < 10 + h.value() % 40; i++) b.append("b").append(i).append(": *a\n");
                    lines.add(at, b.toString());
                    break;
                }
                case 4: lines.add(at, "title: \"a\u0000b\u001b[2J\""); break;
                default: lines.add(at, "\t- tab: " + h.value());
            }
        }
        return String.join("\n", lines) + "\n";
    }

    @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void aHostileLessonFailsOnlyWithLessonErrors(@ForAll("hostile") List<Hostile> changes, @ForAll("anyIndex") int which) {
        String fileName = LESSON_NAMES.get(which % LESSONS.size());
        String text = hostileLesson(LESSONS.get(which % LESSONS.size()), changes);
        LessonSet set = LessonLoader.loadText("lessons/" + fileName, fileName, text);
        assertThat(set.lessons().size() + set.errors().size()).isPositive();
        assertThat(set.lessons().size()).isLessThanOrEqualTo(1);
        assertThat(set.errors()).allSatisfy(e -> {
            assertThat(e.file()).isEqualTo("lessons/" + fileName);
            assertThat(e.message()).isNotBlank().doesNotContain("org.yaml", "Exception");
            assertThat(e.toString().length()).isLessThan(1000);
        });
        int longest = text.lines().mapToInt(String::length).max().orElse(0);
        if (longest > LessonLoader.MAX_LINE_LENGTH) {
            assertThat(set.errors()).singleElement().satisfies(e -> {
                assertThat(e.column()).isEqualTo(LessonLoader.MAX_LINE_LENGTH + 1);
                assertThat(e.message()).endsWith(" characters long; a lesson line may have at most 10,000");
            });
        }
    }

    @Property(tries = 120, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void aHostileRecordingFailsOnlyAsDocumented(@ForAll("hostile") List<Hostile> changes) throws Exception {
        boolean opened = open(hostile(RECORDINGS.get(0), changes), "hostile.roundtrip.json");
        Statistics.label("hostile").collect(opened ? "opened" : "refused");
        Statistics.label("hostile").coverage(c -> c.check("refused").percentage(p -> p >= 30));
    }

    @Property(tries = 120, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void aHostileHarFailsOnlyAsDocumented(@ForAll("hostile") List<Hostile> changes, @ForAll("anyIndex") int which) throws Exception {
        boolean opened = open(hostile(HARS.get(which % HARS.size()), changes), "hostile.har");
        Statistics.label("hostile").collect(opened ? "opened" : "refused");
        Statistics.label("hostile").coverage(c -> c.check("refused").percentage(p -> p >= 30));
    }

    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void aMutatedRecordingFailsOnlyWithARecordingFormatException(@ForAll("changes") List<Change> changes) throws Exception {
        openOnlyFailsAsDocumented(mutate(RECORDINGS.get(0), changes, JSON), "mutated.roundtrip.json");
    }

    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void aMutatedHarFailsOnlyWithARecordingFormatException(@ForAll("changes") List<Change> changes,
                                                         @ForAll("anyIndex") int which) throws Exception {
        openOnlyFailsAsDocumented(mutate(HARS.get(which % HARS.size()), changes, JSON), "mutated.har");
    }

    @Provide
    Arbitrary<Integer> anyIndex() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void aMutatedLessonFailsOnlyWithLessonErrors(@ForAll("changes") List<Change> changes, @ForAll("anyIndex") int which) throws Exception {
        String valid = LESSONS.get(which % LESSONS.size());
        String fileName = LESSON_NAMES.get(which % LESSONS.size());
        String text = new String(mutate(valid.getBytes(StandardCharsets.UTF_8), changes, YAML), StandardCharsets.UTF_8);
        LessonSet set = LessonLoader.loadText("lessons/" + fileName, fileName, text);
        Statistics.label("outcome").collect(set.errors().isEmpty() ? "loaded" : "errors");
        Statistics.label("outcome").coverage(c -> {
            c.check("errors").percentage(p -> p >= 20);
            c.check("loaded").count(n -> n >= 1);
        });
        assertThat(set.errors()).allSatisfy(e -> {
            assertThat(e.file()).isEqualTo("lessons/" + fileName);
            assertThat(e.message()).isNotBlank();
        });
        assertThat(set.lessons().size()).isLessThanOrEqualTo(1);
    }
}
