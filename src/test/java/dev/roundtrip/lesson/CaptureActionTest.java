package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A lesson's {@code capture} step: a server of the student's own behind the lab's capture proxy. */
class CaptureActionTest {
    private static Lab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = Lab.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static Lesson lesson(int port) {
        LessonSet set = LessonLoader.loadText("t", "90-own.yaml", """
                id: 90-own
                title: own
                level: beginner
                goals: [see a foreign server]
                steps:
                  - narration: to my server
                    action: capture
                    with:
                      to: http://127.0.0.1:%d
                      target: /hello
                    checkpoint:
                      question: status?
                      readout: response.status
                      expect: "200"
                """.formatted(port));
        assertThat(set.errors()).isEmpty();
        return set.lessons().get(0);
    }

    @Test
    void theCapturedExchangeOfTheStudentsServerIsTheLessonsLatestWithBothHopsInTheLabsRecording() throws Exception {
        HttpServer own = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        own.createContext("/", x -> {
            byte[] b = "mine\n".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        own.start();
        LessonRunner runner = new LessonRunner(lab);
        try {
            runner.begin();
            StepRun run = runner.perform(lesson(own.getAddress().getPort()).steps().get(0));
            assertThat(run.report().english()).contains("captured GET /hello to 127.0.0.1:" + own.getAddress().getPort(), "200");
            assertThat(run.measured().number()).isEqualTo(200);
            Exchange x = lab.recording().exchange(runner.exchanges().get(0)).orElseThrow();
            assertThat(x.events()).anyMatch(e -> e.stage() == Stage.PROCESS && e.actor() == Actor.FOREIGN_SERVER);
            String sent = new String(x.events().stream().filter(e -> e.stage() == Stage.SEND && e.bytes() != null)
                    .map(e -> e.bytes().data()).findFirst().orElseThrow(), StandardCharsets.ISO_8859_1);
            assertThat(sent).startsWith("GET /hello HTTP/1.1").contains("Via: 1.1 roundtrip");
            assertThat(runner.read("stage.interpret.bytes").number()).isPositive();
        } finally {
            runner.finish();
            own.stop(0);
        }
    }

    @Test
    void inClassAServerThatIsNotRunningStopsTheStepWithWhatToDo() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        LessonRunner runner = new LessonRunner(lab);
        runner.begin();
        assertThatThrownBy(() -> runner.perform(lesson(free).steps().get(0)))
                .isInstanceOf(LessonRunException.class).hasMessageContaining("nothing answers at http://127.0.0.1:" + free)
                .hasMessageContaining("start your server first");
        runner.finish();
    }

    @Test
    void aRehearsalWithoutTheStudentsServerUsesAStandInAndSaysSo() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        LessonDryRun.Report report = LessonDryRun.run(lesson(free), new LessonRunner(lab), new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(report.problems()).as(out).isEmpty();
        assertThat(out).contains("a stand-in for your server: rehearsal only");
        // the stand-in is gone with the lesson
        try (java.net.Socket s = new java.net.Socket()) {
            assertThatThrownBy(() -> s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), free), 500)).isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void aCaptureToAnotherMachineOrToHttpsIsRefusedWithItsLine() {
        LessonSet remote = LessonLoader.loadText("t", "91-x.yaml", """
                id: 91-x
                title: x
                level: beginner
                goals: [g]
                steps:
                  - narration: n
                    action: capture
                    with:
                      to: http://192.0.2.1:8000
                  - narration: n
                    action: capture
                    with:
                      to: https://127.0.0.1:8443
                """);
        assertThat(remote.errors()).extracting(Object::toString).anySatisfy(e -> assertThat(e).contains(":9:").contains("expected a server on this machine"))
                .anySatisfy(e -> assertThat(e).contains(":13:").contains("plain http only"));
    }
}
