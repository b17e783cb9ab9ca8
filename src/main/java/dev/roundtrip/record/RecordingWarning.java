package dev.roundtrip.record;

import dev.roundtrip.trace.Phrase;

/**
 * Something in a file that was opened anyway but is doubtful (a HAR {@code time} of -1, timings
 * that do not add up to it), placed like a {@link RecordingFormatException}:
 * <pre>
 * chrome.har:41:15: log.entries[3].time: -1 (not known); the timings are used instead
 * </pre>
 * {@link #toString()} is that sentence, ready to print ({@code import}) or show (the app's bar).
 *
 * @param file the file as the user named it
 * @param line 1-based line, or 0 when not at one place
 * @param column 1-based column, or 0
 * @param path the JSON path of the value, naming the entry ({@code log.entries[3].time}), or ""
 * @param message what is doubtful and what was done with it, in English
 * @param said the same as a phrase, for {@link #inUse()}; null for a message in English only
 */
public record RecordingWarning(String file, int line, int column, String path, String message, Phrase said) {
    public RecordingWarning {
        path = path == null ? "" : path;
    }

    public RecordingWarning(String file, int line, int column, String path, String message) {
        this(file, line, column, path, message, null);
    }

    RecordingWarning(String file, int line, int column, String path, Phrase said) {
        this(file, line, column, path, said.english(), said);
    }

    /** The warning a refusal of the same value would have been, kept with its place. */
    static RecordingWarning of(RecordingFormatException placed) {
        return new RecordingWarning(placed.file(), placed.line().orElse(0), placed.column().orElse(0),
                placed.path().orElse(""), placed.problem(), placed.said());
    }

    /** The same sentence in the language in use (the place as in English, the words translated). */
    public String inUse() {
        return located(said == null ? message : said.inUse());
    }

    @Override
    public String toString() {
        return located(message);
    }

    private String located(String message) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) sb.append(':').append(line);
        if (line > 0 && column > 0) sb.append(':').append(column);
        sb.append(": ");
        if (!path.isEmpty()) sb.append(path).append(": ");
        return sb.append(message).toString();
    }
}
