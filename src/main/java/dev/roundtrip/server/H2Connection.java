package dev.roundtrip.server;

import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.BufferReadout;
import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.trace.FrameReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.wire.H2Frames;
import dev.roundtrip.wire.PlainTap;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import dev.roundtrip.wire.WireTap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP/2 connection on the server: which exchange each socket read and write, and each frame in
 * it, belongs to. Every stream is an exchange ({@link H2Stream}); its server stages are parse (from
 * the HEADERS that open it to END_STREAM), process and respond (from its response HEADERS to the
 * DATA that ends it).
 *
 * <p>What belongs to the connection and not to one stream is recorded so: the client preface and the
 * SETTINGS before the first request are the connect stage of the exchange that opened the connection
 * (as the TCP and TLS handshakes are); a later connection-level frame (SETTINGS ACK, WINDOW_UPDATE
 * or PING on stream 0, GOAWAY) is an event of the newest exchange on the connection, in the stage
 * that exchange is in. A socket read or write that carries frames of several streams is recorded once,
 * on the exchange of the first stream frame in it, and names the others; each frame is an event of
 * its own stream's exchange with its {@code frame} readout.
 *
 * <p>The socket is read at once (autoRead), also for our own client: one connection carries many
 * requests, so one request's bytes cannot wait in the kernel while another's are read.
 */
final class H2Connection implements WireTap.Observer, PlainTap.Observer, ConnectionDirectory.ServerSide {
    private final Tracing t;
    private final Channel ch;
    private final boolean tls;
    private ConnectionDirectory.Link link;
    private long connectionId;
    private long openingExchangeId;
    private final List<StageEvent> openingFacts = new ArrayList<>();
    private final Map<Integer, H2Stream> streams = new HashMap<>();
    /** Exchange ids our client told before the stream's HEADERS were read. */
    private final Map<Integer, Long> idsByStream = new HashMap<>();
    private H2Stream newest;
    private final H2Frames in = new H2Frames(true);
    private final H2Frames out = new H2Frames(false);
    private int reads;
    private int writes;
    /** On TLS: the socket read whose plaintext is not decrypted yet, and the stream the last plaintext write was for. */
    private BytesReadout pendingRead;
    private BufferReadout pendingBuffer;
    private H2Stream lastWriter;
    private boolean closed;
    /** The exchanges the server still works on here, for a probe from another thread ({@link #carries}). */
    private final java.util.Set<Long> carried = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The socket as a hold reads it: queues and TCP state (made once). */
    private final Tracing.Socket socket;

    H2Connection(Tracing t, Channel ch, boolean tls) {
        this.t = t;
        this.ch = ch;
        this.tls = tls;
        this.socket = t.socket(ch);
    }

    /** The parent channel's socket, as a stream's hold and a probe read it. */
    Tracing.Socket socket() {
        return socket;
    }

    /** Whether exchange {@code id} is a stream of this connection the server is not done with (any thread). */
    boolean carries(long id) {
        return carried.contains(id);
    }

    long connectionId() {
        return connectionId;
    }

    dev.roundtrip.trace.KernelReadout kernelOf() {
        return t.probes().kernel(ch);
    }

    /** A cleartext connection, h2c with prior knowledge: its connect facts are this connection's. */
    void active(long activeNanos) {
        link = t.directory().find((InetSocketAddress) ch.remoteAddress()).orElse(null);
        connectionId = link != null ? link.connectionId() : t.ids().nextConnectionId();
        openingExchangeId = link != null ? link.openingExchangeId() : 0;
        AcceptStamp.Stamp stamp = ch.attr(AcceptStamp.KEY).get();
        long accepted = stamp == null ? activeNanos : stamp.tNanos();
        boolean ours = link != null;
        Object from = ch.remoteAddress() instanceof InetSocketAddress r ? r.getAddress().getHostAddress() + ":" + r.getPort() : Phrase.of("server.aClient");
        opening(new StageEvent(openingExchangeId, connectionId, Stage.CONNECT, ours ? Phase.PROGRESS : Phase.BEGIN, Actor.SERVER,
                accepted, stamp == null ? Thread.currentThread().getName() : stamp.thread(),
                null, null, null, null, null, null, null, null, null, null, null, null, null, Phrase.of("server.accepted", from)));
        opening(StageEvent.at(openingExchangeId, connectionId, Stage.CONNECT, ours ? Phase.PROGRESS : Phase.END, Actor.SERVER, activeNanos)
                .detail(Phrase.of(tls ? "server.h2Ready" : "server.h2cReady", connectionId, Phrase.duration(activeNanos - accepted)))
                .tcp(t.probes().tcp(ch)).kernel(t.probes().kernel(ch)).build());
        attach();
    }

    /**
     * A TLS connection whose handshake agreed on h2: the connection (its id, its opening exchange and the
     * facts kept for an outside client's first exchange) is taken over from the HTTP/1.1 side that ran it.
     */
    void adopt(long connectionId, long openingExchangeId, List<StageEvent> facts) {
        link = t.directory().find((InetSocketAddress) ch.remoteAddress()).orElse(null);
        this.connectionId = connectionId;
        this.openingExchangeId = openingExchangeId;
        openingFacts.addAll(facts);
        attach();
    }

    private void attach() {
        if (link != null) link.attachServer(this);
        ch.config().setAutoRead(true);
    }

    /** A fact of the connect stage: published now, or kept until an outside client's first stream names its exchange. */
    private void opening(StageEvent e) {
        if (openingExchangeId > 0) t.publish(e.exchangeId() == openingExchangeId ? e : e.withExchangeId(openingExchangeId));
        else openingFacts.add(e);
    }

    // --- from our client, through the directory (any thread) ---

    @Override
    public void requestSent(long exchangeId) {
        // HTTP/2 streams are told by streamOpened
    }

    @Override
    public void streamOpened(long exchangeId, int streamId) {
        ch.eventLoop().execute(() -> {
            H2Stream s = streams.get(streamId);
            if (s == null) idsByStream.put(streamId, exchangeId);
            else if (!s.known()) known(s, exchangeId);
        });
    }

    @Override
    public void clientClosed() {
        // the socket's end is read as usual (autoRead)
    }

    private void known(H2Stream s, long id) {
        s.id = id;
        carried.add(id);
        for (StageEvent e : s.waiting) t.publish(e.withExchangeId(id));
        s.waiting.clear();
        List<Runnable> then = new ArrayList<>(s.whenKnown);
        s.whenKnown.clear();
        then.forEach(Runnable::run);
    }

    /** Runs {@code action} once the stream's exchange id is known (at once for an outside client's). */
    void whenKnown(H2Stream s, Runnable action) {
        if (s.known()) action.run();
        else s.whenKnown.add(action);
    }

    H2Stream stream(int streamId) {
        return streams.get(streamId);
    }

    // --- socket reads and writes (event loop) ---

    @Override
    public void onRead(ChannelHandlerContext ctx, ByteBuf buf) {
        if (tls) { // ciphertext: told with the plaintext it carries
            pendingRead = t.probes().bytes(buf);
            pendingBuffer = Probes.buffer(buf);
            return;
        }
        frames(true, in.feed(buf), t.probes().bytes(buf), Probes.buffer(buf), null);
    }

    @Override
    public void onPlainRead(ChannelHandlerContext ctx, ByteBuf buf) {
        BytesReadout wire = pendingRead;
        BufferReadout buffer = pendingBuffer;
        pendingRead = null;
        frames(true, in.feed(buf), wire, buffer, t.probes().bytes(buf));
    }

    @Override
    public void onReadComplete(ChannelHandlerContext ctx) {
        pendingRead = null; // TLS records that carried no plaintext (a close_notify): no stream's
    }

    @Override
    public void onWritten(ChannelHandlerContext ctx, ByteBuf piece, BufferReadout buffer) {
        if (tls) {
            writes++;
            socketIo(lastWriter, false, Phrase.of("server.h2TlsWrite", writes, piece.readableBytes()),
                    t.probes().bytes(piece), buffer, null);
            return;
        }
        frames(false, out.feed(piece), t.probes().bytes(piece), buffer, null);
    }

    @Override
    public void onPlainWrite(ChannelHandlerContext ctx, ByteBuf buf) {
        frames(false, out.feed(buf), null, null, t.probes().bytes(buf));
    }

    @Override
    public void onWriteFailed(ChannelHandlerContext ctx, Throwable cause, int unsent) {
        H2Stream s = newest;
        if (s == null) return;
        emit(s, event(s, stageOf(s), Phase.PROGRESS, Actor.SERVER_KERNEL)
                .said("server.writeFailed", ServerConnection.describe(cause), unsent).build());
    }

    /**
     * One socket read or write (or, on TLS, one piece of plaintext) and the frames that end in it: new
     * streams begin, the read or write is told on the first stream's exchange, then each frame on its own.
     */
    private void frames(boolean inbound, List<H2Frames.Frame> frames, BytesReadout wire, BufferReadout buffer, BytesReadout plain) {
        H2Stream owner = null;
        for (H2Frames.Frame f : frames) {
            FrameReadout r = f.readout();
            if (r.connectionLevel()) continue;
            H2Stream s = streams.get(r.streamId());
            if (s == null && inbound && r.type().equals("HEADERS") && (r.streamId() & 1) == 1) s = open(r.streamId());
            if (owner == null) owner = s;
        }
        if (owner == null) owner = newest;
        if (!inbound) lastWriter = owner;
        long n = inbound ? ++reads : ++writes;
        Phrase carried = carried(frames);
        if (wire != null) socketIo(owner, inbound, Phrase.of(inbound ? "server.h2Read" : "server.h2Write", n, wire.count(), carried), wire, buffer, null);
        if (plain != null) {
            socketIo(owner, inbound, Phrase.of(inbound ? "server.h2Decrypted" : "server.h2PlainWritten", plain.count(), carried), null, null, plain);
        }
        for (H2Frames.Frame f : frames) frame(inbound, f);
    }

    /** What frames end in a socket read or write, and on which streams. */
    static Phrase carried(List<H2Frames.Frame> frames) {
        if (frames.isEmpty()) return Phrase.of("server.h2NoFrame");
        java.util.TreeSet<Integer> ids = new java.util.TreeSet<>();
        for (H2Frames.Frame f : frames) ids.add(f.readout().streamId());
        return ids.size() == 1 ? Phrase.of("server.h2FramesOnStream", frames.size(), ids.first())
                : Phrase.of("server.h2FramesOnStreams", frames.size(), ids.toString().replaceAll("[\\[\\]]", ""));
    }

    private void socketIo(H2Stream s, boolean inbound, Phrase detail, BytesReadout wire, BufferReadout buffer, BytesReadout plain) {
        StageEvent.Builder b = s == null
                ? StageEvent.of(openingExchangeId, connectionId, Stage.CONNECT, Phase.PROGRESS, Actor.SERVER, t.clock())
                : event(s, stageOf(s), Phase.PROGRESS, Actor.SERVER);
        b.detail(detail).bytes(wire).buffer(buffer).plain(plain);
        if (wire != null) b.kernel(t.probes().kernelSampled(ch));
        if (s == null) opening(b.build());
        else emit(s, b.build());
    }

    private void frame(boolean inbound, H2Frames.Frame f) {
        FrameReadout r = f.readout();
        H2Stream own = r.connectionLevel() ? null : streams.get(r.streamId());
        // a frame of a stream no request opened (PRIORITY for an idle stream) or long forgotten is the connection's
        H2Stream s = own != null ? own : newest;
        Phrase detail = Phrase.of(inbound ? "server.h2FrameIn" : "server.h2FrameOut", f.detail());
        if (s == null) {
            opening(StageEvent.of(openingExchangeId, connectionId, Stage.CONNECT, Phase.PROGRESS, Actor.SERVER, t.clock())
                    .detail(detail).frame(r).build());
            return;
        }
        if (own == null) {
            emit(s, event(s, stageOf(s), Phase.PROGRESS, Actor.SERVER).detail(detail).frame(r).build());
            return;
        }
        if (inbound) s.framesIn++;
        else s.framesOut++;
        if (inbound && !s.parseBegun && !s.done) detail = Phrase.of("server.h2FrameHeld", f.detail(), s.streamId);
        emit(s, event(s, stageOf(s), Phase.PROGRESS, Actor.SERVER).detail(detail).frame(r).build());
        if (r.type().equals("RST_STREAM")) reset(s, inbound, r.errorCode());
    }

    /** The stream's HEADERS are read: a new exchange begins its parse stage. */
    private H2Stream open(int streamId) {
        boolean external = link == null;
        Long told = idsByStream.remove(streamId);
        long id = external ? t.ids().nextExchangeId() : told == null ? 0 : told;
        H2Stream s = new H2Stream(streamId, id, external);
        boolean first = streams.isEmpty();
        streams.put(streamId, s);
        if (id != 0) carried.add(id);
        newest = s;
        if (external) {
            t.publish(new ExchangeStarted(id, connectionId, first && !openingFacts.isEmpty() ? openingFacts.get(0).tNanos() : t.clock().now(),
                    RequestInfo.EMPTY));
            if (first && openingExchangeId == 0) {
                openingExchangeId = id;
                for (StageEvent e : openingFacts) t.publish(e.withExchangeId(id));
                openingFacts.clear();
            }
        }
        // our client's stream passes the parse gate as an HTTP/1.1 request does (an outside client's is not held, as there);
        // a held stream holds only itself: the connection goes on reading, its frames wait in the stream's own buffer
        if (!external && t.gates().shouldHold(Stage.PARSE)) {
            whenKnown(s, () -> t.pass(s.id, Stage.PARSE, ch.eventLoop(), socket, () -> beginParse(s, true)));
        } else {
            beginParse(s, false);
        }
        return s;
    }

    /** The server parses the stream's request: now, or once the parse gate let it go. */
    private void beginParse(H2Stream s, boolean waited) {
        if (s.done || s.parseBegun) return;
        s.parseBegun = true;
        s.parseMark = t.probes().memory().allocatedMark();
        Phrase what = waited ? Phrase.of("server.h2ParseLetThrough", s.streamId, s.framesIn) : Phrase.of("server.h2ParseBegins", s.streamId);
        long open = open();
        emit(s, event(s, Stage.PARSE, Phase.BEGIN, Actor.SERVER)
                .detail(open > 1 ? Phrase.of("server.h2StreamsOpen", what, open) : what).build());
        if (s.channel != null) s.channel.config().setAutoRead(true); // reads what waited, then goes on by itself
    }

    /** The multiplexer made the stream's child channel: it reads only once the stream's parse has begun. */
    void channelOf(H2Stream s, io.netty.handler.codec.http2.Http2StreamChannel channel) {
        s.channel = channel;
        if (!s.parseBegun) channel.config().setAutoRead(false);
    }

    /** An outside client's connection (curl): the server's timeouts apply to it. */
    boolean outside() {
        return link == null;
    }

    /**
     * An outside client was silent for {@link ServerSettings#outsideIdleSeconds()}: a request still arriving is answered
     * 408 on its stream; a connection with no stream left to answer is closed (GOAWAY first, by the codec).
     */
    void silent(ChannelHandlerContext ctx, int seconds) {
        Phrase why = Phrase.of("server.h2Silence", seconds);
        for (H2Stream s : new ArrayList<>(streams.values())) {
            if (!s.done && !s.requestEnded && s.cut != null) s.cut.accept(why);
        }
        if (streams.values().stream().anyMatch(s -> !s.done)) return; // answers still owed: the connection stays
        H2Stream s = newest;
        Phrase bye = Phrase.of("server.h2SilentClose", seconds);
        if (s == null) opening(StageEvent.of(openingExchangeId, connectionId, Stage.CONNECT, Phase.PROGRESS, Actor.SERVER, t.clock())
                .detail(bye).build());
        else emit(s, event(s, stageOf(s), Phase.PROGRESS, Actor.SERVER).detail(bye).build());
        ctx.channel().close(); // through the codec, which says GOAWAY
    }

    private long open() {
        return streams.values().stream().filter(x -> !x.done).count();
    }

    /** RST_STREAM either way: the stream ends here; what the server still owed it is not sent. */
    private void reset(H2Stream s, boolean byClient, String code) {
        if (s.resetBy != null) return;
        s.resetBy = byClient ? "client" : "server";
        if (s.done) return;
        if (byClient) {
            Phrase why = Phrase.of("server.h2ClientReset", s.streamId, code);
            if (!s.requestEnded) {
                s.done = true;
                carried.remove(s.id);
                emit(s, event(s, Stage.PARSE, Phase.ERROR, Actor.SERVER).detail(why).build());
                if (s.external) t.publish(new ExchangeEnded(s.id, t.clock().now(), Outcome.CANCELLED, null, why));
            } else {
                emit(s, event(s, stageOf(s), Phase.PROGRESS, Actor.SERVER).detail(why).build());
                if (s.streaming != null) s.streaming.accept(Phrase.of("server.h2ClientResetShort", s.streamId, code));
            }
            return;
        }
        s.done = true;
        carried.remove(s.id);
        String reason = refusal();
        Phrase why = reason == null ? Phrase.of("server.h2ServerReset", s.streamId, code) : Phrase.of("server.h2ServerResetWhy", s.streamId, code, reason);
        emit(s, event(s, stageOf(s), Phase.ERROR, Actor.SERVER).detail(why).build());
        if (s.external) t.publish(new ExchangeEnded(s.id, t.clock().now(), Outcome.FAILED, null, why));
    }

    private String refusal() {
        String r = lastError;
        lastError = null;
        return r;
    }

    /** The codec's reason for the next RST_STREAM or GOAWAY it sends (its own words). */
    private String lastError;

    void codecError(Throwable cause) {
        lastError = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    // --- called by the stream handler ---

    /** The request of stream {@code s} is whole (END_STREAM): its parse stage ends. */
    void parsed(H2Stream s, RequestInfo request, Phrase detail) {
        s.requestEnded = true;
        if (s.external) t.publish(new ExchangeStarted(s.id, connectionId, t.clock().now(), request));
        emit(s, event(s, Stage.PARSE, Phase.END, Actor.SERVER).detail(detail).memory(t.probes().memory().read(s.parseMark)).build());
    }

    void beginRespond(H2Stream s, Phrase detail) {
        s.respondBegun = true;
        s.respondMark = t.probes().memory().allocatedMark();
        emit(s, event(s, Stage.RESPOND, Phase.BEGIN, Actor.SERVER).detail(detail).build());
    }

    /** The stream's response is written (or could not be): the server is done with it. */
    void responded(H2Stream s) {
        s.done = true;
        carried.remove(s.id);
        // answered streams are kept for the frames that may still come on them (a late WINDOW_UPDATE), a bounded number
        if (streams.size() > MAX_KEPT_STREAMS) streams.values().removeIf(x -> x.done && x != newest);
    }

    static final int MAX_KEPT_STREAMS = 1024;

    /** The connection ended: every stream the server still owed an answer is lost with it. */
    void closed(Throwable cause) {
        if (closed) return;
        closed = true;
        carried.clear();
        // the failure in the socket's own words, or a phrase
        Object why = cause == null ? Phrase.of("server.h2ConnectionClosed") : ServerConnection.describe(cause);
        for (H2Stream s : new ArrayList<>(streams.values())) {
            if (s.done || !s.known()) continue;
            if (s.streaming != null) { // an event stream whose client left with its connection: its normal end
                s.streaming.accept(why);
                continue;
            }
            s.done = true;
            if (!s.parseBegun && t.gates().discard(s.id, Stage.PARSE)) {
                t.publish(new dev.roundtrip.trace.GateEvent(s.id, t.clock().now(), Stage.PARSE, dev.roundtrip.trace.GateEvent.Kind.DISCARDED, null));
            }
            emit(s, event(s, s.requestEnded ? Stage.RESPOND : Stage.PARSE, Phase.ERROR, Actor.SERVER_KERNEL)
                    .said("server.h2LostWithConnection", why, s.streamId).build());
            if (s.external) t.publish(new ExchangeEnded(s.id, t.clock().now(), Outcome.FAILED, null, why instanceof Phrase p ? p : Phrase.of("server.end.literal", why)));
        }
        if (link != null) t.directory().remove(link);
    }

    // --- events ---

    static Stage stageOf(H2Stream s) {
        return s.respondBegun ? Stage.RESPOND : Stage.PARSE;
    }

    StageEvent.Builder event(H2Stream s, Stage stage, Phase phase, Actor actor) {
        return StageEvent.of(s.id, connectionId, stage, phase, actor, t.clock());
    }

    /** Published now, or kept until our client has said which exchange the stream carries. */
    void emit(H2Stream s, StageEvent e) {
        if (s.known()) t.publish(e.exchangeId() == s.id ? e : e.withExchangeId(s.id));
        else s.waiting.add(e);
    }
}
