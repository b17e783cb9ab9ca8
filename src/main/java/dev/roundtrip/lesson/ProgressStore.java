package dev.roundtrip.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roundtrip.files.AtomicFile;
import dev.roundtrip.files.RoundtripHome;
import dev.roundtrip.trace.Phrase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lesson progress of the user, kept between runs in {@link RoundtripHome#progressFile()}
 * ({@code ~/.roundtrip/progress.json} unless {@code -Droundtrip.home} moves it; tests use a temp
 * dir). Writes go through {@link AtomicFile}. A file that cannot be read is never overwritten:
 * it is moved aside to {@code progress.json.unreadable} and {@link #problem()} says so.
 */
public final class ProgressStore {
    private static final String FORMAT = "roundtrip-progress";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, LessonProgress> lessons = new LinkedHashMap<>();
    private Phrase problem;
    /** The unreadable file could not be moved aside: writing would overwrite it. */
    private boolean unwritable;

    public ProgressStore(Path file) {
        this.file = file;
        read();
    }

    /** The store of the user running the app. */
    public static ProgressStore forUser() {
        return new ProgressStore(RoundtripHome.progressFile());
    }

    public Path file() {
        return file;
    }

    /** Why the saved progress could not be read, if it could not (in the language in use). */
    public Optional<String> problem() {
        return Optional.ofNullable(problem).map(Phrase::inUse);
    }

    public synchronized LessonProgress get(String lessonId) {
        return lessons.getOrDefault(lessonId, LessonProgress.fresh(lessonId));
    }

    public synchronized Map<String, LessonProgress> all() {
        return Map.copyOf(lessons);
    }

    public synchronized void save(LessonProgress progress) throws IOException {
        lessons.put(progress.lessonId(), progress);
        write();
    }

    public synchronized void reset(String lessonId) throws IOException {
        if (lessons.remove(lessonId) != null) write();
    }

    private void read() {
        if (!Files.exists(file)) return;
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new NotProgress();
            }
            JsonNode ls = root.path("lessons");
            for (var it = ls.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode p = e.getValue();
                Set<Integer> done = new TreeSet<>();
                for (JsonNode n : p.path("completedSteps")) done.add(n.asInt());
                int current = Math.max(1, p.path("currentStep").asInt(1));
                Instant at = p.hasNonNull("updatedAt") ? Instant.parse(p.get("updatedAt").asText()) : Instant.EPOCH;
                Map<Integer, Boolean> predictions = new java.util.TreeMap<>();
                for (var pr = p.path("predictions").fields(); pr.hasNext(); ) {
                    var x = pr.next();
                    predictions.put(Integer.parseInt(x.getKey()), x.getValue().asBoolean());
                }
                lessons.put(e.getKey(), new LessonProgress(e.getKey(), current, done, at, predictions));
            }
        } catch (IOException | RuntimeException e) {
            lessons.clear();
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            Object why = e instanceof NotProgress ? Phrase.of("lesson.problem.notProgress") : String.valueOf(e.getMessage());
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                problem = Phrase.of("lesson.problem.unreadable", file.toString(), why, aside.toString());
            } catch (IOException moveFailed) {
                problem = Phrase.of("lesson.problem.unreadableStuck", file.toString(), why);
                unwritable = true;
            }
        }
    }

    /** JSON, but not a progress file (the JSON parser's own reasons are kept in its words). */
    private static final class NotProgress extends IOException {
        NotProgress() {
            super(FORMAT);
        }
    }

    private void write() throws IOException {
        if (unwritable) return;
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        ObjectNode ls = root.putObject("lessons");
        for (LessonProgress p : lessons.values()) {
            ObjectNode o = ls.putObject(p.lessonId());
            o.put("currentStep", p.currentStep());
            ArrayNode done = o.putArray("completedSteps");
            new TreeSet<>(p.completedSteps()).forEach(done::add);
            if (!p.predictions().isEmpty()) {
                ObjectNode pr = o.putObject("predictions");
                new java.util.TreeMap<>(p.predictions()).forEach((step, right) -> pr.put(String.valueOf(step), right));
            }
            o.put("updatedAt", p.updatedAt().toString());
        }
        AtomicFile.write(file, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, root));
    }
}
