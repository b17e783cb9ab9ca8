package dev.roundtrip.ui.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.Fixtures;
import org.junit.jupiter.api.Test;

class DiagramScriptTest {
    private final Recording rec = Fixtures.classroom();

    private DiagramScript script(long id) {
        Exchange x = rec.exchange(id).orElseThrow();
        return DiagramScript.of(x);
    }

    @Test
    void aCompletedExchangeHasFiveStagesBetweenTheRightLifelinesWithMeasuredFigures() {
        DiagramScript s = script(1);
        assertThat(s.steps()).extracting(DiagramStep::stage).containsExactly(Stage.gated().toArray(new Stage[0])); // a sample on a reused connection: no connect
        assertThat(s.steps().get(0).from()).isEqualTo(Actor.CLIENT);
        assertThat(s.steps().get(0).to()).isEqualTo(Actor.SERVER_KERNEL);
        assertThat(s.steps().get(3).to()).isEqualTo(Actor.CLIENT_KERNEL);
        assertThat(s.steps().get(0).title()).isEqualTo("GET /users/1");
        assertThat(s.steps().get(0).bytes()).isEqualTo(Fixtures.USERS_REQUEST.length());
        assertThat(s.steps().get(0).figures()).isEqualTo(Fixtures.USERS_REQUEST.length() + " B · 1 write · 48 µs");
        assertThat(s.steps().get(2).sql()).singleElement().satisfies(c -> assertThat(c.rows()).isEqualTo(1));
        assertThat(s.steps().get(3).title()).isEqualTo("200 OK");
        assertThat(s.severity()).isEqualTo(Severity.OK);
        assertThat(s.steps()).noneMatch(DiagramStep::failed);
    }

    @Test
    void notFoundAndServerErrorAreErrorsOnTheResponseArrow() {
        DiagramScript notFound = script(2);
        assertThat(notFound.severity()).isEqualTo(Severity.CLIENT_ERROR);
        assertThat(notFound.steps().get(3).problem()).isEqualTo("404 Not Found");
        DiagramScript fail = script(3);
        assertThat(fail.severity()).isEqualTo(Severity.SERVER_ERROR);
        assertThat(fail.steps().get(2).problem()).contains("boom");
        assertThat(fail.outcomeText()).isEqualTo("500 Internal Server Error");
    }

    @Test
    void aClientThatGivesUpEndsWithAFailedClientStepWhileTheServerStillResponds() {
        DiagramScript timeout = script(4);
        assertThat(timeout.severity()).isEqualTo(Severity.TIMEOUT);
        DiagramStep last = timeout.steps().get(timeout.steps().size() - 1);
        assertThat(last.stage()).isEqualTo(Stage.INTERPRET);
        assertThat(last.problem()).startsWith("Timed out").contains("no response within 1 s");
        assertThat(last.figures()).isEqualTo("after 1 s");
        DiagramStep respond = timeout.steps().get(3);
        assertThat(respond.stage()).isEqualTo(Stage.RESPOND);
        assertThat(respond.title()).isEqualTo("200 OK, 5 body bytes");
        assertThat(respond.problem()).contains("reached no one");
        assertThat(script(5).severity()).isEqualTo(Severity.CANCELLED);
        // the engine's detail already says "cancelled": it is not said twice
        assertThat(script(5).outcomeText()).isEqualTo("Cancelled: the client leaves and resets its connection");
    }

    @Test
    void aHeldExchangeNamesTheStageItWaitsBefore() {
        DiagramScript held = script(6);
        assertThat(held.heldBefore()).isEqualTo(Stage.PARSE);
        assertThat(held.steps()).extracting(DiagramStep::stage).containsExactly(Stage.SEND);
        assertThat(held.severity()).isEqualTo(Severity.PENDING);
        assertThat(script(1).heldBefore()).isNull();
    }

    @Test
    void visibleTimeHasAFloorAndACapAndGrowsInBetween() {
        assertThat(VisibleTime.millis(5_000)).isGreaterThanOrEqualTo(VisibleTime.MIN_MILLIS);
        assertThat(VisibleTime.millis(500_000_000)).isGreaterThan(VisibleTime.millis(5_000));
        assertThat(VisibleTime.millis(60_000_000_000L)).isEqualTo(VisibleTime.MAX_MILLIS);
    }

    @Test
    void aCapturedExchangeRunsFromTheForeignClientThroughBothSidesOfRoundtripToTheForeignServerAndBack() throws Exception {
        DiagramScript s = DiagramScript.of(Captures.through("/hello", 200));

        assertThat(s.captured()).isTrue();
        assertThat(s.lifelines()).containsExactly(Actor.FOREIGN_CLIENT, Actor.SERVER_KERNEL, Actor.SERVER, Actor.CLIENT,
                Actor.CLIENT_KERNEL, Actor.FOREIGN_SERVER);
        assertThat(s.title()).matches("GET /hello via 127\\.0\\.0\\.1:\\d+");
        assertThat(s.steps()).extracting(DiagramStep::stage)
                .containsExactly(Stage.PARSE, Stage.SEND, Stage.PROCESS, Stage.INTERPRET, Stage.RESPOND);
        assertThat(s.steps()).extracting(st -> st.from() + ">" + st.via() + ">" + st.to()).containsExactly(
                "FOREIGN_CLIENT>[SERVER_KERNEL]>SERVER",
                "SERVER>[CLIENT, CLIENT_KERNEL]>FOREIGN_SERVER",
                "FOREIGN_SERVER>[]>FOREIGN_SERVER",
                "FOREIGN_SERVER>[CLIENT_KERNEL]>CLIENT",
                "CLIENT>[SERVER, SERVER_KERNEL]>FOREIGN_CLIENT");
        assertThat(s.steps()).allSatisfy(st -> assertThat(st.ended()).isTrue()).noneMatch(DiagramStep::failed);
        assertThat(s.steps().get(0).title()).isEqualTo("GET /hello");
        assertThat(s.steps().get(0).bytes()).isPositive();
        assertThat(s.steps().get(1).title()).isEqualTo("forward GET /hello");
        assertThat(s.steps().get(2).title()).isEqualTo("process, measured from outside");
        assertThat(s.steps().get(2).figures()).endsWith(" · last byte sent → first byte back");
        assertThat(s.steps().get(3).title()).isEqualTo("200 OK");
        assertThat(s.steps().get(4).title()).isEqualTo("200 OK");
        assertThat(s.steps().get(4).figures()).matches(".+ B · \\d+ writes? · .+");
        assertThat(s.severity()).isEqualTo(Severity.OK);
        assertThat(s.outcomeText()).isEqualTo("200 OK");
    }

    @Test
    void aCapturedServerErrorIsAnErrorOnTheResponseToTheForeignClient() throws Exception {
        DiagramScript s = DiagramScript.of(Captures.through("/boom", 500));

        assertThat(s.severity()).isEqualTo(Severity.SERVER_ERROR);
        DiagramStep respond = s.steps().get(s.steps().size() - 1);
        assertThat(respond.stage()).isEqualTo(Stage.RESPOND);
        assertThat(respond.problem()).isEqualTo("500 Internal Server Error");
        assertThat(respond.to()).isEqualTo(Actor.FOREIGN_CLIENT);
    }

    @Test
    void aForeignServerThatRefusesTheConnectionFailsTheForwardingStepAtRoundtripsKernel() throws Exception {
        DiagramScript s = DiagramScript.of(Captures.refused("/x"));

        DiagramStep send = s.steps().stream().filter(st -> st.stage() == Stage.SEND).findFirst().orElseThrow();
        assertThat(send.problem()).contains("cannot connect to 127.0.0.1");
        assertThat(send.to()).as("nothing left the kernel").isEqualTo(Actor.CLIENT_KERNEL);
        assertThat(send.via()).containsExactly(Actor.CLIENT);
        assertThat(s.steps()).extracting(DiagramStep::stage).doesNotContain(Stage.PROCESS, Stage.INTERPRET);
        assertThat(s.outcomeText()).startsWith("502");
    }

    @Test
    void anEngineExchangeKeepsTheEngineLifelines() {
        DiagramScript s = script(1);
        assertThat(s.captured()).isFalse();
        assertThat(s.lifelines()).isEqualTo(DiagramScript.ENGINE);
        assertThat(s.steps().get(0).via()).containsExactly(Actor.CLIENT_KERNEL);
        assertThat(s.steps()).filteredOn(st -> st.stage() != Stage.SEND).allSatisfy(st -> assertThat(st.via()).isEmpty());
    }
}
