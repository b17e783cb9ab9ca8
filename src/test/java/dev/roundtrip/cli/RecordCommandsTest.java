package dev.roundtrip.cli;

import static dev.roundtrip.record.SampleRecordings.assertSameRecording;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.record.HarImport;
import dev.roundtrip.record.Recording;
import dev.roundtrip.record.RecordingFiles;
import dev.roundtrip.record.SampleRecordings;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RecordCommandsTest {
    @TempDir
    Path dir;

    Path session;
    Path chromeHar;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void files() throws Exception {
        session = dir.resolve("session" + RecordingFiles.EXTENSION);
        RecordingFiles.save(SampleRecordings.session(), session);
        chromeHar = dir.resolve("chrome.har");
        try (InputStream in = getClass().getResourceAsStream("/har/chrome-style.har")) {
            Files.write(chromeHar, in.readAllBytes());
        }
    }

    private int run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void replayPrintsTheTimelineWithReadoutsAndUnavailableOnes() {
        assertThat(run(new ReplayCommand(), session.toString())).isZero();
        String text = out.toString();
        assertThat(text).contains("7 exchanges");
        assertThat(text).contains("#1 GET /users/1 → 200 OK (6.1 ms)  [connection 11, completed]");
        assertThat(text).containsPattern("send +progress +client_kernel +wrote \\d+ bytes \\| bytes \\d+ \\| buffer cap 256");
        assertThat(text).contains("gate       held     before parse | kernel rx ");
        assertThat(text).contains("sql 1 row in 812 µs: SELECT id, name FROM users WHERE id = ?");
        assertThat(text).contains("kernel rx n/a tx n/a rcvbuf 65536 sndbuf 65536 (not available on this platform");
        assertThat(text).contains("allocated n/a");
        assertThat(text).contains("end        cancelled: the client left before the answer");
        assertThat(text).containsPattern("stages: send 85\\.5 µs \\(\\d+ bytes\\) \\| parse 200 µs \\(\\d+ bytes\\) \\| process 1\\.25 ms \\| respond 150 µs \\(\\d+ bytes\\) \\| interpret 200 µs \\(\\d+ bytes\\)");
        assertThat(text).contains("respond 100 µs ERROR | interpret -");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void replayReadsAHarAndCanPickExchanges() {
        assertThat(run(new ReplayCommand(), chromeHar.toString(), "--exchange", "3")).isZero();
        assertThat(out.toString()).contains("#3 POST /echo → CANCELLED").doesNotContain("#1 GET");
    }

    @Test
    void replayOfABadFileSaysWhyAndFails() throws Exception {
        Path bad = dir.resolve("bad.roundtrip.json");
        Files.writeString(bad, "{\"format\": \"roundtrip-recording\", \"version\": 9}");
        assertThat(run(new ReplayCommand(), bad.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("replay: " + bad + ":1:46: version: this recording is version 9");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void exportHarWritesAFileThatImportsBackToTheSameRecording() throws Exception {
        Path har = dir.resolve("out.har");
        assertThat(run(new ExportCommand(), session.toString(), "--to", "har", "--out", har.toString())).isZero();
        assertThat(err.toString()).contains("wrote har of 7 exchanges to " + har);
        assertSameRecording(HarImport.read(Files.readAllBytes(har), "out.har"), SampleRecordings.session());
    }

    @Test
    void exportDiagramsToStandardOutputForOneExchange() {
        assertThat(run(new ExportCommand(), session.toString(), "--to", "mermaid", "--exchange", "2")).isZero();
        assertThat(out.toString()).startsWith("sequenceDiagram\n").contains("#35;2 GET /nope").doesNotContain("#35;1 GET");

        out.getBuffer().setLength(0);
        assertThat(run(new ExportCommand(), session.toString(), "--to", "plantuml")).isZero();
        assertThat(out.toString()).startsWith("@startuml\n").endsWith("@enduml\n").contains("== #7 GET /");
    }

    @Test
    void exportOfABigSessionToMermaidWritesOneFileForEachDiagramAndNamesThem() throws Exception {
        Path big = dir.resolve("big" + RecordingFiles.EXTENSION);
        RecordingFiles.save(SampleRecordings.crowded(60, 27_600, 200), big);
        Path target = dir.resolve("big.mmd");

        assertThat(run(new ExportCommand(), big.toString(), "--to", "mermaid", "--out", target.toString())).isZero();
        assertThat(err.toString()).contains("wrote mermaid of 60 exchanges as ").contains("diagrams (Mermaid draws at most 50,000 characters in one): "
                + dir.resolve("big-1.mmd") + ", " + dir.resolve("big-2.mmd"));
        assertThat(Files.readString(dir.resolve("big-2.mmd"))).startsWith("sequenceDiagram\n");

        err.getBuffer().setLength(0);
        assertThat(run(new ExportCommand(), big.toString(), "--to", "mermaid")).isZero();
        assertThat(out.toString()).startsWith("sequenceDiagram\n").contains("\n%% diagram 2 of ");
        assertThat(err.toString()).contains("--out FILE writes one file each");
    }

    @Test
    void exportRefusesUnknownFormatsAndExchanges() {
        assertThat(run(new ExportCommand(), session.toString(), "--to", "svg")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--to'").contains("har, mermaid, plantuml, png");
        err.getBuffer().setLength(0);
        assertThat(run(new ExportCommand(), session.toString(), "--to", "har", "--exchange", "99")).isEqualTo(1);
        assertThat(err.toString()).contains("no exchange 99 in this recording; it has [1, 2, 3, 4, 5, 6, 7]");
    }

    @Test
    void exportOfABadFileWritesNothing() throws Exception {
        Path bad = dir.resolve("trunc.roundtrip.json");
        Files.writeString(bad, "{\"format\": \"roundtrip-recording\", \"version\": 1, \"exchanges\": [");
        Path target = dir.resolve("x.har");
        Files.writeString(target, "old");
        assertThat(run(new ExportCommand(), bad.toString(), "--to", "har", "--out", target.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("the file ends too early (truncated?)");
        assertThat(Files.readString(target)).isEqualTo("old");
    }

    @Test
    void doubtfulFiguresOfAHarAreNamedByImportAndReplay() throws Exception {
        Path doubtful = dir.resolve("doubtful.har");
        Files.writeString(doubtful, Files.readString(chromeHar).replaceFirst("\"time\": 6\\.478000000000001", "\"time\": -1"));
        assertThat(run(new ReplayCommand(), doubtful.toString())).isZero();
        assertThat(err.toString()).startsWith("replay: warning: " + doubtful + ":").contains("-1 (not known)");
        err.getBuffer().setLength(0);
        assertThat(run(new ImportCommand(), doubtful.toString())).isZero();
        assertThat(err.toString()).startsWith("import: warning: " + doubtful + ":");
    }

    @Test
    void importWritesARecordingBesideTheHar() throws Exception {
        assertThat(run(new ImportCommand(), chromeHar.toString())).isZero();
        Path written = dir.resolve("chrome" + RecordingFiles.EXTENSION);
        assertThat(out.toString()).contains("imported 3 exchanges").contains(written.toString());
        Recording expected = HarImport.read(Files.readAllBytes(chromeHar), "chrome.har");
        assertSameRecording(RecordingFiles.open(written), expected);

        out.getBuffer().setLength(0);
        assertThat(run(new ImportCommand(), chromeHar.toString())).as("no silent overwrite").isEqualTo(1);
        assertThat(err.toString()).contains("exists; choose another --out or add --force");
        assertThat(run(new ImportCommand(), chromeHar.toString(), "--force")).isZero();
    }

    @Test
    void importOfABadHarNamesTheFieldAndWritesNothing() throws Exception {
        Path bad = dir.resolve("broken.har");
        Files.writeString(bad, "{\"log\": {\"entries\": [{\"startedDateTime\": \"2026-01-01T00:00:00Z\"}]}}");
        Path target = dir.resolve("broken.roundtrip.json");
        assertThat(run(new ImportCommand(), bad.toString(), "--out", target.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("log.entries[0].request: expected the HAR \"request\" object, found nothing");
        assertThat(target).doesNotExist();
    }

    @Test
    void importRefusesARecordingThatIsNoHar() {
        assertThat(run(new ImportCommand(), session.toString(), "--out", dir.resolve("y.roundtrip.json").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("log: expected the HAR \"log\" object");
    }
}
