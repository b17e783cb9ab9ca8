package dev.roundtrip.server;

import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.SqlReadout;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.wire.Tracing;

/** The process stage's database events of one exchange (actor DATABASE, phase PROGRESS), published on the worker. */
final class DatabaseTrace implements SqlObserver {
    private final Tracing t;
    private final ServerConnection conn;
    private final ServerExchange x;
    private final dev.roundtrip.probe.MemoryProbe.Mark mark;

    DatabaseTrace(Tracing t, ServerConnection conn, ServerExchange x, dev.roundtrip.probe.MemoryProbe.Mark mark) {
        this.t = t;
        this.conn = conn;
        this.x = x;
        this.mark = mark;
    }

    @Override
    public void executed(SqlReadout sql) {
        try (var i = t.instrument()) {
            t.publish(conn.event(x, Stage.PROCESS, Phase.PROGRESS, Actor.DATABASE)
                    .said("server.sqlRows", sql.statement(), sql.rows())
                    .sql(sql).memory(t.probes().memory().read(mark)).build());
        }
    }

    @Override
    public void wire(DatabaseStep s) {
        try (var i = t.instrument()) {
            t.publish(StageEvent.at(x.id, conn.connectionId(), Stage.PROCESS, Phase.PROGRESS, Actor.DATABASE, s.tNanos())
                    .detail(s.said()).database(s.readout()).bytes(s.bytes()).kernel(s.kernel()).tcp(s.tcp())
                    .memory(t.probes().memory().read(mark)).build());
        }
    }
}
