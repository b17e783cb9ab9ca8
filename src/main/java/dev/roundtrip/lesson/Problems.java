package dev.roundtrip.lesson;

import dev.roundtrip.trace.Phrase;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the errors of one lesson file, each placed at the YAML node it concerns. */
final class Problems {
    private final String file;
    private final List<LessonError> errors = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    /** The same, said as a phrase (shown in the language in use). */
    void at(Node node, String path, Phrase said) {
        at(node == null ? null : node.getStartMark(), path, said);
    }

    void at(Mark mark, String path, Phrase said) {
        errors.add(new LessonError(file, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1, path, said));
    }

    void whole(Phrase said) {
        errors.add(new LessonError(file, 0, 0, "", said));
    }

    /** In the order they appear in the file, so a teacher can fix them top to bottom. */
    List<LessonError> errors() {
        List<LessonError> sorted = new ArrayList<>(errors);
        sorted.sort(java.util.Comparator.comparingInt(LessonError::line).thenComparingInt(LessonError::column));
        return List.copyOf(sorted);
    }

    int count() {
        return errors.size();
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }
}
