package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Stage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lesson actions and readouts of HTTP/2 ({@code send} with {@code http2}) and of real-time updates ({@code stream}, {@code realtime}). */
class Http2AndRealtimeActionsTest {
    private static Lab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = Lab.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static List<Step> steps(String steps) {
        LessonSet set = LessonLoader.loadText("t", "90-t.yaml", "id: 90-t\ntitle: t\nlevel: advanced\ngoals: [g]\nsteps:\n" + steps);
        assertThat(set.errors()).isEmpty();
        return set.lessons().get(0).steps();
    }

    private static List<String> errors(String steps) {
        return LessonLoader.loadText("t", "90-t.yaml", "id: 90-t\ntitle: t\nlevel: advanced\ngoals: [g]\nsteps:\n" + steps)
                .errors().stream().map(LessonError::toString).toList();
    }

    private static double number(LessonRunner r, String readout) {
        ReadoutValue v = r.read(readout);
        assertThat(v.available()).as(readout + ": " + v.unavailable()).isTrue();
        return v.number();
    }

    @Test
    void threeRequestsOverHttp11UseThreeConnectionsAndTheSameThreeOverHttp2OneWithSmallerHeaderBlocks() throws Exception {
        LessonRunner r = new LessonRunner(lab);
        r.begin();
        try {
            for (Step s : steps("""
                      - narration: h1
                        action: send
                        with: {target: /users/1, count: 3, concurrent: true}
                      - narration: h2
                        action: send
                        with: {target: /users/1, count: 3, concurrent: true, http2: true}
                    """)) r.perform(s);
            assertThat(number(r, "h1.connections")).isEqualTo(3);
            assertThat(number(r, "h1.completed")).isEqualTo(3);
            assertThat(number(r, "h2.connections")).isEqualTo(1);
            assertThat(number(r, "h2.completed")).isEqualTo(3);
            // HTTP/1.1: a GET's head is all it sends; the readout finds the blank line in the bytes on the wire
            List<Long> ids = r.exchanges();
            long h1Sent = 0;
            for (long id : ids.subList(0, 3)) {
                Exchange x = lab.recording().exchange(id).orElseThrow();
                h1Sent += x.events().stream().filter(e -> e.stage() == Stage.SEND && e.actor() == Actor.CLIENT && e.bytes() != null)
                        .mapToLong(e -> e.bytes().count()).sum();
            }
            assertThat(number(r, "h1.headerBytes")).isEqualTo(h1Sent);
            // HTTP/2: HPACK's blocks, the later ones indexing what the first put in the table
            assertThat(number(r, "h2.headerBytes")).isLessThan(number(r, "h1.headerBytes"));
            assertThat(number(r, "request.headerBytes")).isLessThan(number(r, "request.firstHeaderBytes"));
            assertThat(number(r, "request.firstHeaderBytes")).isLessThan(number(r, "request.headersAsText"));
            assertThat(number(r, "h2.speedup")).isEqualTo(number(r, "h1.ms") / number(r, "h2.ms"));
            assertThat(r.read("exchange.rstStream").text()).isEqualTo("none");
        } finally {
            r.finish();
        }
    }

    @Test
    void aCancelledHttp2StreamIsAnRstStreamCancelWhileItsNeighbourCompletesAndTheConnectionGoesOn() throws Exception {
        LessonRunner r = new LessonRunner(lab);
        r.begin();
        try {
            List<Step> s = steps("""
                      - narration: two slow
                        action: send
                        with: {target: "/slow?ms=1000", count: 2, concurrent: true, http2: true, wait: false}
                      - narration: leave the last
                        action: cancel
                      - narration: one more
                        action: send
                        with: {target: /, http2: true}
                    """);
            r.perform(s.get(0));
            StepRun cancelled = r.perform(s.get(1));
            assertThat(cancelled.report().english()).contains("cancelled");
            assertThat(r.read("exchange.outcome").text()).isEqualTo("cancelled");
            assertThat(r.read("exchange.rstStream").text()).isEqualTo("CANCEL");
            assertThat(number(r, "h2.completed")).isEqualTo(1);
            r.perform(s.get(2));
            assertThat(r.read("connection.reused").text()).isEqualTo("reused");
            assertThat(number(r, "h2.completed")).isEqualTo(1);
        } finally {
            r.finish();
        }
    }

    @Test
    void aQuickStreamSentAfterASlowOneOnTheSameConnectionOvertakesIt() throws Exception {
        LessonRunner r = new LessonRunner(lab);
        r.begin();
        try {
            for (Step s : steps("""
                      - narration: slow
                        action: send
                        with: {target: "/slow?ms=1500", http2: true, wait: false}
                      - narration: quick
                        action: send
                        with: {target: /users/1, count: 2, concurrent: true, http2: true}
                      - narration: one by one over HTTP/1.1 on one connection
                        action: send
                        with: {target: /, count: 2, keepAlive: true}
                    """)) r.perform(s);
            assertThat(number(r, "h2.overtook")).isEqualTo(2);
            assertThat(number(r, "h1.overtook")).isZero();
        } finally {
            r.finish();
        }
    }

    @Test
    void aStreamStepStaysOnTheRouteUntilItsUpdatesHaveComeThenLeaves() throws Exception {
        LessonRunner r = new LessonRunner(lab);
        r.begin();
        try {
            List<Step> s = steps("""
                      - narration: events
                        action: stream
                        with: {route: events, messages: 2}
                      - narration: ws
                        action: stream
                        with: {route: ws, messages: 2}
                    """);
            r.perform(s.get(0));
            assertThat(number(r, "response.status")).isEqualTo(200);
            assertThat(number(r, "stream.messages")).isGreaterThanOrEqualTo(2);
            double events = number(r, "stream.bytesRead");
            r.perform(s.get(1));
            assertThat(number(r, "response.status")).isEqualTo(101);
            assertThat(number(r, "stream.messages")).isGreaterThanOrEqualTo(2);
            assertThat(events).isPositive();
            assertThat(number(r, "stream.bytesRead")).isPositive();
            assertThat(number(r, "lesson.exchanges")).isEqualTo(2);
            assertThat(lab.settled(r.exchanges().get(1)).isDone()).isTrue();
        } finally {
            r.finish();
        }
    }

    @Test
    void aPollReadsTheUpdatesOfItsAnswerAndLastUpdateAsksForWhatComesNext() throws Exception {
        LessonRunner r = new LessonRunner(lab);
        r.begin();
        try {
            StepRun all = r.perform(steps("""
                      - narration: every kept update, held until there is one
                        action: send
                        with: {target: "/poll?since=0&wait=10"}
                    """).get(0));
            assertThat(number(r, "response.updates")).isPositive();
            StepRun next = r.perform(steps("""
                      - narration: only what comes next
                        action: send
                        with: {target: "/poll?since={lastUpdate}&wait=10", timeoutMs: 15000}
                    """).get(0));
            assertThat(next.report().english()).doesNotContain("{lastUpdate}").containsPattern("GET /poll\\?since=\\d+&wait=10");
            assertThat(number(r, "response.updates")).isPositive();
            assertThat(all.report().english()).contains("200 OK");
            r.perform(steps("""
                      - narration: not a poll
                        action: send
                        with: {target: /users/1}
                    """).get(0));
            assertThat(r.read("response.updates").available()).isFalse();
        } finally {
            r.finish();
        }
    }

    @Test
    void theRealtimeComparisonsFiguresBecomeReadoutsAndItsExchangesTheLessons() throws Exception {
        LessonRunner r = new LessonRunner(lab);
        r.begin();
        try {
            StepRun run = r.perform(steps("""
                      - narration: four ways
                        action: realtime
                        with: {updates: 3, everyMs: 100, pollEveryMs: 20}
                    """).get(0));
            assertThat(run.report().english()).contains("polling", "long-polling", "sse", "websocket");
            assertThat(number(r, "realtime.updates")).isEqualTo(3);
            assertThat(number(r, "realtime.sse.requests")).isEqualTo(1);
            assertThat(number(r, "realtime.websocket.requests")).isEqualTo(1);
            double requests = 0;
            for (String way : LiveReadouts.WAYS) {
                requests += number(r, "realtime." + way + ".requests");
                assertThat(number(r, "realtime." + way + ".bytes")).isPositive();
                assertThat(number(r, "realtime." + way + ".delayMs")).isNotNegative();
            }
            assertThat(number(r, "lesson.exchanges")).isEqualTo(requests);
            assertThat(r.read("realtime.mostRequests").text()).isIn("polling", "long-polling");
        } finally {
            r.finish();
        }
    }

    @Test
    void badSettingsOfTheNewActionsAreRefusedAtTheirLine() {
        assertThat(errors("""
                  - narration: x
                    action: send
                    with: {target: /, http2: true, keepAlive: true}
                """)).singleElement().asString().contains(":8:").contains("keepAlive has no meaning with http2: true");
        assertThat(errors("""
                  - narration: x
                    action: stream
                    with: {route: sse}
                """)).singleElement().asString().contains("unknown route 'sse'; expected events");
        assertThat(errors("""
                  - narration: x
                    action: stream
                """)).singleElement().asString().contains("missing field 'with' for action stream");
        assertThat(errors("""
                  - narration: x
                    action: realtime
                    with: {updates: 500}
                """)).singleElement().asString().contains("updates");
        assertThat(errors("""
                  - narration: x
                    action: realtime
                """)).isEmpty();
    }

    /** An engine whose slow page answers at once: the narration's "three quick requests finish first" is then false. */
    @Test
    void lesson18FailsItsRehearsalAtTheOvertakingClaimWhenTheSlowStreamIsNotSlow() throws Exception {
        Path file = Path.of("lessons/18-http2-many-requests-one-connection.yaml");
        List<String> problems = rehearse(file, spec -> spec.target().startsWith("/slow?ms=1500")
                ? new RequestSpec(spec.method(), "/", spec.headers(), spec.body(), null, spec.keepAlive(), spec.timeout(), spec.tls()) : spec);
        List<String> lines = Files.readAllLines(file);
        int question = lines.indexOf("      question: How many of the three quick requests ended while the slow one was still open?");
        // the quick ones may still overtake each other (they run side by side), never all three
        assertThat(problems).anyMatch(p -> p.startsWith(file + ":" + (question + 3) + ": expected h2.overtook = 3, measured ")
                && !p.endsWith("measured 3"));
    }

    /** An engine whose long poll asks for updates that will never come, answered empty at once. */
    @Test
    void lesson19FailsItsRehearsalWhenTheLongPollBringsNoUpdate() throws Exception {
        Path file = Path.of("lessons/19-real-time-four-ways.yaml");
        List<String> problems = rehearse(file, spec -> spec.target().contains("&wait=10")
                ? new RequestSpec(spec.method(), "/poll?since=999999999", spec.headers(), spec.body(), null, spec.keepAlive(), spec.timeout(), spec.tls())
                : spec);
        List<String> lines = Files.readAllLines(file);
        int expect = lines.indexOf("      expect: \">= 1\"") + 1;
        assertThat(problems).containsExactly(file + ":" + expect + ": expected response.updates >= 1, measured 0");
    }

    private static List<String> rehearse(Path file, UnaryOperator<RequestSpec> engine) throws Exception {
        Lesson lesson = LessonLoader.loadFiles(List.of(file)).lessons().get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return LessonDryRun.run(lesson, new LessonRunner(lab, engine), new PrintStream(out, true, StandardCharsets.UTF_8)).problems();
    }
}
