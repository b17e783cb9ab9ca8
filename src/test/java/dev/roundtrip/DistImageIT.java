package dev.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app image of {@code mvn -Pdist} (which names its launcher in {@code dist.launcher}): it starts
 * headless from its own launcher with its own runtime, and its AppCDS archive is used (with
 * {@code -Xshare:on} a JVM that cannot map it refuses to start), the app's classes coming from it.
 */
class DistImageIT {
    @TempDir
    Path dir;

    @Test
    void theImageStartsFromItsOwnLauncherOnItsStartUpArchive() throws Exception {
        String launcher = System.getProperty("dist.launcher");
        assumeTrue(launcher != null, "the app image is built by mvn -Pdist");
        assertThat(Path.of(launcher)).isExecutable();
        Path loaded = dir.resolve("classes.txt");
        ProcessBuilder pb = new ProcessBuilder(List.of(launcher, "--smoke", "--headless")).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+load=info:file=" + loaded
                + " -Droundtrip.home=" + dir.resolve("home") + " -Djavafx.cachedir=" + dir.resolve("javafx"));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        // a Windows launcher is a GUI program without a console: nothing to read there
        if (!System.getProperty("os.name", "").startsWith("Windows")) assertThat(output).contains("first frame");
        List<String> lines = Files.readAllLines(loaded);
        assertThat(lines).anyMatch(l -> l.contains("dev.roundtrip.Launcher source: shared objects file (top)"));
        assertThat(lines).anyMatch(l -> l.contains("javafx.scene.Scene source: shared objects file (top)"));
        assertThat(lines).anyMatch(l -> l.contains("java.lang.Object source: shared objects file"));
        assertThat(lines).noneMatch(l -> l.contains("java.lang.Object source: jrt:/"));
    }
}
