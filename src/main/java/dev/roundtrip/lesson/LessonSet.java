package dev.roundtrip.lesson;

import java.util.List;
import java.util.Optional;

/** What loading found: the lessons that are sound, in id order, and every error in the others. */
public record LessonSet(List<Lesson> lessons, List<LessonError> errors) {
    public LessonSet {
        lessons = List.copyOf(lessons);
        errors = List.copyOf(errors);
    }

    public Optional<Lesson> find(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
