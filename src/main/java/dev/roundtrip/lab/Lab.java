package dev.roundtrip.lab;

import dev.roundtrip.client.ExchangeHandle;
import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.client.RoundtripClient;
import dev.roundtrip.gate.Gates;
import dev.roundtrip.probe.KernelProbe;
import dev.roundtrip.record.Recording;
import dev.roundtrip.server.RoundtripServer;
import dev.roundtrip.server.ServerSettings;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.Ids;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.TraceBus;
import dev.roundtrip.trace.TraceClock;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import dev.roundtrip.files.RoundtripHome;
import dev.roundtrip.capture.CaptureOptions;
import dev.roundtrip.capture.CaptureProxy;
import dev.roundtrip.tls.LocalhostCertificate;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The whole engine in one object: the traced server on loopback, the traced client, the gates, the
 * bus and a recording fed by it. This is what the UI, the lessons and the CLI use.
 */
public final class Lab implements AutoCloseable {
    private final TraceBus bus;
    private final Gates gates = new Gates();
    private final Recording recording;
    private final TraceBus.Subscription subscription;
    private final SettleWatch settle;
    private final ServerSettings settings = new ServerSettings();
    private final RoundtripServer server;
    private final RoundtripClient client;
    private final dev.roundtrip.client.LiveClient live;
    private final Probes probes;
    private final CompletableFuture<Warmup.Report> warmup;
    /** What the warm-up is asked for; it begins once ({@link #beginWarmup}). */
    private final LabOptions warmupOptions;
    private final java.util.concurrent.atomic.AtomicBoolean warming = new java.util.concurrent.atomic.AtomicBoolean();
    /** The TLS port's certificate, or null when it could not be had ({@link #tlsUnavailable()} says why). */
    private final LocalhostCertificate certificate;
    private final String tlsUnavailable;
    private final Tracing tracing;
    private final List<CaptureProxy> captures = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Lab(LabOptions options, CompletableFuture<Warmup.Report> warmup) throws IOException {
        this.warmup = warmup;
        this.warmupOptions = options;
        TraceClock clock = new TraceClock();
        bus = new TraceBus(clock);
        recording = new Recording(clock.startedAt());
        recording.setRetainedExchanges(options.retainedExchanges());
        settle = new SettleWatch(recording);
        subscription = bus.subscribe(e -> {
            recording.onEvent(e);
            settle.onEvent(e);
        }, options.busCapacity());
        probes = new Probes(options.kernelReadouts() ? new KernelProbe() : KernelProbe.switchedOff(), options.maxKeptBytes(),
                options.kernelBudget());
        Tracing t = new Tracing(bus, gates, new Ids(), new ConnectionDirectory(), probes);
        tracing = t;
        LocalhostCertificate cert = null;
        String noTls = null;
        RoundtripServer.TlsPort tlsPort = null;
        try {
            cert = LocalhostCertificate.ensure(RoundtripHome.tlsDir(), java.time.Instant.now());
            tlsPort = RoundtripServer.TlsPort.of(cert.key(), cert.certificate(), 0);
        } catch (IOException | RuntimeException e) {
            // the lab still serves http; https says why it cannot
            noTls = "no TLS port: the localhost certificate could not be made or read (" + e.getMessage() + ")";
            cert = null;
        }
        certificate = cert;
        tlsUnavailable = noTls;
        try {
            server = RoundtripServer.start(t, settings, options.bindAddress(), options.port(), tlsPort, options.database());
        } catch (IOException e) {
            bus.close();
            throw e;
        }
        server.updates().plug(new QueueUpdates(clock, QueueUpdates.EVERY));
        InetSocketAddress tlsAddress = server.tlsPort().isPresent()
                ? new InetSocketAddress(options.bindAddress(), server.tlsPort().getAsInt()) : null;
        client = new RoundtripClient(t, new InetSocketAddress(options.bindAddress(), server.port()), tlsAddress,
                cert == null ? null : cert.certificate());
        live = new dev.roundtrip.client.LiveClient(t, new InetSocketAddress(options.bindAddress(), server.port()), tlsAddress,
                cert == null ? null : dev.roundtrip.wire.TlsContexts.client(cert.certificate()));
    }

    public static Lab start() throws IOException {
        return start(LabOptions.defaults());
    }

    /**
     * Warms this JVM's engine code first unless it is warm already or {@code options} say no
     * ({@link LabOptions#warmupExchanges()}, {@link Warmup}): blocking, call it off the FX thread.
     * The warm-up's exchanges are not in this lab's recording, ids or counters.
     */
    public static Lab start(LabOptions options) throws IOException {
        Warmup.Report w = Warmup.ensure(options);
        return new Lab(options, CompletableFuture.completedFuture(w));
    }

    /**
     * The same lab, returned as soon as its server listens; the warm-up then runs on a thread of its own
     * while the lab is idle, and {@link #send} waits for it, so the first exchange is still a warm one.
     * For the app, whose window is built meanwhile: {@code send} is called off the FX thread there.
     */
    public static Lab startThenWarm(LabOptions options) throws IOException {
        Lab lab = startWarmingLater(options);
        lab.beginWarmup();
        return lab;
    }

    /**
     * The lab, listening, with its warm-up not begun: {@link #beginWarmup} begins it, or else the first
     * {@link #send}. The app begins it once its window is drawn: on two cores the warm-up's JIT work and
     * the window's first layout would slow each other down.
     */
    public static Lab startWarmingLater(LabOptions options) throws IOException {
        return new Lab(options, new CompletableFuture<>());
    }

    /** Begins the warm-up on a thread of its own; nothing when it has begun or is not wanted. */
    public void beginWarmup() {
        if (warmup.isDone() || !warming.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            try {
                warmup.complete(Warmup.ensure(warmupOptions));
            } catch (RuntimeException | Error e) {
                warmup.complete(new Warmup.Report(0, Warmup.exchangesInThisJvm(), 0, e.toString()));
            }
        }, "roundtrip-warmup");
        t.setDaemon(true);
        t.start();
    }

    /**
     * What the warm-up did before this lab's first exchange (nothing when the JVM was warm already or it
     * was off); after {@link #startThenWarm}, waits for it to end.
     */
    public Warmup.Report warmup() {
        beginWarmup();
        return warmup.join();
    }

    /** The live recording; its {@code dropped} count is brought up to date on each call. */
    public Recording recording() {
        long d = subscription.dropped();
        if (d != recording.dropped()) recording.setDropped(d);
        return recording;
    }

    /** The readouts' counters (kernel readouts taken and sampled out). */
    public Probes probes() {
        return probes;
    }

    public TraceBus bus() {
        return bus;
    }

    public Gates gates() {
        return gates;
    }

    public int port() {
        return server.port();
    }

    /** The server's TLS port (https), TLS 1.3 and 1.2; empty when there is none ({@link #tlsUnavailable()}). */
    public java.util.OptionalInt tlsPort() {
        return server.tlsPort();
    }

    /** The TLS port's certificate, the one the lab's client trusts (and curl's {@code --cacert} can). */
    public Optional<LocalhostCertificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    /** Why there is no TLS port, or null when there is one. */
    public String tlsUnavailable() {
        return tlsUnavailable;
    }

    public ServerSettings serverSettings() {
        return settings;
    }

    /** The updates of the real-time routes ({@code /poll}, {@code /events}, {@code /ws}), made by the queue while a client wants them. */
    public dev.roundtrip.server.LiveUpdates updates() {
        return server.updates();
    }

    /** The id of the newest update the real-time routes have made (0 before the first): what a poll since now asks after. */
    public long lastUpdateId() {
        return server.updates().lastId();
    }

    /** From now on the queue makes an update every {@code every} (the real-time comparison runs faster than the default). */
    public void updateEvery(java.time.Duration every) {
        server.updates().plug(new QueueUpdates(bus.clock(), every));
    }

    /** Connections the server has accepted since start. */
    public int serverConnections() {
        return server.acceptedConnections();
    }

    /** Sends {@code request}; right after {@link #startThenWarm}, first waits for the warm-up to end. */
    public ExchangeHandle send(RequestSpec request) {
        warmup(); // the first exchange is a warm one: waits for the warm-up, beginning it if nobody has
        return client.send(request);
    }

    /** An event stream ({@code GET /events}) from the lab's client, resuming after {@code lastEventId} unless it is negative. */
    public dev.roundtrip.client.LiveClient.Stream events(long lastEventId, java.util.function.Consumer<String> onData) {
        return events(lastEventId, onData, false);
    }

    /** {@link #events(long, java.util.function.Consumer)} over TLS (https, the TLS port) when {@code tls}. */
    public dev.roundtrip.client.LiveClient.Stream events(long lastEventId, java.util.function.Consumer<String> onData, boolean tls) {
        warmup();
        return live.events(lastEventId, onData, tls);
    }

    /** A WebSocket ({@code GET /ws}) from the lab's client; {@code onText} hears each text frame the server sends. */
    public dev.roundtrip.client.LiveClient.Stream webSocket(java.util.function.Consumer<String> onText) {
        return webSocket(onText, false);
    }

    /** {@link #webSocket(java.util.function.Consumer)} over TLS (wss, the TLS port) when {@code tls}. */
    public dev.roundtrip.client.LiveClient.Stream webSocket(java.util.function.Consumer<String> onText, boolean tls) {
        warmup();
        return live.webSocket(onText, tls);
    }

    /** Sends {@code request} over HTTP/2 (h2c, or h2 with {@link RequestSpec#tls()}): on the open h2 connection, a stream of its own. */
    public ExchangeHandle sendHttp2(RequestSpec request) {
        warmup();
        return client.sendHttp2(request);
    }

    public void cancel(long exchangeId) {
        client.cancel(exchangeId);
    }

    /**
     * A fresh kernel readout of the socket that holds this exchange's waiting bytes: the server's
     * before parse, process and respond, the client's before send and interpret (and when not held).
     * Published as a {@link GateEvent} PROBED.
     */
    public Optional<KernelReadout> probe(long exchangeId) {
        Optional<Stage> held = gates.heldStage(exchangeId);
        Stage stage = held.orElse(null);
        boolean serverSide = stage == Stage.PARSE || stage == Stage.PROCESS || stage == Stage.RESPOND;
        Optional<KernelReadout> k = serverSide ? server.kernelReadout(exchangeId) : client.kernelReadout(exchangeId);
        if (k.isEmpty()) k = serverSide ? client.kernelReadout(exchangeId) : server.kernelReadout(exchangeId);
        if (k.isPresent()) {
            Stage named = stage != null ? stage : lastStage(exchangeId);
            bus.publish(new GateEvent(exchangeId, bus.clock().now(), named, GateEvent.Kind.PROBED, k.get()));
        }
        return k;
    }

    private Stage lastStage(long exchangeId) {
        return recording.exchange(exchangeId)
                .map(x -> x.events().isEmpty() ? Stage.SEND : x.events().get(x.events().size() - 1).stage())
                .orElse(Stage.SEND);
    }

    /**
     * Completes when the client has ended the exchange and the server's part is over, both in the
     * recording. Completes on the recording's delivery thread: dependent actions must not block it
     * (use the {@code *Async} variants), or the recording falls behind.
     */
    public CompletableFuture<Exchange> settled(long exchangeId) {
        return settle.settled(exchangeId);
    }

    /**
     * Puts a capture proxy in front of another server ({@code target}, loopback unless its options say
     * otherwise), recording into this lab: its exchanges get this lab's ids and sit in this recording
     * beside the demo server's. Closed with the lab, or earlier by the caller.
     */
    public CaptureProxy capture(CaptureOptions options) throws IOException {
        CaptureProxy proxy = CaptureProxy.startInto(options, tracing, recording);
        captures.add(proxy);
        return proxy;
    }

    @Override
    public void close() {
        for (CaptureProxy c : captures) c.close();
        captures.clear();
        gates.releaseAll();
        client.close();
        live.close();
        server.close();
        bus.close();
    }
}
