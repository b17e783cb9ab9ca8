package dev.roundtrip.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundtripHomeTest {
    @Test
    void everyPerUserPathIsInTheOneFolderThePropertyMoves(@TempDir Path dir) {
        String old = System.getProperty(RoundtripHome.PROPERTY);
        try {
            System.setProperty(RoundtripHome.PROPERTY, dir.toString());
            assertThat(RoundtripHome.dir()).isEqualTo(dir);
            assertThat(RoundtripHome.progressFile()).isEqualTo(dir.resolve("progress.json"));
            assertThat(RoundtripHome.recentFiles()).isEqualTo(dir.resolve("recent.json"));
            assertThat(RoundtripHome.autosaveFile(42)).isEqualTo(dir.resolve("autosave-42.roundtrip.json"));
            assertThat(dir.getFileSystem().getPathMatcher("glob:" + RoundtripHome.AUTOSAVE_GLOB)
                    .matches(RoundtripHome.autosaveFile(42).getFileName())).isTrue();
            System.clearProperty(RoundtripHome.PROPERTY);
            assertThat(RoundtripHome.dir()).isEqualTo(Path.of(System.getProperty("user.home"), ".roundtrip"));
        } finally {
            if (old == null) System.clearProperty(RoundtripHome.PROPERTY);
            else System.setProperty(RoundtripHome.PROPERTY, old);
        }
    }
}
