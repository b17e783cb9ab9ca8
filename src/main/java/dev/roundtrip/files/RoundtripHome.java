package dev.roundtrip.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place per-user files live: {@code ~/.roundtrip}, or the folder named by the system
 * property {@value #PROPERTY} (tests point it at a temporary directory). Every per-user path comes
 * from here:
 * <ul>
 *   <li>{@link #progressFile()}: lesson progress;</li>
 *   <li>{@link #recentFiles()}: the recent-files menu;</li>
 *   <li>{@link #autosaveFile(long)}: the autosave of one process (see {@link #AUTOSAVE_GLOB});</li>
 *   <li>{@link #tlsDir()}: the TLS port's localhost certificate and key.</li>
 * </ul>
 */
public final class RoundtripHome {
    public static final String PROPERTY = "roundtrip.home";
    /** The lesson progress file's name. */
    public static final String PROGRESS_FILE_NAME = "progress.json";
    /** The recent-files list's name. */
    public static final String RECENT_FILE_NAME = "recent.json";
    /** Autosave files in {@link #dir()} match this glob. */
    public static final String AUTOSAVE_GLOB = "autosave-*.roundtrip.json";

    private RoundtripHome() {}

    /** The folder (not created). */
    public static Path dir() {
        String relocated = System.getProperty(PROPERTY);
        if (relocated != null && !relocated.isBlank()) return Path.of(relocated);
        return Path.of(System.getProperty("user.home"), ".roundtrip");
    }

    /** The folder, created if needed. */
    public static Path ensureDir() throws IOException {
        return Files.createDirectories(dir());
    }

    /** {@code <home>/progress.json} (not created). */
    public static Path progressFile() {
        return dir().resolve(PROGRESS_FILE_NAME);
    }

    /** {@code <home>/recent.json} (not created). */
    public static Path recentFiles() {
        return dir().resolve(RECENT_FILE_NAME);
    }

    /** {@code <home>/tls}, where the localhost certificate is kept (not created). */
    public static Path tlsDir() {
        return dir().resolve("tls");
    }

    /** {@code <home>/autosave-<pid>.roundtrip.json} (not created). */
    public static Path autosaveFile(long pid) {
        return dir().resolve("autosave-" + pid + ".roundtrip.json");
    }
}
