package dev.roundtrip.ui.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.trace.DatabaseReadout;
import dev.roundtrip.trace.DatabaseReadout.Step;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.SqlReadout;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseCallsTest {
    private static long t = 1_000;

    private static StageEvent db(Step step, int connection, int use, Long nanos, boolean session, int bytes) {
        return StageEvent.at(1, 1, Stage.PROCESS, Phase.PROGRESS, Actor.DATABASE, t++).detail("")
                .database(new DatabaseReadout(step, connection, use, 2, nanos, session))
                .bytes(bytes < 0 ? null : new BytesReadout(bytes, new byte[0])).build();
    }

    private static StageEvent sql(String statement, int rows) {
        return StageEvent.at(1, 1, Stage.PROCESS, Phase.PROGRESS, Actor.DATABASE, t++).detail(statement)
                .sql(new SqlReadout(statement, rows, 500_000)).build();
    }

    @Test
    void aCallOnANewConnectionCarriesItsConnectTimeAndItsOwnBytesWithoutTheSessions() {
        List<DiagramStep.SqlCall> calls = DatabaseCalls.of(List.of(
                db(Step.CONNECT, 1, 1, 12_000_000L, false, -1),
                db(Step.REQUEST, 1, 1, null, true, 806),
                db(Step.RESPONSE, 1, 1, 9_000_000L, true, 421),
                db(Step.REQUEST, 1, 1, null, false, 160),
                db(Step.RESPONSE, 1, 1, 2_000_000L, false, 314),
                sql("SELECT 1", 1),
                db(Step.REUSE, 1, 2, null, false, -1),
                db(Step.REQUEST, 1, 2, null, false, 150),
                db(Step.RESPONSE, 1, 2, 1_000_000L, false, 600),
                sql("SELECT 2", 4)));
        assertThat(calls).extracting(DiagramStep.SqlCall::wire).containsExactly(
                new DiagramStep.Wire(1, 1, 12_000_000L, 160, 314, 2),
                new DiagramStep.Wire(1, 2, -1, 150, 600, 2));
        assertThat(calls.get(0).wire().opened()).isTrue();
        assertThat(calls.get(1).wire().opened()).isFalse();
    }

    @Test
    void anEmbeddedOrOlderRecordingHasCallsWithoutAWire() {
        assertThat(DatabaseCalls.of(List.of(sql("SELECT 1", 1)))).singleElement()
                .satisfies(c -> assertThat(c.wire()).isNull());
    }

    @Test
    void theDatabaseSocketsBytesAreNotTheProcessStagesSocketReads() {
        DiagramScript.Span span = DiagramScript.Span.of(Stage.PROCESS, List.of(
                StageEvent.at(1, 1, Stage.PROCESS, Phase.BEGIN, Actor.SERVER, t++).build(),
                db(Step.REUSE, 1, 2, null, false, -1),
                db(Step.REQUEST, 1, 2, null, false, 150),
                db(Step.RESPONSE, 1, 2, 1_000_000L, false, 600),
                sql("SELECT 2", 4),
                StageEvent.at(1, 1, Stage.PROCESS, Phase.END, Actor.SERVER, t++).build()));
        assertThat(span.bytes()).isZero();
        assertThat(span.ops()).isZero();
        assertThat(span.sql()).singleElement().satisfies(c -> assertThat(c.wire().bytesIn()).isEqualTo(600));
    }
}
