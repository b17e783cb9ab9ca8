package dev.roundtrip.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --smoke --headless}: the real app starts, draws its first frame, waits for its engine, says when, and exits 0. */
class SmokeFlagTest {
    @Test
    void startsDrawsTheFirstFrameAndExits(@TempDir Path home) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = home.resolve("out.txt");
        Process p = new ProcessBuilder(javaBin.toString(), "-Droundtrip.home=" + home, "-cp", System.getProperty("java.class.path"),
                "dev.roundtrip.Launcher", "--smoke", "--headless")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(90, TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("exited by itself; output:%n%s", out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).containsPattern("first frame \\d+ ms after JVM start, headless");
        assertThat(out).containsPattern("; engine up \\d+ \\(cpu \\d+\\) on a thread of its own");
    }
}
