package dev.roundtrip.ui.diagram;

import dev.roundtrip.trace.DatabaseReadout;
import dev.roundtrip.trace.StageEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL calls of a process stage, each with what its database events said before it: the pool's
 * connect or reuse and the bytes each way (recordings of an embedded database, and older ones, have
 * only the {@code sql} readout: a call without a {@link DiagramStep.Wire}).
 */
final class DatabaseCalls {
    private DatabaseCalls() {}

    static List<DiagramStep.SqlCall> of(List<StageEvent> events) {
        List<DiagramStep.SqlCall> calls = new ArrayList<>();
        DatabaseReadout step = null; // the connect or reuse of the call under way
        long connect = -1;
        long out = 0;
        long in = 0;
        int trips = 0;
        for (StageEvent e : events) {
            DatabaseReadout d = e.database();
            if (d != null) {
                switch (d.step()) {
                    case CONNECT:
                    case REUSE:
                        step = d;
                        connect = d.step() == DatabaseReadout.Step.CONNECT && d.nanos() != null ? d.nanos() : -1;
                        out = 0;
                        in = 0;
                        trips = 0;
                        break;
                    case REQUEST:
                        if (!d.session() && e.bytes() != null) out += e.bytes().count();
                        if (!d.session()) trips += d.roundTrips();
                        break;
                    case RESPONSE:
                        if (!d.session() && e.bytes() != null) in += e.bytes().count();
                        break;
                    default:
                        break;
                }
            }
            if (e.sql() != null) {
                DiagramStep.Wire wire = step == null ? null : new DiagramStep.Wire(step.connection(), step.use(), connect, out, in, trips);
                calls.add(new DiagramStep.SqlCall(e.sql().statement(), e.sql().rows(), e.sql().nanos(), wire));
                step = null;
            }
        }
        return calls;
    }

    /** True for the bytes of the database socket, which are not the HTTP connection's. */
    static boolean databaseBytes(StageEvent e) {
        return e.database() != null;
    }
}
