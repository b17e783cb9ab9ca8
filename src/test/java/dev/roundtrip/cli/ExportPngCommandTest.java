package dev.roundtrip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.record.RecordingFiles;
import dev.roundtrip.record.SampleRecordings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --to png} in a JVM of its own without a display, as {@code java -jar roundtrip.jar export} runs it. */
class ExportPngCommandTest {
    @TempDir
    Path dir;

    private Path session;

    @BeforeEach
    void file() throws Exception {
        session = dir.resolve("lesson1" + RecordingFiles.EXTENSION);
        RecordingFiles.save(SampleRecordings.session(), session);
    }

    private Result run(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.roundtrip.Launcher", "export"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {}

    @Test
    void drawsTheChosenExchangesDiagramAtTheAskedSize() throws Exception {
        Path png = dir.resolve("users.png");
        Result r = run(session.toString(), "--to", "png", "--exchange", "2", "--out", png.toString(), "--width", "1000", "--height", "700");

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("wrote the diagram of #2 GET /nope to " + png + " (1000×700)");
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1000);
        assertThat(img.getHeight()).isEqualTo(700);
        // a drawn diagram, not a blank: many colours, and the red of a 404 badge
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y));
        assertThat(colours.size()).isGreaterThan(30);
        assertThat(colours).anyMatch(ExportPngCommandTest::isRed);
    }

    @Test
    void withoutOptionsTheLastExchangeIsDrawnNextToTheWorkingFolder() throws Exception {
        Result r = run(session.toString(), "--to", "png");

        assertThat(r.exit()).as(r.output()).isZero();
        Path png = Path.of("lesson1-7.png");
        assertThat(r.output()).contains("#7 GET /").contains(png + " (1400×900)");
        BufferedImage img = ImageIO.read(dir.resolve(png).toFile());
        assertThat(img.getWidth()).isEqualTo(1400);
        assertThat(img.getHeight()).isEqualTo(900);
    }

    @Test
    void refusesTwoExchangesAndANonPngOutput() throws Exception {
        Result two = run(session.toString(), "--to", "png", "--exchange", "1", "--exchange", "2");
        assertThat(two.exit()).isEqualTo(1);
        assertThat(two.output()).contains("--to png draws one exchange; give one --exchange ID (the recording has [1, 2, 3, 4, 5, 6, 7])");

        Result jpg = run(session.toString(), "--to", "png", "--out", dir.resolve("d.jpg").toString());
        assertThat(jpg.exit()).isEqualTo(1);
        assertThat(jpg.output()).contains("--out must name a .png file");
        assertThat(dir.resolve("d.jpg")).doesNotExist();
    }

    private static boolean isRed(int rgb) {
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        return r > 150 && r > g + 60 && r > b + 60;
    }
}
