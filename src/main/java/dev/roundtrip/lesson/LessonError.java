package dev.roundtrip.lesson;

import dev.roundtrip.trace.Phrase;

/**
 * One problem found in a lesson file, located precisely enough to fix it without reading code.
 *
 * @param file the file as the user named it ({@code lessons/05-the-kernels-role.yaml})
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param path where in the lesson ({@code steps[3].action}), or empty for the whole file
 * @param message what is wrong and what was expected, in English
 * @param said the same as a phrase, for {@link #inUse()}; null for a message in English only
 */
public record LessonError(String file, int line, int column, String path, String message, Phrase said) {
    public LessonError(String file, int line, int column, String path, String message) {
        this(file, line, column, path, message, null);
    }

    LessonError(String file, int line, int column, String path, Phrase said) {
        this(file, line, column, path, said.english(), said);
    }

    /** "file:line:column: path: message", in English. */
    @Override
    public String toString() {
        return located(message);
    }

    /** The whole located message as a phrase, to be said inside another one. */
    Phrase located() {
        return Phrase.of("lesson.located", located(""), said == null ? message : said);
    }

    /** The same in the language in use: what {@code lesson validate} and the app show. */
    public String inUse() {
        return located(said == null ? message : said.inUse());
    }

    private String located(String message) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) b.append(':').append(column);
        }
        b.append(": ");
        if (!path.isEmpty()) b.append(path).append(": ");
        return b.append(message).toString();
    }
}
