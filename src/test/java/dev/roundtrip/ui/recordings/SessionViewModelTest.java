package dev.roundtrip.ui.recordings;

import static dev.roundtrip.record.SampleRecordings.assertSameRecording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roundtrip.record.HarExport;
import dev.roundtrip.record.RecentFiles;
import dev.roundtrip.record.RecordingFiles;
import dev.roundtrip.record.RecordingFormatException;
import dev.roundtrip.record.RecordingJson;
import dev.roundtrip.record.SampleRecordings;
import dev.roundtrip.ui.SavedSamples;
import dev.roundtrip.ui.TempHome;
import dev.roundtrip.ui.composer.ComposedRequest;
import dev.roundtrip.ui.composer.Preset;
import dev.roundtrip.ui.shell.LiveLabPort;
import dev.roundtrip.ui.shell.MainViewModel;
import dev.roundtrip.ui.util.TaskRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions, files and autosave restore without any control, on a real lab. File work and results
 * run on the calling thread (direct executors), so every call has finished when it returns.
 */
class SessionViewModelTest {
    @TempDir
    Path dir;

    private LiveLabPort live;
    private MainViewModel main;
    private SessionViewModel sessions;
    private TempHome home;

    @BeforeEach
    void start() {
        home = TempHome.use(dir.resolve("home"));
        live = LiveLabPort.start();
        main = new MainViewModel(live);
        sessions = new SessionViewModel(main, () -> RecentFiles.load(dir.resolve("recent.json")), TaskRunner.SAME_THREAD, Runnable::run, 64 * 1024);
    }

    @AfterEach
    void stop() {
        live.close();
        home.restore();
    }

    private Path sample() throws Exception {
        return SavedSamples.lesson1(dir);
    }

    /** One live exchange, settled, and shown in the list. */
    private void oneLiveExchange() throws Exception {
        live.sendAndSettle(new ComposedRequest("GET", "/", List.of(), new byte[0], null)).get(20, TimeUnit.SECONDS);
        main.frame(1);
        assertThat(main.exchanges()).hasSize(1);
    }

    @Test
    void anOpenedRecordingBecomesItsOwnReplaySessionAndLiveIsUntouched() throws Exception {
        oneLiveExchange();
        Path f = sample();

        Optional<Session> opened = sessions.open(f).get(5, TimeUnit.SECONDS);

        assertThat(opened).isPresent();
        assertThat(sessions.sessions()).extracting(Session::toString).containsExactly("Live", "Replay: lesson1.roundtrip.json");
        assertThat(sessions.current()).isSameAs(opened.get());
        assertThat(main.replayingProperty().get()).isTrue();
        assertThat(main.port().canSend()).isFalse();
        assertThat(main.exchanges()).hasSize(7);
        assertThat(main.selectedIdProperty().get()).as("opens on its first exchange").isEqualTo(1);
        assertThat(main.playback().playingProperty().get()).as("paused at the start").isFalse();
        assertThat(main.playback().positionProperty().get()).isZero();
        assertThat(main.statusProperty().get()).startsWith("Replay of lesson1.roundtrip.json");
        assertThat(sessions.recentFiles()).containsExactly(f.toAbsolutePath().normalize());

        // step forward and back through the replayed exchange, same code as live
        main.stepForward();
        assertThat(main.playback().currentStep()).isZero();
        assertThat(main.playback().atEnd()).isFalse();
        main.stepForward();
        assertThat(main.playback().currentStep()).isEqualTo(1);
        main.stepBack();
        assertThat(main.playback().currentStep()).isZero();

        // back to live: its exchange is still there, selected again
        sessions.currentProperty().set(sessions.sessions().get(0));
        assertThat(main.replayingProperty().get()).isFalse();
        assertThat(main.exchanges()).hasSize(1);
        assertThat(live.recording().exchanges()).hasSize(1);
        // and the replay keeps its place
        main.select(2);
        sessions.currentProperty().set(opened.get());
        main.select(3);
        sessions.currentProperty().set(sessions.sessions().get(0));
        sessions.currentProperty().set(opened.get());
        assertThat(main.selectedIdProperty().get()).isEqualTo(3);
    }

    @Test
    void openingTheSameFileAgainShowsTheOpenSession() throws Exception {
        Path f = sample();
        Session first = sessions.open(f).get(5, TimeUnit.SECONDS).orElseThrow();
        sessions.currentProperty().set(sessions.sessions().get(0));
        assertThat(sessions.open(f).get(5, TimeUnit.SECONDS)).containsSame(first);
        assertThat(sessions.sessions()).hasSize(2);
        assertThat(sessions.current()).isSameAs(first);
    }

    @Test
    void everyBadFileIsRefusedWithItsExactMessageAndNothingChanges() throws Exception {
        oneLiveExchange();
        String full = new String(RecordingJson.toBytes(SampleRecordings.session()), StandardCharsets.UTF_8);
        Path truncated = write("cut.roundtrip.json", full.substring(0, full.length() / 2).getBytes(StandardCharsets.UTF_8));
        Path notJson = write("notes.txt", "Hello, world!\n".getBytes(StandardCharsets.UTF_8));
        Path wrongFormat = write("other.json", "{\n  \"format\": \"something-else\",\n  \"version\": 1\n}\n".getBytes(StandardCharsets.UTF_8));
        Path future = write("future.roundtrip.json",
                "{\n\"format\": \"roundtrip-recording\",\n\"version\": 7,\n\"startedAt\": \"2026-01-01T00:00:00Z\", \"exchanges\": []}"
                        .getBytes(StandardCharsets.UTF_8));
        Path harNoUrl = write("nourl.har", "{\"log\": {\"version\": \"1.2\", \"entries\": [{\"startedDateTime\": \"2024-05-01T10:15:30.123Z\", \"request\": {\"method\": \"GET\"}, \"response\": {\"status\": 200}}]}}"
                .getBytes(StandardCharsets.UTF_8));
        Path binary = write("picture.roundtrip.json", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        Path tooBig = write("big.har", new byte[100 * 1024]);
        Path missing = dir.resolve("gone.roundtrip.json");

        for (Path bad : List.of(truncated, notJson, wrongFormat, future, harNoUrl, binary, tooBig, missing)) {
            RecordingFormatException expected = catchThrowableOfType(RecordingFormatException.class, () -> RecordingFiles.open(bad, 64 * 1024));
            assertThat(expected).as(bad.toString()).isNotNull();

            Optional<Session> opened = sessions.open(bad).get(5, TimeUnit.SECONDS);

            assertThat(opened).as(bad.toString()).isEmpty();
            assertThat(sessions.notices().noticeProperty().get()).isEqualTo("Could not open: " + expected.getMessage());
            assertThat(sessions.notices().kindProperty().get()).isEqualTo(NoticeViewModel.Kind.ERROR);
            assertThat(sessions.sessions()).hasSize(1);
            assertThat(sessions.current().isLive()).isTrue();
            assertThat(main.replayingProperty().get()).isFalse();
            assertThat(main.exchanges()).hasSize(1);
            assertThat(main.selectedIdProperty().get()).isEqualTo(live.recording().exchanges().get(0).id());
            assertThat(sessions.notices().busyProperty().get()).isFalse();
        }
        assertThat(sessions.notices().noticeProperty().get()).endsWith(": no such file");
        assertThat(sessions.recentFiles()).as("failed files are not remembered").isEmpty();
    }

    private Path write(String name, byte[] content) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return f;
    }

    @Test
    void saveAsThenOpenGivesAnEqualRecordingAndSaveThenWritesThereWithoutAsking() throws Exception {
        oneLiveExchange();
        assertThat(sessions.saveTarget()).as("the live session has no file yet").isEmpty();
        assertThat(sessions.suggestedName(RecordingFiles.EXTENSION)).matches("session-\\d{8}-\\d{4}\\.roundtrip\\.json");

        assertThat(sessions.saveAs(dir.resolve("mine")).get(5, TimeUnit.SECONDS)).isTrue();

        Path saved = dir.resolve("mine" + RecordingFiles.EXTENSION);
        assertThat(sessions.saveTarget()).contains(saved);
        assertThat(sessions.notices().noticeProperty().get()).isEqualTo("Saved 1 exchange to " + saved + ".");
        assertSameRecording(RecordingFiles.open(saved), live.recording());
        assertThat(sessions.recentFiles()).containsExactly(saved);

        // a replay saved elsewhere opens equal, too
        Session replay = sessions.open(sample()).get(5, TimeUnit.SECONDS).orElseThrow();
        Path copy = dir.resolve("copy" + RecordingFiles.EXTENSION);
        assertThat(sessions.saveAs(copy).get(5, TimeUnit.SECONDS)).isTrue();
        assertSameRecording(RecordingFiles.open(copy), replay.recording());
        assertSameRecording(RecordingFiles.open(copy), SampleRecordings.session());
    }

    @Test
    void aRecentFileThatIsGoneStaysListedAndIsMarkedMissing() throws Exception {
        oneLiveExchange();
        Path first = dir.resolve("first" + RecordingFiles.EXTENSION);
        Path second = dir.resolve("second" + RecordingFiles.EXTENSION);
        sessions.saveAs(first).get(5, TimeUnit.SECONDS);
        assertThat(sessions.missingRecentFiles()).isEmpty();
        Files.delete(first);
        sessions.saveAs(second).get(5, TimeUnit.SECONDS);
        assertThat(sessions.recentFiles()).containsExactly(second, first);
        assertThat(sessions.missingRecentFiles()).containsExactly(first);
        Files.copy(second, first);
        sessions.saveAs(second).get(5, TimeUnit.SECONDS);
        assertThat(sessions.missingRecentFiles()).as("back again, though the list did not change").isEmpty();
    }

    @Test
    void aHarOpensAsAReplayAndSaveAsksWhereRatherThanOverwritingIt() throws Exception {
        Path har = write("exported.har", HarExport.toBytes(SampleRecordings.session()));
        Session s = sessions.open(har).get(5, TimeUnit.SECONDS).orElseThrow();
        assertThat(s.recording().exchanges()).hasSize(7);
        assertThat(sessions.saveTarget()).isEmpty();
        assertThat(sessions.suggestedName(".har")).isEqualTo("exported.har");
    }

    @Test
    void aHarWithDoubtfulFiguresOpensAndTheBarNamesTheWarning() throws Exception {
        String chrome;
        try (var in = getClass().getResourceAsStream("/har/chrome-style.har")) {
            chrome = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path har = write("doubtful.har", chrome.replaceFirst("\"time\": 6\\.478000000000001", "\"time\": -1").getBytes(StandardCharsets.UTF_8));
        Session s = sessions.open(har).get(5, TimeUnit.SECONDS).orElseThrow();
        assertThat(s.recording().warnings()).isNotEmpty();
        assertThat(sessions.notices().kindProperty().get()).isEqualTo(NoticeViewModel.Kind.INFO);
        assertThat(sessions.notices().noticeProperty().get()).startsWith("Opened doubtful.har with 1 warning: ").contains("doubtful.har:")
                .contains("-1 (not known)");
    }

    @Test
    void exportsWriteHarMermaidAndPlantUmlOfTheShownSession() throws Exception {
        sessions.open(sample()).get(5, TimeUnit.SECONDS).orElseThrow();
        assertThat(sessions.exportHar(dir.resolve("out")).get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sessions.exportMermaid(dir.resolve("out")).get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sessions.exportPlantUml(dir.resolve("out.puml")).get(5, TimeUnit.SECONDS)).isTrue();

        assertSameRecording(RecordingFiles.open(dir.resolve("out.har")), SampleRecordings.session());
        assertThat(Files.readString(dir.resolve("out.mmd"))).startsWith("sequenceDiagram");
        assertThat(Files.readString(dir.resolve("out.puml"))).startsWith("@startuml").contains("@enduml");
        assertThat(sessions.notices().noticeProperty().get()).contains("PlantUML").contains("out.puml");
    }

    @Test
    void closingAReplayGoesBackToLiveAndTheLiveSessionStaysOpen() throws Exception {
        sessions.open(sample()).get(5, TimeUnit.SECONDS);
        sessions.closeCurrent();
        assertThat(sessions.sessions()).hasSize(1);
        assertThat(sessions.current().isLive()).isTrue();
        sessions.closeCurrent();
        assertThat(sessions.sessions()).hasSize(1);
        assertThat(main.messageProperty().get()).contains("live session stays open");
    }

    @Test
    void sendFromAReplayGoesToTheLiveServerAndShowsTheLiveSession() throws Exception {
        sessions.open(sample()).get(5, TimeUnit.SECONDS);
        main.composer().apply(Preset.ALL.get(0));

        main.send();

        assertThat(sessions.current().isLive()).isTrue();
        assertThat(main.replayingProperty().get()).isFalse();
        assertThat(main.messageProperty().get()).startsWith("Back to the live session: sent GET /");
        for (int i = 0; i < 2000 && live.recording().exchanges().isEmpty(); i++) Thread.sleep(10);
        assertThat(live.recording().exchanges()).hasSize(1);
        live.lab().settled(live.recording().exchanges().get(0).id()).get(20, TimeUnit.SECONDS);
    }

    @Test
    void aLeftoverAutosaveIsOfferedRestoredAsAReplayAndThenDeleted() throws Exception {
        Path leftover = SavedSamples.leftoverAutosave();

        sessions.restoreOffer().checkLeftovers().get(5, TimeUnit.SECONDS);

        assertThat(sessions.restoreOffer().leftoverProperty().get()).isEqualTo(leftover);
        assertThat(sessions.restoreOffer().leftoverTextProperty().get()).contains("did not end cleanly").contains(leftover.getFileName().toString());

        Session restored = sessions.restoreOffer().restoreLeftover().get(5, TimeUnit.SECONDS).orElseThrow();

        assertThat(restored.name()).matches("restored \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(restored.file()).isNull();
        assertThat(sessions.current()).isSameAs(restored);
        assertSameRecording(restored.recording(), SampleRecordings.session());
        assertThat(leftover).doesNotExist();
        assertThat(sessions.restoreOffer().leftoverProperty().get()).isNull();
        assertThat(sessions.saveTarget()).as("Save asks where: the autosave is gone").isEmpty();
        assertThat(sessions.recentFiles()).isEmpty();
    }

    @Test
    void aLeftoverCanBeDiscardedOrDismissed() throws Exception {
        Path leftover = SavedSamples.leftoverAutosave();
        sessions.restoreOffer().checkLeftovers().get(5, TimeUnit.SECONDS);

        sessions.restoreOffer().dismissLeftover();
        assertThat(sessions.restoreOffer().leftoverProperty().get()).isNull();
        assertThat(leftover).exists();

        sessions.restoreOffer().checkLeftovers().get(5, TimeUnit.SECONDS);
        sessions.restoreOffer().discardLeftover().get(5, TimeUnit.SECONDS);
        assertThat(leftover).doesNotExist();
        assertThat(sessions.restoreOffer().leftoverProperty().get()).isNull();
        assertThat(sessions.sessions()).hasSize(1);
    }

    @Test
    void theRunningAppsOwnAutosaveIsNeverOffered() throws Exception {
        try (var a = dev.roundtrip.record.Autosave.manual(SampleRecordings.session(), dev.roundtrip.record.Autosave.defaultFile())) {
            a.saveIfChanged();
            sessions.restoreOffer().checkLeftovers().get(5, TimeUnit.SECONDS);
            assertThat(sessions.restoreOffer().leftoverProperty().get()).isNull();
            a.discard();
        }
    }

    @Test
    void aCaptureIsASessionWhoseRecordingGrowsLiveAndClosingItStopsTheProxy() throws Exception {
        try (dev.roundtrip.capture.CaptureProxy proxy = dev.roundtrip.capture.CaptureProxy.start(
                dev.roundtrip.capture.CaptureOptions.reverse(0, dev.roundtrip.capture.Target.of("127.0.0.1", live.lab().port())))) {
            Session s = sessions.addCapture("Capture demo", new CapturePort(proxy));

            assertThat(sessions.current()).isSameAs(s);
            assertThat(s.isCapture()).isTrue();
            assertThat(sessions.sessions()).extracting(Session::toString).containsExactly("Live", "Capture demo");
            assertThat(main.port().canSend()).isFalse();
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + proxy.port() + "/users/1")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            for (int i = 0; i < 2000 && main.exchanges().isEmpty(); i++) {
                main.frame(1);
                Thread.sleep(5);
            }
            assertThat(main.exchanges()).hasSize(1); // the capture's own exchange, through the demo server as the foreign one
            // exchanges keep arriving from outside: the view follows them as it does the live lab's
            assertThat(main.selectedIdProperty().get()).isEqualTo(main.exchanges().get(0).id());

            sessions.closeCurrent();
            assertThat(sessions.sessions()).extracting(Session::toString).containsExactly("Live");
            for (int i = 0; i < 400 && isListening(proxy.port()); i++) Thread.sleep(10);
            assertThat(isListening(proxy.port())).as("closing the session stops the capture").isFalse();
        }
    }

    private static boolean isListening(int port) {
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
