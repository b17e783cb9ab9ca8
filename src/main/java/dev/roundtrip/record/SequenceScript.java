package dev.roundtrip.record;

import dev.roundtrip.text.Units;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Peer;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.DatabaseReadout;
import dev.roundtrip.trace.StageEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sequence diagram of exchanges as a list of neutral steps (messages, notes, activations),
 * built only from what was recorded; {@link MermaidDiagram} and {@link PlantUmlDiagram} turn it
 * into text. Steps of one exchange are grouped in blocks ordered by the time they began, so a
 * cancellation shows where it happened, between the server's stages.
 */
public final class SequenceScript {
    /** The lifelines, left to right, with a short id safe in both syntaxes. */
    public enum Lifeline {
        CLIENT("C", "Client"), CLIENT_KERNEL("CK", "Client kernel"), SERVER_KERNEL("SK", "Server kernel"),
        SERVER("S", "Server"), DATABASE("DB", "Database"),
        /** Only in captured exchanges: the client and the server Roundtrip stands between. */
        FOREIGN_CLIENT("FC", "Foreign client"), FOREIGN_SERVER("FS", "Foreign server");

        public final String id;
        public final String title;

        Lifeline(String id, String title) {
            this.id = id;
            this.title = title;
        }
    }

    public enum Arrow { CALL, REPLY, LOST }

    public enum Side { LEFT, RIGHT, OVER }

    /** One line of the diagram. */
    public sealed interface Step permits Section, Message, Note, Activate, Deactivate, Highlight {}

    /** Starts one exchange: a divider with its summary. */
    public record Section(String text, boolean error) implements Step {
        public Section {
            text = label(text);
        }
    }

    /** An arrow; its text is {@link #label cut} to a size a diagram can draw. */
    public record Message(Lifeline from, Lifeline to, Arrow arrow, String text) implements Step {
        public Message {
            text = label(text);
        }
    }

    /** A note beside ({@code LEFT}/{@code RIGHT} of {@code at}) or over {@code at}..{@code to}. */
    public record Note(Side side, Lifeline at, Lifeline to, String text, boolean error) implements Step {
        public Note {
            text = label(text);
        }
    }

    /** Longest label drawn whole; a longer one (a 27,000-character URL from a HAR) is cut and says its size. */
    public static final int MAX_LABEL = 160;

    /** SQL calls drawn per process stage; the rest are counted in one note, so a chatty handler stays drawable. */
    public static final int MAX_SQL_CALLS = 12;

    /**
     * {@code text} if it has at most {@value #MAX_LABEL} characters, else its beginning and how long it
     * was: "GET /search?q=… (27,600 characters)". Never cuts a character in half.
     */
    static String label(String text) {
        if (text.length() <= MAX_LABEL) return text;
        int keep = MAX_LABEL - 30;
        if (Character.isHighSurrogate(text.charAt(keep - 1))) keep--;
        return text.substring(0, keep) + String.format(java.util.Locale.ROOT, "… (%,d characters)", text.length());
    }

    public record Activate(Lifeline who) implements Step {}

    public record Deactivate(Lifeline who) implements Step {}

    /** Opens ({@code begin}) or closes a highlighted region around a failed exchange. */
    public record Highlight(boolean begin, String label) implements Step {}

    private static final List<Lifeline> ENGINE = List.of(Lifeline.CLIENT, Lifeline.CLIENT_KERNEL, Lifeline.SERVER_KERNEL,
            Lifeline.SERVER, Lifeline.DATABASE);
    /** A captured exchange, left to right as its bytes travel: Roundtrip's server side faces the client, its client side the server. */
    private static final List<Lifeline> CAPTURE = List.of(Lifeline.FOREIGN_CLIENT, Lifeline.SERVER_KERNEL, Lifeline.SERVER,
            Lifeline.CLIENT, Lifeline.CLIENT_KERNEL, Lifeline.FOREIGN_SERVER);

    private final List<Step> steps;
    private final List<Lifeline> lifelines;

    private SequenceScript(List<Step> steps, List<Lifeline> lifelines) {
        this.steps = List.copyOf(steps);
        this.lifelines = lifelines;
    }

    public List<Step> steps() {
        return steps;
    }

    /** The lifelines to declare, left to right: the engine's five, the capture's six, or both kinds for a mixed recording. */
    public List<Lifeline> lifelines() {
        return lifelines;
    }

    /** What a lifeline is called here: in a capture, the middle four are Roundtrip's own two sides. */
    public String title(Lifeline l) {
        if (!lifelines.contains(Lifeline.FOREIGN_CLIENT)) return l.title;
        switch (l) {
            case SERVER_KERNEL: return "Roundtrip kernel (listening)";
            case SERVER: return "Roundtrip (server side)";
            case CLIENT: return "Roundtrip (client side)";
            case CLIENT_KERNEL: return "Roundtrip kernel (upstream)";
            default: return l.title;
        }
    }

    public static SequenceScript of(Recording recording) {
        return of(recording.exchanges());
    }

    public static SequenceScript of(List<Exchange> exchanges) {
        List<Step> out = new ArrayList<>();
        boolean captured = false;
        boolean engine = false;
        for (Exchange x : exchanges) {
            boolean c = x.upstream().isPresent();
            captured |= c;
            engine |= !c;
            out.addAll(c ? CapturedScript.exchange(x) : exchange(x));
        }
        List<Lifeline> lines = !captured ? ENGINE : !engine ? CAPTURE
                : List.of(Lifeline.FOREIGN_CLIENT, Lifeline.CLIENT, Lifeline.CLIENT_KERNEL, Lifeline.SERVER_KERNEL, Lifeline.SERVER,
                        Lifeline.DATABASE, Lifeline.FOREIGN_SERVER);
        return new SequenceScript(out, lines);
    }

    /** The one-line summary used as a section title: "#1 GET /users/1 → 200 OK (6.100 ms)". */
    public static String summary(Exchange x) {
        String result;
        ResponseInfo r = x.response().orElse(null);
        if (r != null) result = r.status() + (r.reason().isEmpty() ? "" : " " + r.reason());
        else result = x.outcome().wireName().toUpperCase(java.util.Locale.ROOT);
        return "#" + x.id() + " " + x.request().summary() + " → " + result + " (" + Units.duration(x.durationNanos()) + ")";
    }

    /** Whether the exchange went wrong anywhere: 4xx/5xx, no response, or a stage ended in ERROR. */
    public static boolean failed(Exchange x) {
        if (x.response().map(ResponseInfo::isError).orElse(false)) return true;
        Outcome o = x.outcome();
        if (o == Outcome.CANCELLED || o == Outcome.TIMEOUT || o == Outcome.FAILED) return true;
        return x.events().stream().anyMatch(e -> e.phase() == Phase.ERROR);
    }

    record Block(long t, int order, List<Step> steps) {}

    private static List<Step> exchange(Exchange x) {
        StageTimes times = StageTimes.of(x);
        List<StageEvent> events = x.events();
        ResponseInfo response = x.response().orElse(null);
        boolean failed = failed(x);
        List<Block> blocks = new ArrayList<>();
        int[] order = {0};

        for (GateEvent g : x.gateEvents()) {
            if (g.kind().endsHold()) continue;
            Lifeline where = gateLifeline(g.stage());
            String text = (g.kind() == GateEvent.Kind.HELD ? "held before " : "probed before ") + g.stage().wireName()
                    + kernelText(g.kernel());
            blocks.add(new Block(g.tNanos(), order[0]++, List.of(new Note(Side.OVER, where, null, text, false))));
        }

        times.get(Stage.CONNECT).ifPresent(s -> {
            // the kernels' SYN, SYN-ACK, ACK as one measured step: no packet times are invented
            List<Step> b = new ArrayList<>();
            b.add(new Message(Lifeline.CLIENT_KERNEL, Lifeline.SERVER_KERNEL, s.failed() ? Arrow.LOST : Arrow.CALL, "SYN"));
            if (!s.failed()) {
                b.add(new Message(Lifeline.SERVER_KERNEL, Lifeline.CLIENT_KERNEL, Arrow.REPLY, "SYN-ACK"));
                b.add(new Message(Lifeline.CLIENT_KERNEL, Lifeline.SERVER_KERNEL, Arrow.CALL, "ACK"));
            }
            b.add(new Note(Side.OVER, Lifeline.CLIENT_KERNEL, Lifeline.SERVER_KERNEL, "the kernels' work: " + stageNote(Side.OVER,
                    Lifeline.CLIENT_KERNEL, s, lastDetail(events, Stage.CONNECT)).text(), s.failed()));
            blocks.add(new Block(s.beginNanos(), order[0]++, b));
        });

        times.get(Stage.HANDSHAKE).ifPresent(s -> {
            List<Step> b = new ArrayList<>();
            for (StageEvent e : events) {
                if (e.stage() != Stage.HANDSHAKE || e.tlsRecord() == null) continue;
                boolean fromClient = e.actor() == dev.roundtrip.trace.Actor.CLIENT;
                if (fromClient != e.detail().startsWith("TLS record sent")) continue; // each record once, from the side that sent it
                b.add(new Message(fromClient ? Lifeline.CLIENT : Lifeline.SERVER, fromClient ? Lifeline.SERVER : Lifeline.CLIENT,
                        fromClient ? Arrow.CALL : Arrow.REPLY, e.tlsRecord().message() + " (" + e.tlsRecord().wireLength() + " bytes)"));
            }
            b.add(stageNote(Side.LEFT, Lifeline.CLIENT, s, lastDetail(events, Stage.HANDSHAKE)));
            blocks.add(new Block(s.beginNanos(), order[0]++, b));
        });

        times.get(Stage.SEND).ifPresent(s -> {
            List<Step> b = new ArrayList<>();
            String bytes = s.bytes() > 0 ? " (" + s.bytes() + " bytes)" : "";
            b.add(new Message(Lifeline.CLIENT, Lifeline.CLIENT_KERNEL, Arrow.CALL, "send " + x.request().summary() + bytes));
            b.add(new Message(Lifeline.CLIENT_KERNEL, Lifeline.SERVER_KERNEL, s.failed() ? Arrow.LOST : Arrow.CALL,
                    s.bytes() > 0 ? s.bytes() + " bytes " + path(x) : "request " + path(x)));
            b.add(stageNote(Side.LEFT, Lifeline.CLIENT, s, lastDetail(events, Stage.SEND)));
            blocks.add(new Block(s.beginNanos(), order[0]++, b));
        });

        times.get(Stage.PARSE).ifPresent(s -> {
            List<Step> b = new ArrayList<>();
            b.add(new Message(Lifeline.SERVER_KERNEL, Lifeline.SERVER, Arrow.CALL,
                    "parse" + (s.bytes() > 0 ? " (" + s.bytes() + " bytes read)" : "")));
            b.add(new Activate(Lifeline.SERVER));
            b.add(stageNote(Side.RIGHT, Lifeline.SERVER, s, lastDetail(events, Stage.PARSE)));
            b.add(new Deactivate(Lifeline.SERVER));
            blocks.add(new Block(s.beginNanos(), order[0]++, b));
        });

        times.get(Stage.PROCESS).ifPresent(s -> {
            List<Step> b = new ArrayList<>();
            // A message into S before each activation: PlantUML refuses to re-activate without one.
            String route = firstDetail(events, Stage.PROCESS);
            b.add(new Message(Lifeline.SERVER, Lifeline.SERVER, Arrow.CALL, "process" + (route.isEmpty() ? "" : ": " + route)));
            b.add(new Activate(Lifeline.SERVER));
            int sqlCalls = 0;
            long hiddenNanos = 0;
            // over the database socket: the pool's connect or reuse, then the bytes each way, come before each sql readout
            DatabaseReadout connection = null;
            long out = -1;
            long in = -1;
            for (StageEvent e : events) {
                if (e.stage() != Stage.PROCESS) continue;
                DatabaseReadout d = e.database();
                if (d != null && (d.step() == DatabaseReadout.Step.CONNECT || d.step() == DatabaseReadout.Step.REUSE)) {
                    connection = d;
                    out = -1;
                    in = -1;
                } else if (d != null && !d.session() && e.bytes() != null && d.step() == DatabaseReadout.Step.REQUEST) {
                    out = Math.max(out, 0) + e.bytes().count();
                } else if (d != null && !d.session() && e.bytes() != null && d.step() == DatabaseReadout.Step.RESPONSE) {
                    in = Math.max(in, 0) + e.bytes().count();
                }
                if (e.sql() == null) continue;
                DatabaseReadout via = connection;
                connection = null;
                if (++sqlCalls > MAX_SQL_CALLS) {
                    hiddenNanos += e.sql().nanos();
                    continue;
                }
                if (via != null && via.step() == DatabaseReadout.Step.CONNECT) {
                    b.add(new Message(Lifeline.SERVER, Lifeline.DATABASE, Arrow.CALL, "connect #" + via.connection() + " (TCP and H2 session"
                            + (via.nanos() == null ? "" : ", " + Units.duration(via.nanos())) + ")"));
                } else if (via != null) {
                    b.add(new Note(Side.OVER, Lifeline.SERVER, Lifeline.DATABASE, "connection #" + via.connection() + " reused", false));
                }
                b.add(new Message(Lifeline.SERVER, Lifeline.DATABASE, Arrow.CALL, e.sql().statement() + (out >= 0 ? " (" + Units.bytes(out) + ")" : "")));
                b.add(new Message(Lifeline.DATABASE, Lifeline.SERVER, Arrow.REPLY,
                        Units.count(e.sql().rows(), "row") + (in >= 0 ? ", " + Units.bytes(in) : "") + " in " + Units.duration(e.sql().nanos())));
                out = -1;
                in = -1;
            }
            if (sqlCalls > MAX_SQL_CALLS) {
                b.add(new Note(Side.OVER, Lifeline.SERVER, Lifeline.DATABASE, Units.count(sqlCalls - MAX_SQL_CALLS, "more SQL call")
                        + " not drawn (" + Units.duration(hiddenNanos) + " in all)", false));
            }
            b.add(stageNote(Side.RIGHT, Lifeline.SERVER, s, lastDetail(events, Stage.PROCESS)));
            b.add(new Deactivate(Lifeline.SERVER));
            blocks.add(new Block(s.beginNanos(), order[0]++, b));
        });

        boolean clientLeft = x.outcome() == Outcome.CANCELLED || x.outcome() == Outcome.TIMEOUT;
        times.get(Stage.RESPOND).ifPresent(s -> {
            List<Step> b = new ArrayList<>();
            String status = response != null ? " " + response.status() + " " + response.reason() : "";
            b.add(new Message(Lifeline.SERVER, Lifeline.SERVER, Arrow.CALL, "respond" + status));
            b.add(new Activate(Lifeline.SERVER));
            b.add(new Message(Lifeline.SERVER, Lifeline.SERVER_KERNEL, Arrow.CALL,
                    s.bytes() > 0 ? "write " + s.bytes() + " bytes" : "write the response"));
            b.add(stageNote(Side.RIGHT, Lifeline.SERVER, s, lastDetail(events, Stage.RESPOND)));
            b.add(new Deactivate(Lifeline.SERVER));
            if (s.failed() || (clientLeft && times.get(Stage.INTERPRET).isEmpty())) {
                b.add(new Message(Lifeline.SERVER_KERNEL, Lifeline.CLIENT_KERNEL, Arrow.LOST,
                        "response not delivered: " + (clientLeft ? "the client has left" : "the connection failed")));
            } else {
                b.add(new Message(Lifeline.SERVER_KERNEL, Lifeline.CLIENT_KERNEL, Arrow.REPLY,
                        s.bytes() > 0 ? s.bytes() + " bytes " + path(x) : "response " + path(x)));
            }
            blocks.add(new Block(s.beginNanos(), order[0]++, b));
        });

        times.get(Stage.INTERPRET).ifPresent(s -> {
            List<Step> b = new ArrayList<>();
            if (times.get(Stage.RESPOND).isEmpty()) {
                // No server stages recorded (an imported HAR): only the wait is known.
                long sendEnd = times.get(Stage.SEND).map(p -> p.endNanos() == null ? p.beginNanos() : p.endNanos()).orElse(x.startedNanos());
                b.add(new Note(Side.OVER, Lifeline.SERVER_KERNEL, Lifeline.SERVER,
                        "waited " + Units.duration(Math.max(0, s.beginNanos() - sendEnd)) + " (server and network not measured apart)", false));
                b.add(new Message(Lifeline.SERVER_KERNEL, Lifeline.CLIENT_KERNEL, Arrow.REPLY,
                        x.peer().map(p -> "response from " + p.describe()).orElse("response")));
            }
            String status = response != null ? " " + response.status() + " " + response.reason() : "";
            b.add(new Message(Lifeline.CLIENT_KERNEL, Lifeline.CLIENT, Arrow.REPLY,
                    "interpret" + status + (s.bytes() > 0 ? " (" + s.bytes() + " bytes read)" : "")));
            b.add(stageNote(Side.LEFT, Lifeline.CLIENT, s, lastDetail(events, Stage.INTERPRET)));
            blocks.add(new Block(s.beginNanos(), order[0]++, b));
        });

        ExchangeEnded end = x.end().orElse(null);
        if (end != null && end.outcome() != Outcome.COMPLETED) {
            String text = end.outcome().wireName().toUpperCase(java.util.Locale.ROOT)
                    + (end.detail() == null || end.detail().isEmpty() ? "" : ": " + end.detail())
                    + " after " + Units.duration(end.tNanos() - x.startedNanos());
            blocks.add(new Block(end.tNanos(), order[0]++, List.of(new Note(Side.OVER, Lifeline.CLIENT, null, text, true))));
        } else if (end != null && response != null && response.isError()) {
            blocks.add(new Block(end.tNanos(), order[0]++, List.of(new Note(Side.OVER, Lifeline.CLIENT, null,
                    "ERROR " + response.status() + " " + response.reason(), true))));
        } else if (end == null) {
            blocks.add(new Block(Long.MAX_VALUE, order[0]++, List.of(new Note(Side.OVER, Lifeline.CLIENT, null,
                    "still under way when recorded", false))));
        }

        blocks.sort(Comparator.comparingLong(Block::t).thenComparingInt(Block::order));
        List<Step> out = new ArrayList<>();
        out.add(new Section(summary(x), failed));
        if (failed) out.add(new Highlight(true, "failed: " + summary(x)));
        for (Block b : blocks) out.addAll(b.steps());
        if (failed) out.add(new Highlight(false, ""));
        return out;
    }

    /**
     * How the bytes travelled: "over loopback" for the lab's own exchanges, "to example.com
     * (93.184.216.34)" for an imported one that went elsewhere (never "loopback" unless it was).
     */
    static String path(Exchange x) {
        Peer peer = x.peer().orElse(null);
        if (peer == null) return "over loopback";
        return (peer.isLoopback() ? "over loopback to " : "over the network to ") + peer.describe();
    }

    static Note stageNote(Side side, Lifeline at, StageTimes.Span s, String detail) {
        String duration = s.durationNanos().map(Units::duration).orElse("did not end");
        String text = s.stage().wireName() + " " + duration;
        if (s.failed()) text = "ERROR in " + text + (detail.isEmpty() ? "" : ": " + detail);
        return new Note(side, at, null, text, s.failed());
    }

    /** The detail of the stage's END or ERROR, where the engine says what happened. */
    static String lastDetail(List<StageEvent> events, Stage stage) {
        String d = "";
        for (StageEvent e : events) {
            if (e.stage() == stage && (e.phase() == Phase.END || e.phase() == Phase.ERROR) && e.detail() != null) d = e.detail();
        }
        return d;
    }

    /** The detail of the stage's BEGIN ("route GET /users/{id}"). */
    static String firstDetail(List<StageEvent> events, Stage stage) {
        for (StageEvent e : events) {
            if (e.stage() == stage && e.phase() == Phase.BEGIN && e.detail() != null) return e.detail();
        }
        return "";
    }

    private static Lifeline gateLifeline(Stage stage) {
        switch (stage) {
            case SEND: return Lifeline.CLIENT;
            case PARSE: return Lifeline.SERVER_KERNEL;
            case INTERPRET: return Lifeline.CLIENT_KERNEL;
            default: return Lifeline.SERVER;
        }
    }

    private static String kernelText(KernelReadout k) {
        if (k == null) return "";
        if (k.rxQueue() != null) return ": rx queue " + k.rxQueue() + " bytes";
        return ": kernel queues not available" + (k.unavailable() == null ? "" : " (" + k.unavailable() + ")");
    }
}
