package dev.roundtrip.record;

import dev.roundtrip.trace.Phrase;
import java.util.Optional;

/**
 * A file that cannot be opened as a recording or a HAR: it names the file and, where they apply,
 * the line, the column, the JSON path of the field, what was expected and what was found, e.g.
 * <pre>
 * lesson.roundtrip.json:14:7: exchanges[0].events[3].stage: expected one of send|parse|process|respond|interpret, found "sned"
 * </pre>
 * {@link #getMessage()} is that whole sentence, ready to show to a user. Nothing was loaded when it
 * is thrown: the caller's current recording is untouched. {@link #getLocalizedMessage()} is the same
 * sentence in the language in use (the app's notice, the CLI), where the problem has its words.
 */
public final class RecordingFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String path;
    private final String problem;
    private final transient Phrase said;

    /**
     * @param file the file name as the user knows it
     * @param line 1-based line, or 0 when the problem is not at a place in the file (size, binary)
     * @param column 1-based column, or 0
     * @param path the JSON path of the field ("exchanges[0].events[3].stage"), or null
     * @param problem what was expected and what was found
     */
    public RecordingFormatException(String file, int line, int column, String path, String problem) {
        this(file, line, column, path, problem, null);
    }

    public RecordingFormatException(String file, int line, int column, String path, String problem, Throwable cause) {
        this(file, line, column, path, problem, null, cause);
    }

    /** The same, the problem said as a phrase (its English is {@link #problem()}). */
    public RecordingFormatException(String file, int line, int column, String path, Phrase problem, Throwable cause) {
        this(file, line, column, path, problem.english(), problem, cause);
    }

    private RecordingFormatException(String file, int line, int column, String path, String problem, Phrase said, Throwable cause) {
        super(format(file, line, column, path, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.path = path;
        this.problem = problem;
        this.said = said;
    }

    /** A problem with the file as a whole (too large, binary, unreadable). */
    public static RecordingFormatException whole(String file, String problem) {
        return new RecordingFormatException(file, 0, 0, null, problem);
    }

    /** The same, said as a phrase. */
    public static RecordingFormatException whole(String file, Phrase problem) {
        return new RecordingFormatException(file, 0, 0, null, problem, null);
    }

    /** The message in the language in use: file, line, column and path as in English, the problem in words. */
    @Override
    public String getLocalizedMessage() {
        return said == null ? getMessage() : format(file, line, column, path, said.inUse());
    }

    private static String format(String file, int line, int column, String path, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) sb.append(':').append(line);
        if (line > 0 && column > 0) sb.append(':').append(column);
        sb.append(": ");
        if (path != null && !path.isEmpty()) sb.append(path).append(": ");
        return sb.append(problem).toString();
    }

    public String file() { return file; }

    /** 1-based, or empty when the problem is not at one place in the file. */
    public Optional<Integer> line() { return line > 0 ? Optional.of(line) : Optional.empty(); }

    public Optional<Integer> column() { return column > 0 ? Optional.of(column) : Optional.empty(); }

    /** JSON path of the offending field, e.g. {@code exchanges[0].events[3].stage}. */
    public Optional<String> path() { return Optional.ofNullable(path).filter(p -> !p.isEmpty()); }

    /** The problem as a phrase, or null when it is known in English only. */
    Phrase said() { return said; }

    /** What was expected and what was found, without the location prefix. */
    public String problem() { return problem; }
}
