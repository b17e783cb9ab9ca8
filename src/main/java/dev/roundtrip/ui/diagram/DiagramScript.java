package dev.roundtrip.ui.diagram;

import dev.roundtrip.text.Printable;
import dev.roundtrip.text.Units;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the sequence diagram draws for one exchange, derived only from what the recording
 * holds. Immutable; equal scripts draw the same picture, so the view redraws only on change.
 *
 * @param heldBefore the stage a gate holds this exchange before right now, or null
 * @param lifelines the lifelines drawn, left to right: the engine's five, or a captured exchange's six
 * @param connection an HTTP/2 exchange's connection: every frame of its streams in time order; null for other exchanges
 */
public record DiagramScript(long exchangeId, String title, List<DiagramStep> steps, Severity severity,
                            String outcomeText, Stage heldBefore, List<Actor> lifelines, ConnectionFrames connection) {
    /** The diagram's own words (stage titles the UI makes, figures, outcomes); engine details stay as recorded. */
    static final dev.roundtrip.text.Texts.Bundle T = dev.roundtrip.text.Texts.of("dev.roundtrip.ui.diagram.Texts");
    /** Roundtrip's own client and server, with the server's database. */
    public static final List<Actor> ENGINE = List.of(Actor.CLIENT, Actor.CLIENT_KERNEL, Actor.SERVER_KERNEL, Actor.SERVER, Actor.DATABASE);
    /** Roundtrip between a foreign client and a foreign server: its server side faces the client, its client side the server. */
    public static final List<Actor> CAPTURE = List.of(Actor.FOREIGN_CLIENT, Actor.SERVER_KERNEL, Actor.SERVER, Actor.CLIENT,
            Actor.CLIENT_KERNEL, Actor.FOREIGN_SERVER);
    /** A captured exchange's stages in the order its bytes travel. */
    static final List<Stage> CAPTURE_ORDER = List.of(Stage.PARSE, Stage.SEND, Stage.PROCESS, Stage.INTERPRET, Stage.RESPOND);
    public static final DiagramScript EMPTY = new DiagramScript(-1, "", List.of(), Severity.PENDING, "", null, ENGINE);

    public DiagramScript {
        steps = List.copyOf(steps);
        lifelines = List.copyOf(lifelines);
    }

    /** A script without an HTTP/2 connection. */
    public DiagramScript(long exchangeId, String title, List<DiagramStep> steps, Severity severity, String outcomeText, Stage heldBefore,
                         List<Actor> lifelines) {
        this(exchangeId, title, steps, severity, outcomeText, heldBefore, lifelines, null);
    }

    /** True when Roundtrip stood between a foreign client and a foreign server. */
    public boolean captured() {
        return lifelines.equals(CAPTURE);
    }

    public boolean isEmpty() {
        return exchangeId < 0;
    }

    /** The exchange alone: an HTTP/2 exchange's connection shows only the frames recorded on it. */
    public static DiagramScript of(Exchange x) {
        return of(x, List.of(x));
    }

    /**
     * The exchange, and for an HTTP/2 exchange the frames of every stream on its connection found in
     * {@code all} (the recording's exchanges): a socket read or write that carried several streams is
     * recorded on one of them, and the connection's own frames on whichever was newest.
     */
    public static DiagramScript of(Exchange x, List<Exchange> all) {
        if (x.upstream().isPresent()) return CapturedSteps.of(x);
        Map<Stage, List<StageEvent>> byStage = new EnumMap<>(Stage.class);
        for (StageEvent e : x.events()) byStage.computeIfAbsent(e.stage(), s -> new ArrayList<>()).add(e);
        Severity severity = severityOf(x);
        ResponseInfo response = x.response().orElse(null);
        List<DiagramStep> steps = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            List<StageEvent> events = byStage.get(stage);
            if (events == null || events.isEmpty()) continue;
            steps.add(StreamFigures.of(step(x, stage, events, response), x, events, all));
        }
        Messages.attach(steps, byStage);
        ExchangeEnded end = x.end().orElse(null);
        if (end != null && severity.isError() && end.response() == null) {
            // The client gave up or failed: its last step carries the reason, and if it never
            // began interpreting, that step is the client's end itself.
            DiagramStep last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            String problem = labelled(severity, Printable.escape(end.detail(dev.roundtrip.text.Texts.locale())));
            if (last != null && last.stage() == Stage.INTERPRET) {
                steps.set(steps.size() - 1, withProblem(last, problem));
            } else {
                long begin = last == null ? x.startedNanos() : Math.max(x.startedNanos(), last.beginNanos());
                steps.add(new DiagramStep(Stage.INTERPRET, Actor.CLIENT_KERNEL, Actor.CLIENT, T.get("clientGivesUp"),
                        T.get("afterStart", Units.duration(end.tNanos() - x.startedNanos())), begin, end.tNanos(),
                        0, 0, problem, List.of()));
            }
        }
        return new DiagramScript(x.id(), Printable.escape(x.request().summary(dev.roundtrip.text.Texts.locale())), steps, severity, outcomeText(x, severity),
                heldBefore(x), ENGINE, ConnectionFrames.of(x, all));
    }

    static DiagramStep withProblem(DiagramStep s, String problem) {
        return new DiagramStep(s.stage(), s.from(), s.to(), s.via(), s.title(), s.figures(), s.beginNanos(),
                s.endNanos() >= 0 ? s.endNanos() : s.beginNanos(), s.bytes(), s.socketOps(), problem, s.sql(), s.messages());
    }

    static DiagramStep withFigures(DiagramStep s, String figures) {
        return new DiagramStep(s.stage(), s.from(), s.to(), s.via(), s.title(), figures, s.beginNanos(), s.endNanos(), s.bytes(),
                s.socketOps(), s.problem(), s.sql(), s.messages());
    }

    private static DiagramStep step(Exchange x, Stage stage, List<StageEvent> events, ResponseInfo response) {
        Span span = Span.of(stage, events);
        long begin = span.begin();
        long end = span.end();
        String problem = span.problem();
        long bytes = span.bytes();
        int ops = span.ops();
        List<DiagramStep.SqlCall> sql = span.sql();
        String time = Units.duration(span.duration());
        if (span.onlyError()) {
            // nothing ran in this stage; what counts is when it gave up
            String when = T.get("after", Units.duration(begin - x.startedNanos()));
            Actor[] ends = ends(stage);
            return new DiagramStep(stage, ends[0], ends[1], stage.wireName(), when, begin, end, 0, 0, problem, sql);
        }
        switch (stage) {
            case CONNECT: // the kernels' SYN, SYN-ACK, ACK: measured as one connect() time, no packet times invented
                return new DiagramStep(stage, Actor.CLIENT_KERNEL, Actor.SERVER_KERNEL, T.get("connect.title"),
                        T.get("connect.figures", time), begin, end, bytes, ops, problem, sql);
            case HANDSHAKE:
                return new DiagramStep(stage, Actor.CLIENT, Actor.SERVER, T.get("handshake.title"),
                        figures(bytes, ops, "readsWrites", time),
                        begin, end, bytes, ops, problem, sql);
            case SEND:
                return new DiagramStep(stage, Actor.CLIENT, Actor.SERVER_KERNEL, List.of(Actor.CLIENT_KERNEL), Printable.escape(x.request().summary(dev.roundtrip.text.Texts.locale())),
                        figures(bytes, ops, "writes", time),
                        begin, end, bytes, ops, problem, sql);
            case PARSE:
                return new DiagramStep(stage, Actor.SERVER_KERNEL, Actor.SERVER, "parse",
                        figures(bytes, ops, "reads", time),
                        begin, end, bytes, ops, problem, sql);
            case PROCESS:
                return new DiagramStep(stage, Actor.SERVER, Actor.SERVER, "process",
                        T.get("process.figures", sql.size(), time),
                        begin, end, bytes, ops, problem, sql);
            case RESPOND:
                String title = response != null ? response.status() + " " + Printable.escape(response.reason()) : respondTitle(events);
                if (problem == null && response != null && response.isError()) problem = title;
                return new DiagramStep(stage, Actor.SERVER, Actor.CLIENT_KERNEL, title,
                        figures(bytes, ops, "writes", time),
                        begin, end, bytes, ops, problem, sql);
            default:
                return new DiagramStep(stage, Actor.CLIENT_KERNEL, Actor.CLIENT, "interpret",
                        figures(bytes, ops, "reads", time),
                        begin, end, bytes, ops, problem, sql);
        }
    }

    /** What one stage's events add up to: when it began and ended, what failed, the bytes and SQL calls. */
    record Span(long begin, long end, String problem, long bytes, int ops, List<DiagramStep.SqlCall> sql, boolean onlyError) {
        long duration() {
            return end >= 0 ? end - begin : -1;
        }

        boolean ended() {
            return end >= 0;
        }

        static Span of(Stage stage, List<StageEvent> events) {
            long begin = events.get(0).tNanos();
            long end = -1;
            String problem = null;
            long bytes = 0;
            int ops = 0;
            List<DiagramStep.SqlCall> sql = new ArrayList<>();
            for (StageEvent e : events) {
                if (e.phase() == Phase.BEGIN) begin = Math.min(begin, e.tNanos());
                if (e.phase() == Phase.END) end = e.tNanos();
                if (e.phase() == Phase.ERROR) {
                    end = e.tNanos();
                    String detail = e.detailInUse();
                    problem = detail == null || detail.isBlank() ? T.get("stageFailed", stage.wireName()) : Printable.escape(detail);
                }
                // the handshake's bytes are seen by both sides: the client's reads and writes count each byte once
                // a long-lived exchange's messages from the client are its writes, drawn apart (Messages), not reads
                boolean clientMessage = e.message() != null && e.message().fromClient();
                if (e.bytes() != null && !clientMessage && !DatabaseCalls.databaseBytes(e) && (stage != Stage.HANDSHAKE || e.actor() == Actor.CLIENT)) {
                    bytes += e.bytes().count();
                    ops++;
                }
            }
            sql.addAll(DatabaseCalls.of(events));
            return new Span(begin, end, problem, bytes, ops, sql, events.size() == 1 && events.get(0).phase() == Phase.ERROR);
        }
    }

    private static Actor[] ends(Stage s) {
        switch (s) {
            case CONNECT: return new Actor[] {Actor.CLIENT_KERNEL, Actor.SERVER_KERNEL};
            case HANDSHAKE: return new Actor[] {Actor.CLIENT, Actor.SERVER};
            case SEND: return new Actor[] {Actor.CLIENT, Actor.SERVER_KERNEL};
            case PARSE: return new Actor[] {Actor.SERVER_KERNEL, Actor.SERVER};
            case PROCESS: return new Actor[] {Actor.SERVER, Actor.SERVER};
            case RESPOND: return new Actor[] {Actor.SERVER, Actor.CLIENT_KERNEL};
            default: return new Actor[] {Actor.CLIENT_KERNEL, Actor.CLIENT};
        }
    }

    /** Without a client-side response (cancelled, timed out) the server's own detail names it. */
    private static String respondTitle(List<StageEvent> events) {
        for (StageEvent e : events) {
            String detail = e.detailInUse();
            if (detail != null && !detail.isBlank()) return Printable.escape(detail);
        }
        return T.get("response");
    }

    /** "78 B · 1 write · 52 µs": {@code ops} is a count of the bundle's {@code count.<noun>}. */
    static String figures(long bytes, int ops, String noun, String time) {
        return Units.bytes(bytes) + " · " + T.get("count." + noun, ops) + " · " + time;
    }

    static Severity severityOf(Exchange x) {
        Outcome o = x.outcome();
        switch (o) {
            case PENDING: return Severity.PENDING;
            case TIMEOUT: return Severity.TIMEOUT;
            case CANCELLED: return Severity.CANCELLED;
            case FAILED: return Severity.FAILED;
            default:
                int status = x.response().map(ResponseInfo::status).orElse(0);
                if (status >= 500) return Severity.SERVER_ERROR;
                if (status >= 400) return Severity.CLIENT_ERROR;
                return Severity.OK;
        }
    }

    static String outcomeText(Exchange x, Severity s) {
        ResponseInfo r = x.response().orElse(null);
        if (r != null) return r.status() + " " + Printable.escape(r.reason());
        if (s == Severity.PENDING) return T.get("underWay");
        return labelled(s, x.end().map(e -> e.detail(dev.roundtrip.text.Texts.locale())).orElse(""));
    }

    /** "Timed out: no response within 1 s"; a detail that already names the outcome is not repeated. */
    static String labelled(Severity s, String detail) {
        if (detail == null || detail.isBlank()) return s.label();
        String lower = detail.toLowerCase(java.util.Locale.ROOT);
        String name = s.label().toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith(name)) return s.label() + detail.substring(name.length());
        return s.label() + ": " + detail;
    }

    /** The stage a gate holds this exchange before: a HELD not yet followed by its RELEASED (or DISCARDED). */
    static Stage heldBefore(Exchange x) {
        Stage held = null;
        for (GateEvent g : x.gateEvents()) {
            if (g.kind() == GateEvent.Kind.HELD) held = g.stage();
            else if (g.kind().endsHold() && g.stage() == held) held = null;
        }
        return held;
    }
}
