package dev.roundtrip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code snapshot} in a JVM of its own with no display, as {@code java -jar roundtrip.jar snapshot} runs it. */
class SnapshotCommandTest {
    @TempDir
    Path dir;

    private Process run(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.roundtrip.Launcher", "snapshot"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        return pb.start();
    }

    @Test
    void rendersTheMainWindowAfterTheExchangeWithoutADisplay() throws Exception {
        Path out = dir.resolve("app.png");
        Process p = run("--out", out.toString(), "--width", "1200", "--height", "800", "--send", "GET", "/users/1");
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("Wrote " + out + " (1200×800)");
        BufferedImage img = ImageIO.read(out.toFile());
        assertThat(img.getWidth()).isEqualTo(1200);
        assertThat(img.getHeight()).isEqualTo(800);
        // a real picture, not a blank: many distinct colours (text, icons, the green 200 badge)
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y));
        assertThat(colours.size()).isGreaterThan(50);
        assertThat(colours).anyMatch(SnapshotCommandTest::isGreen);
    }

    private static boolean isGreen(int rgb) {
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        return g > 120 && g > r + 50 && g > b + 30;
    }

    @Test
    void refusesAnOutputThatIsNotAPngAndSaysWhy() throws Exception {
        Process p = run("--out", dir.resolve("app.jpg").toString());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isNotZero();
        assertThat(output).contains("--out must name a .png file");
        assertThat(Files.exists(dir.resolve("app.jpg"))).isFalse();
    }
}
