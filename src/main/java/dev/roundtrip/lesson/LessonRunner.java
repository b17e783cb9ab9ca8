package dev.roundtrip.lesson;

import dev.roundtrip.trace.Phrase;
import dev.roundtrip.capture.CaptureOptions;
import dev.roundtrip.capture.CaptureProxy;
import dev.roundtrip.capture.Target;
import dev.roundtrip.client.ExchangeHandle;
import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.gate.GateMode;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.lab.QueueUpdates;
import dev.roundtrip.lab.RealtimeComparison;
import dev.roundtrip.queue.QueueSetup;
import dev.roundtrip.queue.QueueSummary;
import dev.roundtrip.queue.WorkQueue;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.Stage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Carries out lesson actions against the real engine through a {@link Lab}, and reads the
 * measurements afterwards. Runs on one thread at a time (a {@link LessonSession}'s worker, or the
 * CLI's main thread); never on the FX thread, since actions wait for the engine.
 *
 * <p>After an action that sends or releases, the runner waits until every exchange of the lesson
 * is either settled (client and server done, all in the recording) or held at a gate with its
 * HELD event recorded: the moment a student looks at the readouts.
 */
public final class LessonRunner {
    /** Longer than the client's default timeout, so a waiting exchange ends by itself first. */
    static final Duration QUIET_TIMEOUT = RequestSpec.DEFAULT_TIMEOUT.plusSeconds(20);
    /** In a send's target: the id of the newest update the server has made when the request leaves ({@code /poll?since={lastUpdate}}). */
    static final String LAST_UPDATE = "{lastUpdate}";

    private final Lab lab;
    private final LessonState state = new LessonState();
    private final Readouts readouts;
    private final UnaryOperator<RequestSpec> outgoing;
    private boolean standIns;
    private CaptureProxy capture;
    private StandInServer standIn;

    /** Uses {@code lab} without owning it: closing the lab is the caller's job. */
    public LessonRunner(Lab lab) {
        this(lab, UnaryOperator.identity());
    }

    /**
     * A runner whose requests are changed on their way out: tests use it to play a lesson against an
     * engine that answers differently from what the narration claims (a rehearsal must then fail).
     */
    LessonRunner(Lab lab, UnaryOperator<RequestSpec> outgoing) {
        this.lab = lab;
        this.outgoing = outgoing;
        this.readouts = new Readouts(lab.recording(), state);
    }

    public Lab lab() {
        return lab;
    }

    /** Starts a lesson from a clean engine: gates in run mode, default server behaviour. */
    public void begin() {
        restoreEngine();
        state.clear();
    }

    /** Leaves the engine as a lesson found it: nothing held, default behaviour. */
    public void finish() {
        restoreEngine();
    }

    /**
     * For rehearsals only: a {@code capture} step whose server is not running gets a stand-in
     * ({@link StandInServer}) instead of failing, so a teacher can rehearse at home.
     */
    public void useStandIns() {
        standIns = true;
    }

    private void restoreEngine() {
        if (capture != null) capture.close();
        capture = null;
        if (standIn != null) standIn.close();
        standIn = null;
        lab.gates().setBreakpoints(EnumSet.noneOf(Stage.class));
        lab.gates().setMode(GateMode.RUN);
        lab.serverSettings().setProcessDelayMillis(0);
        lab.serverSettings().setTcpNoDelay(true);
    }

    /** Exchanges this lesson has sent, oldest first. */
    public List<Long> exchanges() {
        return state.exchanges();
    }

    /** The latest queue run, for the queue diagram. */
    public Optional<WorkQueue> queue() {
        return state.queue();
    }

    public Optional<NagleExperiment.Result> nagle() {
        return state.nagle();
    }

    /** A readout now (the UI may show it live); see {@link ReadoutCatalog}. */
    public ReadoutValue read(String readout) {
        return readouts.read(readout);
    }

    /** Runs the step's action, waits for the engine, then takes the checkpoint's readout. */
    public StepRun perform(Step step) throws LessonRunException, InterruptedException {
        Phrase report = act(step.action());
        delivered();
        java.util.Map<String, ReadoutValue> readings = new java.util.TreeMap<>();
        for (String name : step.readoutsNeeded()) readings.put(name, readouts.read(name));
        Checkpoint c = step.checkpoint();
        ReadoutValue measured = c == null || c.readout() == null ? null : readings.get(c.readout());
        return new StepRun(step, report, measured, readings);
    }

    private Phrase act(Action a) throws LessonRunException, InterruptedException {
        if (a instanceof Action.Nothing) return null;
        if (a instanceof Action.Send s) return send(s);
        if (a instanceof Action.Raw r) {
            RequestSpec spec = RequestSpec.raw(r.text().getBytes(StandardCharsets.ISO_8859_1));
            if (r.timeoutMs() != null) spec = spec.withTimeout(Duration.ofMillis(r.timeoutMs()));
            long id = launch(spec);
            if (r.waitForEnd()) awaitQuiet();
            return Phrase.of("lesson.run.sentRaw", String.valueOf(r.text().getBytes(StandardCharsets.ISO_8859_1).length), describe(id));
        }
        if (a instanceof Action.Server s) {
            List<Phrase> done = new ArrayList<>();
            if (s.delayMs() != null) {
                lab.serverSettings().setProcessDelayMillis(s.delayMs());
                done.add(Phrase.of("lesson.run.server.delay", Phrase.duration(s.delayMs() * 1_000_000L)));
            }
            if (s.tcpNoDelay() != null) {
                lab.serverSettings().setTcpNoDelay(s.tcpNoDelay());
                done.add(Phrase.of(s.tcpNoDelay() ? "lesson.run.server.noDelayOn" : "lesson.run.server.noDelayOff"));
            }
            return Phrase.of("lesson.run.server", joined("lesson.run.list", done));
        }
        if (a instanceof Action.Gate g) {
            lab.gates().setBreakpoints(g.stages().isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(g.stages()));
            lab.gates().setMode(g.mode());
            String mode = g.mode().name().toLowerCase(java.util.Locale.ROOT);
            if (g.mode() != GateMode.BREAKPOINTS) return Phrase.of("lesson.run.gates", mode);
            return Phrase.of("lesson.run.gates.before", mode, g.stages().stream().sorted().map(Stage::wireName).collect(Collectors.joining(", ")));
        }
        if (a instanceof Action.StepOnce) {
            Optional<dev.roundtrip.gate.Hold> h = lab.gates().step();
            if (h.isEmpty()) return Phrase.of("lesson.run.step.nothingHeld");
            awaitQuiet();
            return Phrase.of("lesson.run.step", String.valueOf(h.get().exchangeId()), h.get().stage().wireName(), describe(h.get().exchangeId()));
        }
        if (a instanceof Action.Release) {
            lab.gates().setMode(GateMode.RUN);
            awaitQuiet();
            return state.latest().map(id -> Phrase.of("lesson.run.release.latest", describe(id))).orElse(Phrase.of("lesson.run.release"));
        }
        if (a instanceof Action.Cancel) {
            long id = state.latest().orElseThrow(() -> new LessonRunException(Phrase.of("lesson.failed.nothingSent", "cancel")));
            lab.cancel(id);
            awaitQuiet();
            awaitReset(id);
            return Phrase.of("lesson.run.cancel", String.valueOf(id), describe(id));
        }
        if (a instanceof Action.Probe) {
            long id = state.latest().orElseThrow(() -> new LessonRunException(Phrase.of("lesson.failed.nothingSent", "probe")));
            return lab.probe(id).map(k -> {
                Phrase queues = Phrase.of("lesson.run.probe", String.valueOf(id), orNa(k.rxQueue()), orNa(k.txQueue()));
                // why a queue is missing is the probe's own text (a code and its explanation, as recorded)
                return k.unavailable() == null ? queues : Phrase.of("lesson.run.probe.why", queues, k.unavailable());
            }).orElse(Phrase.of("lesson.run.probe.none", String.valueOf(id)));
        }
        if (a instanceof Action.Pause p) {
            Thread.sleep(p.ms());
            return Phrase.of("lesson.run.waited", Phrase.duration(p.ms() * 1_000_000L));
        }
        if (a instanceof Action.Queue q) {
            WorkQueue run = WorkQueue.start(new QueueSetup(q.jobs(), q.consumers(), q.capacity(),
                    Duration.ofMillis(q.workMs()), Duration.ofMillis(q.produceEveryMs())), lab.bus().clock());
            state.queue(run);
            if (!run.await(Duration.ofSeconds(60))) throw new LessonRunException(Phrase.of("lesson.failed.queue", 60));
            QueueSummary s = run.summary();
            return Phrase.of("lesson.run.queue", String.valueOf(s.jobsDone()), String.valueOf(s.consumersUsed()), String.valueOf(s.maxDepth()));
        }
        if (a instanceof Action.Nagle n) {
            try {
                NagleExperiment.Result r = NagleExperiment.run(n.rounds());
                state.nagle(r);
                return Phrase.of("lesson.run.nagle", Phrase.duration(r.nodelayOff().medianNanos()), Phrase.duration(r.nodelayOn().medianNanos()));
            } catch (IOException e) {
                throw new LessonRunException(Phrase.of("lesson.failed.nagle", String.valueOf(e.getMessage())), e);
            }
        }
        if (a instanceof Action.Capture c) return capture(c);
        if (a instanceof Action.Stream s) return stream(s);
        if (a instanceof Action.Realtime r) return realtime(r);
        throw new IllegalStateException("no rule for action " + a.kind());
    }

    private Phrase send(Action.Send s) throws LessonRunException, InterruptedException {
        byte[] body = s.body() == null ? null : s.body().getBytes(StandardCharsets.UTF_8);
        RequestSpec spec = new RequestSpec(s.method(), s.target(), List.copyOf(s.headers()), body, null, s.keepAlive(),
                s.timeoutMs() == null ? RequestSpec.DEFAULT_TIMEOUT : Duration.ofMillis(s.timeoutMs()), s.tls());
        if (s.tls() && lab.tlsPort().isEmpty()) {
            throw new LessonRunException(Phrase.of("lesson.failed.noTls", String.valueOf(lab.tlsUnavailable())));
        }
        List<Long> ids = new ArrayList<>();
        String target = s.target();
        for (int i = 0; i < s.count(); i++) {
            if (i > 0 && !s.concurrent() && s.intervalMs() > 0) Thread.sleep(s.intervalMs());
            RequestSpec one = spec;
            if (s.target().contains(LAST_UPDATE)) {
                target = s.target().replace(LAST_UPDATE, Long.toString(lab.lastUpdateId()));
                one = new RequestSpec(spec.method(), target, spec.headers(), spec.body(), null, spec.keepAlive(), spec.timeout(), spec.tls());
            }
            ids.add(launch(one, s.http2()));
            if (!s.concurrent() && s.waitForEnd()) awaitQuiet();
        }
        state.batch(s.http2(), ids);
        if (s.waitForEnd()) awaitQuiet();
        else if (s.http2()) awaitSent(ids);
        Object what = s.method() + " " + target;
        if (s.tls()) what = Phrase.of("lesson.run.overTls", what);
        if (s.http2()) what = Phrase.of("lesson.run.overHttp2", what);
        if (ids.size() == 1) return Phrase.of("lesson.run.sent", what, describe(ids.get(0)));
        return Phrase.of(s.concurrent() ? "lesson.run.sentTimesAtOnce" : "lesson.run.sentTimes", what, String.valueOf(ids.size()), describe(ids.get(ids.size() - 1)));
    }

    /**
     * One request to the student's server through a capture proxy of this lab (started at the first such
     * step, kept for the lesson), sent by a plain JDK client, as curl would: the captured exchange, with
     * both hops and the foreign server's time measured from outside, becomes the lesson's latest.
     */
    private Phrase capture(Action.Capture c) throws LessonRunException, InterruptedException {
        Target target = Target.parse(c.to());
        if (!answers(target.address())) {
            if (!standIns) {
                throw new LessonRunException(Phrase.of("lesson.failed.nothingAnswers", c.to()));
            }
            try {
                this.standIn = StandInServer.start(target.address());
            } catch (IOException e) {
                throw new LessonRunException(Phrase.of("lesson.failed.noStandIn", c.to(), String.valueOf(e.getMessage())), e);
            }
        }
        CaptureProxy proxy = capture;
        if (proxy == null || !proxy.options().target().equals(target)) {
            if (proxy != null) proxy.close();
            try {
                proxy = lab.capture(CaptureOptions.reverse(0, target));
            } catch (IOException e) {
                throw new LessonRunException(Phrase.of("lesson.failed.proxy",
                        e instanceof dev.roundtrip.trace.SaidIOException p ? p.said() : String.valueOf(e.getMessage())), e);
            }
            capture = proxy;
        }
        java.util.Set<Long> before = new java.util.HashSet<>();
        for (Exchange x : lab.recording().exchanges()) before.add(x.id());
        int timeout = c.timeoutMs() == null ? (int) RequestSpec.DEFAULT_TIMEOUT.toMillis() : c.timeoutMs();
        Phrase status = ForeignClient.request(proxy.address(), c.method(), c.target(), timeout);
        long id = -1;
        long deadline = System.nanoTime() + QUIET_TIMEOUT.toNanos();
        while (id < 0) {
            delivered();
            for (Exchange x : lab.recording().exchanges()) if (!before.contains(x.id())) id = x.id();
            if (id < 0 && System.nanoTime() > deadline) throw new LessonRunException(Phrase.of("lesson.failed.nothingCaptured", c.method() + " " + c.target()));
            if (id < 0) Thread.sleep(2);
        }
        state.sent(id);
        awaitQuiet();
        return Phrase.of(standIn != null ? "lesson.run.captured.standIn" : "lesson.run.captured", c.method() + " " + c.target(), target.describe(), status, describe(id));
    }

    /** A long-lived exchange on /events or /ws: the client stays until it has heard {@code messages} updates, then leaves. */
    private Phrase stream(Action.Stream s) throws LessonRunException, InterruptedException {
        java.util.concurrent.CountDownLatch heard = new java.util.concurrent.CountDownLatch(s.messages());
        dev.roundtrip.client.LiveClient.Stream live = s.route().equals("ws") ? lab.webSocket(text -> heard.countDown())
                : lab.events(-1, data -> heard.countDown());
        state.sent(live.exchangeId());
        boolean all;
        try {
            all = heard.await(s.timeoutMs(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } finally {
            live.close();
        }
        awaitQuiet();
        String what = "GET /" + s.route();
        if (!all) {
            throw new LessonRunException(Phrase.of("lesson.failed.fewUpdates", what, s.messages() - heard.getCount(), s.messages(),
                    Phrase.duration(s.timeoutMs() * 1_000_000L)));
        }
        return Phrase.of("lesson.run.stream", what, String.valueOf(s.messages()), describe(live.exchangeId()));
    }

    /** The four ways, one after the other; their exchanges join the lesson's, the last one becomes its latest. */
    private Phrase realtime(Action.Realtime r) throws LessonRunException, InterruptedException {
        RealtimeComparison.Result result;
        try {
            result = RealtimeComparison.run(lab, r.updates(), Duration.ofMillis(r.everyMs()), Duration.ofMillis(r.pollEveryMs()));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new LessonRunException(Phrase.of("lesson.failed.realtime", String.valueOf(e.getMessage())), e);
        } finally {
            lab.updateEvery(QueueUpdates.EVERY);
        }
        for (RealtimeComparison.Row row : result.rows()) row.exchangeIds().forEach(state::sent);
        state.realtime(result);
        awaitQuiet();
        List<Phrase> rows = new ArrayList<>();
        for (RealtimeComparison.Row row : result.rows()) {
            rows.add(Phrase.of("lesson.run.realtime.way", row.way().wireName(), row.requests(),
                    String.valueOf(row.bytesUp() + row.bytesDown()), Phrase.duration(row.medianDelayNanos())));
        }
        return Phrase.of("lesson.run.realtime", String.valueOf(r.updates()), joined("lesson.run.rows", rows));
    }

    /** Phrases one after the other, joined by {@code key} ("{0}, {1}"), each still put into words when read. */
    private static Phrase joined(String key, List<Phrase> parts) {
        if (parts.isEmpty()) return Phrase.of("lesson.asWritten", "");
        Phrase all = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) all = Phrase.of(key, parts.get(i), all);
        return all;
    }

    private static boolean answers(java.net.InetSocketAddress at) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(at, 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private long launch(RequestSpec spec) {
        return launch(spec, false);
    }

    private long launch(RequestSpec spec, boolean http2) {
        RequestSpec out = outgoing.apply(spec);
        ExchangeHandle h = http2 ? lab.sendHttp2(out) : lab.send(out);
        state.sent(h.exchangeId());
        return h.exchangeId();
    }

    /** Waits until every exchange of the lesson is settled or held (its HELD recorded). */
    private void awaitQuiet() throws LessonRunException, InterruptedException {
        long deadline = System.nanoTime() + QUIET_TIMEOUT.toNanos();
        for (long id : state.exchanges()) {
            while (!settledOrHeld(id)) {
                if (System.nanoTime() > deadline) {
                    throw new LessonRunException(Phrase.of("lesson.failed.notSettled", String.valueOf(id), QUIET_TIMEOUT.toSeconds()));
                }
                Thread.sleep(2);
            }
        }
        delivered();
    }

    /**
     * Requests sent without waiting for their answers: over HTTP/2 each becomes a stream only once the
     * connection's event loop has opened it, so the step waits until each request has left (its send stage
     * ended), is held at a gate or has ended; a {@code cancel} right after then resets a stream that exists.
     */
    private void awaitSent(List<Long> ids) throws LessonRunException, InterruptedException {
        long deadline = System.nanoTime() + QUIET_TIMEOUT.toNanos();
        for (long id : ids) {
            while (!settledOrHeld(id) && lab.recording().exchange(id).map(x -> x.events().stream()
                    .noneMatch(e -> e.stage() == Stage.SEND && e.phase() == dev.roundtrip.trace.Phase.END)).orElse(true)) {
                if (System.nanoTime() > deadline) {
                    throw new LessonRunException(Phrase.of("lesson.failed.notLeft", String.valueOf(id), QUIET_TIMEOUT.toSeconds()));
                }
                Thread.sleep(2);
            }
        }
        delivered();
    }

    /**
     * An HTTP/2 stream the client left ends before its RST_STREAM is written (the stream's close writes it):
     * waits, a little, until that frame is in the recording too, so the step's readouts see it.
     */
    private void awaitReset(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            List<dev.roundtrip.trace.StageEvent> events = lab.recording().exchange(id).map(Exchange::events).orElse(List.of());
            if (events.stream().noneMatch(e -> e.frame() != null)) return; // HTTP/1.1: leaving is closing the connection
            if (events.stream().anyMatch(e -> e.frame() != null && e.frame().type().equals("RST_STREAM"))) return;
            Thread.sleep(2);
            delivered();
        }
    }

    private boolean settledOrHeld(long id) {
        if (lab.settled(id).isDone()) return true;
        Optional<Stage> held = lab.gates().heldStage(id);
        if (held.isEmpty()) return false;
        Optional<Exchange> x = lab.recording().exchange(id);
        if (x.isEmpty()) return false;
        List<GateEvent> g = x.get().gateEvents();
        return g.stream().anyMatch(e -> e.kind() == GateEvent.Kind.HELD && e.stage() == held.get())
                && !g.get(g.size() - 1).kind().endsHold();
    }

    private void delivered() throws InterruptedException {
        lab.bus().awaitDelivered(Duration.ofSeconds(5));
    }

    /** "exchange 3 200 OK (completed)", "exchange 3 held before parse", ... */
    private Phrase describe(long id) {
        Optional<Stage> held = lab.gates().heldStage(id);
        if (held.isPresent()) return Phrase.of("lesson.run.exchange.held", String.valueOf(id), held.get().wireName());
        Optional<Exchange> x = lab.recording().exchange(id);
        // a request sent without waiting may not have reached the recording yet: it is under way all the same
        if (x.isEmpty()) return Phrase.of("lesson.run.exchange", String.valueOf(id), "", Phrase.of("lesson.word." + dev.roundtrip.trace.Outcome.PENDING.wireName()));
        String status = x.get().response().map(r -> r.status() + " " + r.reason() + " ").orElse("");
        return Phrase.of("lesson.run.exchange", String.valueOf(id), status, Phrase.of("lesson.word." + x.get().outcome().wireName()));
    }

    private static Phrase orNa(Object v) {
        return v == null ? Phrase.of("lesson.run.probe.na") : Phrase.of("lesson.run.probe.bytes", String.valueOf(v));
    }
}
