package dev.roundtrip.ui.recordings;

import dev.roundtrip.record.RecordingFiles;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** File names the app proposes and completes: {@code *.roundtrip.json}, {@code *.har}, {@code *.mmd}, {@code *.puml}. */
public final class RecordingFileNames {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT);

    private RecordingFileNames() {}

    public static boolean isRecording(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(RecordingFiles.EXTENSION);
    }

    /** {@code f} with {@code extension} appended unless it already ends with it (a user who typed "lesson1"). */
    public static Path withExtension(Path f, String extension) {
        String n = f.getFileName().toString();
        if (n.toLowerCase(Locale.ROOT).endsWith(extension)) return f;
        return f.resolveSibling(n + extension);
    }

    /** "lesson1" for lesson1.roundtrip.json or lesson1.har; "session-20261124-0915" for the live session. */
    public static String baseName(Session s, LocalDateTime now) {
        if (s.file() == null) return "session-" + STAMP.format(now);
        String n = s.file().getFileName().toString();
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.endsWith(RecordingFiles.EXTENSION)) return n.substring(0, n.length() - RecordingFiles.EXTENSION.length());
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
