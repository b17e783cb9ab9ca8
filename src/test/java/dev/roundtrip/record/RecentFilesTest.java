package dev.roundtrip.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.files.RoundtripHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {
    @TempDir
    Path dir;

    @Test
    void mostRecentFirstWithoutDuplicatesAndPersisted() throws Exception {
        Path store = dir.resolve("recent.json");
        RecentFiles recent = RecentFiles.load(store);
        Path a = dir.resolve("a.roundtrip.json");
        Path b = dir.resolve("b.roundtrip.json");
        recent.add(a);
        recent.add(b);
        recent.add(dir.resolve("x/../a.roundtrip.json"));

        assertThat(recent.list()).containsExactly(a, b);
        assertThat(RecentFiles.load(store).list()).containsExactly(a, b);

        recent.remove(b);
        assertThat(RecentFiles.load(store).list()).containsExactly(a);
    }

    @Test
    void keepsAtMostTen() throws Exception {
        RecentFiles recent = RecentFiles.load(dir.resolve("recent.json"));
        for (int i = 0; i < 15; i++) recent.add(dir.resolve("f" + i + ".har"));
        assertThat(recent.list()).hasSize(RecentFiles.MAX);
        assertThat(recent.list().get(0)).isEqualTo(dir.resolve("f14.har"));
        assertThat(recent.list()).doesNotContain(dir.resolve("f4.har"));
    }

    @Test
    void aBrokenListFileReadsAsEmpty() throws Exception {
        Path store = dir.resolve("recent.json");
        Files.writeString(store, "{ not json");
        assertThat(RecentFiles.load(store).list()).isEmpty();
    }

    @Test
    void theDefaultLocationFollowsTheHomeProperty() throws Exception {
        String old = System.getProperty(RoundtripHome.PROPERTY);
        System.setProperty(RoundtripHome.PROPERTY, dir.toString());
        try {
            RecentFiles.load().add(dir.resolve("z.har"));
            assertThat(dir.resolve("recent.json")).exists();
            assertThat(RecentFiles.load().list()).containsExactly(dir.resolve("z.har"));
        } finally {
            if (old == null) System.clearProperty(RoundtripHome.PROPERTY);
            else System.setProperty(RoundtripHome.PROPERTY, old);
        }
    }
}
