package dev.roundtrip.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 a process in the middle of autosaving: its autosave is a complete recording, offered as a leftover. */
class AutosaveKillTest {
    @TempDir
    Path home;

    @Test
    void aKilledSessionLeavesAnAutosaveThatOpens() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                AutosaveChild.class.getName(), home.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int saves = 0;
            while (saves < 5 && (line = out.readLine()) != null) {
                if (line.startsWith("saves=")) saves = Integer.parseInt(line.substring(6, line.indexOf(' ')));
            }
            assertThat(saves).as("the child autosaved several times").isGreaterThanOrEqualTo(5);
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no final save
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        List<Path> leftovers = Autosave.leftovers(home);
        assertThat(leftovers).hasSize(1);
        assertThat(leftovers.get(0).getFileName().toString()).isEqualTo("autosave-" + child.pid() + ".roundtrip.json");
        Recording restored = RecordingFiles.open(leftovers.get(0));
        assertThat(restored.exchanges()).hasSizeGreaterThanOrEqualTo(1);
        Recording expected = new Recording(SampleRecordings.START);
        SampleRecordings.usersOne(expected, 1, 10_000_000L);
        assertThat(restored.exchanges().get(0).events()).containsExactlyElementsOf(expected.exchanges().get(0).events());
        assertThat(restored.exchanges().get(0).end()).isEqualTo(expected.exchanges().get(0).end());
        Autosave.deleteLeftover(leftovers.get(0));
        try (var files = java.nio.file.Files.list(home)) {
            assertThat(files).as("the leftover and any temporary file of the killed save are gone").isEmpty();
        }
    }
}
