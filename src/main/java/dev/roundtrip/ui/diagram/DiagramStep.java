package dev.roundtrip.ui.diagram;

import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Stage;
import java.util.List;

/**
 * One stage of one exchange as the sequence diagram draws it: an arrow (or activation) between two
 * lifelines with its real measured figures.
 *
 * @param from where the arrow starts
 * @param to where it ends (equal to {@code from} for an activation only)
 * @param via the lifelines the arrow crosses on its way, each marked with a dot (the client's kernel on send)
 * @param title the main label ("GET /users/1", "parse", "404 Not Found")
 * @param figures the measured figures ("78 B · 1 write · 52 µs")
 * @param beginNanos first event of the stage, relative to the recording
 * @param endNanos its END or ERROR event, or -1 while the stage is still under way
 * @param problem what went wrong in this stage, or null
 * @param sql the SQL statements run in this stage (process only)
 * @param messages a long-lived exchange's messages after its response head, both ways (interpret, or respond when only the server's side is known)
 */
public record DiagramStep(Stage stage, Actor from, Actor to, List<Actor> via, String title, String figures,
                          long beginNanos, long endNanos, long bytes, int socketOps, String problem,
                          List<SqlCall> sql, List<Message> messages) {
    public DiagramStep {
        via = List.copyOf(via);
        sql = List.copyOf(sql);
        messages = List.copyOf(messages);
    }

    public DiagramStep(Stage stage, Actor from, Actor to, List<Actor> via, String title, String figures, long beginNanos, long endNanos,
                       long bytes, int socketOps, String problem, List<SqlCall> sql) {
        this(stage, from, to, via, title, figures, beginNanos, endNanos, bytes, socketOps, problem, sql, List.of());
    }

    /** A step whose arrow goes straight from one lifeline to the next. */
    public DiagramStep(Stage stage, Actor from, Actor to, String title, String figures, long beginNanos, long endNanos,
                       long bytes, int socketOps, String problem, List<SqlCall> sql) {
        this(stage, from, to, List.of(), title, figures, beginNanos, endNanos, bytes, socketOps, problem, sql);
    }

    public boolean ended() {
        return endNanos >= 0;
    }

    public long durationNanos() {
        return ended() ? endNanos - beginNanos : -1;
    }

    public boolean failed() {
        return problem != null;
    }

    /** The same step with these messages. */
    DiagramStep withMessages(List<Message> m) {
        return new DiagramStep(stage, from, to, via, title, figures, beginNanos, endNanos, bytes, socketOps, problem, sql, m);
    }

    /**
     * One SSE event or WebSocket frame as an arrow: the client's writes go to the server, the server's to the client.
     *
     * @param title what it is ("text frame", "event id 7")
     * @param payload its payload (an event's data) in bytes
     * @param wireBytes the bytes it took on the socket, or -1 when not known (an SSE event's bytes are the socket read's)
     */
    public record Message(boolean fromClient, String title, long payload, long wireBytes, long tNanos) {}

    /**
     * One SQL statement as a call to the Database lifeline.
     *
     * @param wire how it crossed the database's socket, or null (embedded: a method call)
     */
    public record SqlCall(String statement, int rows, long nanos, Wire wire) {
        public SqlCall(String statement, int rows, long nanos) {
            this(statement, rows, nanos, null);
        }
    }

    /**
     * An SQL call's trip over the database socket ({@link DatabaseCalls}).
     *
     * @param connection the pool's number for the connection it used
     * @param use the how-many-th call on that connection
     * @param connectNanos how long the pool took to open it for this call, or -1: it was reused
     * @param bytesOut bytes server to database (the H2 session's, when opened, not counted)
     * @param bytesIn bytes database to server
     */
    public record Wire(int connection, int use, long connectNanos, long bytesOut, long bytesIn, int roundTrips) {
        public boolean opened() {
            return connectNanos >= 0;
        }
    }
}
