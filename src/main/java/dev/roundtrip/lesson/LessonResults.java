package dev.roundtrip.lesson;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roundtrip.files.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A lesson's results for the teacher (Packet Tracer's "Check results"): per step the prediction,
 * the answer, the measurement, right or wrong, and the time taken; written as CSV (one row per
 * step, for a spreadsheet) or JSON (the same, with totals). Files are written atomically.
 */
public final class LessonResults {
    /** The CSV header; the first seven are the columns a teacher's sheet can rely on. */
    public static final List<String> COLUMNS = List.of("step", "question", "prediction", "answer", "measured", "correct", "seconds",
            "prediction_correct", "prediction_measured", "explanation", "attempts");

    private static final ObjectMapper JSON = new ObjectMapper();

    private LessonResults() {}

    /** Writes {@code .json} as JSON and anything else as CSV. */
    public static void write(Path file, Lesson lesson, List<StepResult> results) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        AtomicFile.writeString(file, name.endsWith(".json") ? json(lesson, results, Instant.now()) : csv(results));
    }

    public static String csv(List<StepResult> results) {
        StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (StepResult r : results) {
            List<String> cells = List.of(String.valueOf(r.step()), text(r.question()), text(r.prediction()), text(r.answer()),
                    value(r.measured()), verdict(r.verdict()), r.seconds() == null ? "" : String.format(Locale.ROOT, "%.1f", r.seconds()),
                    verdict(r.predictionVerdict()), value(r.predictedAgainst()), text(r.explanation()), String.valueOf(r.attempts()));
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) b.append(',');
                b.append(quote(cells.get(i)));
            }
            b.append("\r\n");
        }
        return b.toString();
    }

    public static String json(Lesson lesson, List<StepResult> results, Instant at) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "roundtrip-lesson-results");
        root.put("version", 1);
        root.put("lesson", lesson.id());
        root.put("title", lesson.title());
        root.put("exportedAt", at.toString());
        ObjectNode totals = root.putObject("totals");
        totals.put("questions", results.stream().filter(r -> r.question() != null).count());
        totals.put("answeredRight", results.stream().filter(r -> r.verdict() == CheckResult.Verdict.CORRECT).count());
        totals.put("predictions", results.stream().filter(r -> r.prediction() != null).count());
        totals.put("predictionsRight", results.stream().filter(r -> r.predictionVerdict() == CheckResult.Verdict.CORRECT).count());
        ArrayNode steps = root.putArray("steps");
        for (StepResult r : results) {
            ObjectNode o = steps.addObject();
            o.put("step", r.step());
            o.put("question", r.question());
            o.put("prediction", r.prediction());
            o.put("predictionCorrect", verdict(r.predictionVerdict()));
            o.put("predictionMeasured", value(r.predictedAgainst()));
            o.put("explanation", r.explanation());
            o.put("answer", r.answer());
            o.put("measured", value(r.measured()));
            o.put("correct", verdict(r.verdict()));
            o.put("attempts", r.attempts());
            if (r.seconds() == null) o.putNull("seconds");
            else o.put("seconds", Math.round(r.seconds() * 10) / 10.0);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("results could not be written as JSON", e);
        }
    }

    /** true, false, "not judged" (could not be measured in this run), or empty (not answered). */
    static String verdict(CheckResult.Verdict v) {
        if (v == null || v == CheckResult.Verdict.INVALID_INPUT) return "";
        switch (v) {
            case CORRECT: return "true";
            case WRONG: return "false";
            default: return "not judged";
        }
    }

    private static String value(ReadoutValue v) {
        return v == null ? "" : v.plain();
    }

    /** A student's text must not become a spreadsheet formula. */
    private static String text(String s) {
        if (s == null) return "";
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && Checker.parseNumber(s) == null) return "'" + s;
        return s;
    }

    private static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
