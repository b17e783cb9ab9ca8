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
}
