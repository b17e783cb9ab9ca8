package dev.roundtrip.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The per-user folder for autosaves and the recent-files list: {@code ~/.roundtrip}, or the folder
 * named by the system property {@value #PROPERTY} (tests point it at a temporary directory).
 */
public final class RoundtripHome {
    public static final String PROPERTY = "roundtrip.home";

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
}
