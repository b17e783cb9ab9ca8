package dev.roundtrip.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders our diagrams with the real tools when they are installed (skipped otherwise):
 * {@code -Droundtrip.mmdc=/path/to/mmdc} (mermaid-cli; {@code -Droundtrip.mmdc.puppeteer=config.json}
 * to point it at a system Chromium) and {@code -Droundtrip.plantuml=/path/to/plantuml.jar}.
 */
class DiagramToolsTest {
    @TempDir
    Path dir;

    private static int run(List<String> command, Path log) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    @Test
    void mermaidCliRendersEveryExchangeAndTheWholeRecording() throws Exception {
        String mmdc = System.getProperty("roundtrip.mmdc");
        assumeTrue(mmdc != null && Files.isExecutable(Path.of(mmdc)), "mermaid-cli not configured (-Droundtrip.mmdc)");
        Recording r = SampleRecordings.session();
        Path in = dir.resolve("session.mmd");
        Files.writeString(in, MermaidDiagram.of(r));
        List<String> cmd = new ArrayList<>(List.of(mmdc, "-i", in.toString(), "-o", dir.resolve("session.svg").toString()));
        String config = System.getProperty("roundtrip.mmdc.puppeteer");
        if (config != null) cmd.addAll(List.of("-p", config));
        Path log = dir.resolve("mmdc.log");
        assertThat(run(cmd, log)).as(Files.exists(log) ? Files.readString(log) : "").isZero();
        String svg = Files.readString(dir.resolve("session.svg"));
        assertThat(svg).contains("end;a=1#x:y?q=end%20now").contains("Server kernel");
    }

    @Test
    void plantUmlAcceptsTheSyntax() throws Exception {
        String jar = System.getProperty("roundtrip.plantuml");
        assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), "PlantUML not configured (-Droundtrip.plantuml)");
        Path in = dir.resolve("session.puml");
        Files.writeString(in, PlantUmlDiagram.of(SampleRecordings.session()));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("plantuml.log");
        int rc = run(List.of(java.toString(), "-Djava.awt.headless=true", "-jar", jar, "-checkonly", "-failfast2", in.toString()), log);
        assertThat(rc).as(Files.readString(log)).isZero();
    }
}
