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
        Path file = dir.resolve(name);
        Files.write(file, content);
        Recording r;
        // the mutations must reach both ends: files refused and files still accepted
        Statistics.label("outcome").coverage(c -> {
            c.check("refused").percentage(p -> p >= 20);
            c.check("opened").count(n -> n >= 1);
        });
        try {
            r = RecordingFiles.open(file);
        } catch (RecordingFormatException e) {
            Statistics.label("outcome").collect("refused");
            assertThat(e.getMessage()).contains(file.toString());
            assertThat(e.problem()).isNotBlank();
            return;
        }
        Statistics.label("outcome").collect("opened");
        for (Exchange x : r.exchanges()) {
            assertThat(x.request().summary()).isNotNull();
            x.events().forEach(ev -> assertThat(ev.stage()).isNotNull());
        }
        // what was accepted can be written again and drawn
        assertThat(RecordingJson.read(RecordingJson.toBytes(r), name).exchanges()).hasSameSizeAs(r.exchanges());
        assertThat(MermaidDiagram.of(r)).isNotNull();
        assertThat(HarExport.toBytes(r)).isNotEmpty();
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
