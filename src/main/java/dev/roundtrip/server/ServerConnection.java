package dev.roundtrip.server;

import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.BufferReadout;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import dev.roundtrip.wire.WireTap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.net.InetSocketAddress;
import dev.roundtrip.text.Units;
import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.trace.RecentBytes;
import dev.roundtrip.trace.RepeatedPhrase;
import dev.roundtrip.trace.TlsReadout;
import dev.roundtrip.trace.TlsRecordReadout;
import dev.roundtrip.wire.PlainTap;
import dev.roundtrip.wire.ReadValve;
import dev.roundtrip.wire.TlsRecords;
import io.netty.handler.ssl.SslHandler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One accepted connection: decides when the socket is read and to which exchange each socket read
 * and write belongs.
 *
 * <p>The channel does not read by itself (autoRead off). For a connection from our own client, a
 * request is read only after the client said (through the {@link ConnectionDirectory}) that it has
 * written one and the parse gate has let that exchange through: until then the request waits in
 * the server kernel's receive queue. A connection from outside (curl) is read at once.
 */
final class ServerConnection implements WireTap.Observer, PlainTap.Observer, ConnectionDirectory.ServerSide {
    private final Tracing t;
    private final RoundtripServer server;
    private final Channel ch;
    private ConnectionDirectory.Link link;
    private long connectionId;
    /** Exchanges our client has sent on this connection and the server has not begun reading. */
    private final ArrayDeque<Long> announced = new ArrayDeque<>();
    /** Let through (or held at) the parse gate, no byte read yet. */
    private ServerExchange expected;
    /** Being read and decoded. */
    private ServerExchange parsing;
    /** Whose response is being written. */
    private ServerExchange responding;
    private ServerExchange last;
    /** Being processed or answered: a read now would end the connection under the exchange. */
    private int inFlight;
    /** Decoded (or cut short) and not yet answered, in the order they are to be answered: the ones its closing would lose. */
    private final List<ServerExchange> unanswered = new ArrayList<>(2);
    private boolean clientGone;
    /** The client has shut down its side (FIN): answer what is under way, then close. */
    private boolean inputEnded;

    private final ServerSettings settings;
    /**
     * When the request being read must have arrived whole ({@link System#nanoTime()}; see {@link
     * ServerSettings#requestDeadlineSeconds()}), with {@link #deadlineSet} false when no request is being read.
     */
    private long deadlineAt;
    private boolean deadlineSet;
    /**
     * The one timer that watches {@link #deadlineAt}: left running when a request is read whole in time
     * and looked at again when it fires (a later request's deadline is later), so a request costs no timer
     * of its own to schedule and cancel.
     */
    private io.netty.util.concurrent.ScheduledFuture<?> deadline;
    /** When that timer fires. */
    private long deadlineTimerAt;

    /** Fired down the pipeline when the request being read missed its deadline. */
    static final Object DEADLINE_PASSED = new Object() {
        @Override
        public String toString() {
            return "request deadline passed";
        }
    };

    // --- opening the connection: connect and TLS handshake ---
    /** The exchange the connect and handshake facts belong to: our client's (from the link), or the first request's of an outside client (0 until it is read). */
    private long openingExchangeId;
    /** An outside client's opening facts, kept (with exchange id 0) until its first request names their exchange. */
    private final List<StageEvent> openingFacts = new ArrayList<>();
    private long acceptedNanos;
    private final SslHandler ssl;
    private final ReadValve valve;
    private boolean handshaking;
    private boolean handshakeBegun;
    /** A request has been read on this connection: later TLS writes outside a response (close_notify) belong to no exchange. */
    private boolean anyRequest;
    /** Plaintext arrived on the TLS port: TLS is taken out and the request answered 400 in plaintext. */
    private boolean plainOnTlsPort;
    private int handshakeReads;
    private int handshakeWrites;
    private final TlsRecords recordsIn = new TlsRecords();
    private final TlsRecords recordsOut = new TlsRecords();

    ServerConnection(Tracing t, RoundtripServer server, Channel ch, ServerSettings settings, SslHandler ssl) {
        this.t = t;
        this.server = server;
        this.ch = ch;
        this.settings = settings;
        this.ssl = ssl;
        this.handshaking = ssl != null;
        this.valve = ssl == null ? null : new ReadValve(() -> handshaking);
        if (ssl != null) ssl.handshakeFuture().addListener(this::handshakeEnded);
    }

    /** Takes a TLS connection over once its handshake agreed on h2 by ALPN (the connection id, its opening exchange, the facts kept). */
    interface Http2Takeover {
        ConnectionDirectory.ServerSide take(long connectionId, long openingExchangeId, List<StageEvent> openingFacts);
    }

    private Http2Takeover toHttp2;
    /** Where our client's HTTP/2 stream messages go once HTTP/2 took over; those that came before (its request may beat our Finished) wait. */
    private ConnectionDirectory.ServerSide handedTo;
    private final List<long[]> earlyStreams = new ArrayList<>();

    @Override
    public void streamOpened(long exchangeId, int streamId) {
        ch.eventLoop().execute(() -> {
            if (handedTo != null) handedTo.streamOpened(exchangeId, streamId);
            else earlyStreams.add(new long[] {exchangeId, streamId});
        });
    }

    void onHttp2(Http2Takeover takeover) {
        this.toHttp2 = takeover;
    }

    ReadValve valve() {
        return valve;
    }

    /** Plaintext HTTP came to the TLS port (it is answered 400, saying so). */
    boolean plainOnTlsPort() {
        return plainOnTlsPort;
    }

    private void readSocket() {
        if (valve != null && !plainOnTlsPort) valve.read();
        else ch.read();
    }

    long connectionId() {
        return connectionId;
    }

    boolean inProcess() {
        return link != null;
    }

    Channel channel() {
        return ch;
    }

    KernelReadout kernel() {
        return t.probes().kernel(ch);
    }

    private dev.roundtrip.wire.Tracing.Socket socket;

    /** The socket as a hold before parse reads it (made once: a stage's pass allocates nothing for it). */
    private dev.roundtrip.wire.Tracing.Socket socket() {
        if (socket == null) socket = t.socket(ch);
        return socket;
    }

    void active(int outsideIdleSeconds) {
        link = t.directory().find((InetSocketAddress) ch.remoteAddress()).orElse(null);
        if (link != null) {
            connectionId = link.connectionId();
            openingExchangeId = link.openingExchangeId();
        } else {
            connectionId = t.ids().nextConnectionId();
        }
        accepted();
        if (link != null) {
            link.attachServer(this);
            if (ssl != null) readSocket(); // the ClientHello
        } else {
            ch.pipeline().addFirst("idle", new io.netty.handler.timeout.IdleStateHandler(outsideIdleSeconds, 0, 0));
            ch.config().setAutoRead(true);
        }
    }

    /**
     * The server's part of the connect stage: when accept() returned the connection, and when it was
     * ready on this event loop (with TCP_INFO). Our client's connect() brackets them with its BEGIN and
     * END; for an outside client they are the stage's BEGIN and END.
     */
    private void accepted() {
        AcceptStamp.Stamp stamp = ch.attr(AcceptStamp.KEY).get();
        long now = t.clock().now();
        acceptedNanos = stamp == null ? now : stamp.tNanos();
        boolean ours = link != null;
        Object from = ch.remoteAddress() instanceof InetSocketAddress r ? r.getAddress().getHostAddress() + ":" + r.getPort() : Phrase.of("server.aClient");
        opening(new StageEvent(openingExchangeId, connectionId, Stage.CONNECT, ours ? Phase.PROGRESS : Phase.BEGIN, Actor.SERVER,
                acceptedNanos, stamp == null ? Thread.currentThread().getName() : stamp.thread(),
                null, null, null, null, null, null, null, null, null, null, null, null, null, Phrase.of("server.accepted", from)));
        opening(StageEvent.of(openingExchangeId, connectionId, Stage.CONNECT, ours ? Phase.PROGRESS : Phase.END, Actor.SERVER, t.clock())
                .said("server.ready", connectionId, Phrase.duration(now - acceptedNanos))
                .tcp(t.probes().tcp(ch)).kernel(t.probes().kernel(ch)).build());
    }

    /** A fact of the connect or handshake stage: published now, or kept until an outside client's first request is read. */
    private void opening(StageEvent e) {
        if (openingExchangeId > 0) t.publish(e.exchangeId() == openingExchangeId ? e : e.withExchangeId(openingExchangeId));
        else openingFacts.add(e);
    }

    /** An outside client's first exchange: announced as begun when its connection was accepted, with the facts kept since. */
    private void announceExternal(ServerExchange x) {
        boolean first = openingExchangeId == 0 && link == null;
        t.publish(new ExchangeStarted(x.id, connectionId, first ? acceptedNanos : t.clock().now(), RequestInfo.EMPTY));
        if (!first) return;
        openingExchangeId = x.id;
        for (StageEvent e : openingFacts) t.publish(e.withExchangeId(x.id));
        openingFacts.clear();
    }

    // --- TLS (event loop) ---

    private void handshakeEnded(io.netty.util.concurrent.Future<? super io.netty.channel.Channel> f) {
        handshaking = false;
        recordsIn.handshakeDone();
        recordsOut.handshakeDone();
        if (plainOnTlsPort) return; // TLS was taken out: the request is answered in plaintext
        if (!f.isSuccess()) {
            if (!handshakeBegun && !ch.isActive()) return; // closed before a byte came: nothing to tell
            Phrase why = Phrase.of("server.handshakeFailed", describe(rootCause(f.cause())));
            opening(StageEvent.of(openingExchangeId, connectionId, Stage.HANDSHAKE, Phase.ERROR, Actor.SERVER, t.clock())
                    .detail(why).kernel(kernel()).build());
            if (link == null) { // an outside client's exchange that never got to a request
                ServerExchange x = new ServerExchange(t.ids().nextExchangeId(), true);
                announceExternal(x);
                t.publish(new ExchangeEnded(x.id, t.clock().now(), Outcome.FAILED, null, why));
            }
            return;
        }
        javax.net.ssl.SSLSession session = ssl.engine().getSession();
        String alpn = ssl.applicationProtocol();
        opening(StageEvent.of(openingExchangeId, connectionId, Stage.HANDSHAKE, Phase.END, Actor.SERVER, t.clock())
                .said(alpn == null ? "server.handshakeDone" : "server.handshakeDoneAlpn", session.getProtocol(), session.getCipherSuite(),
                        alpn == null ? "" : alpn)
                .tls(new TlsReadout(session.getProtocol(), session.getCipherSuite(), alpn, null)).build());
        if ("h2".equals(alpn) && toHttp2 != null) { // HTTP/2 takes the connection over, with the facts kept for its first exchange
            List<StageEvent> facts = new ArrayList<>(openingFacts);
            openingFacts.clear();
            handedTo = toHttp2.take(connectionId, openingExchangeId, facts);
            for (long[] st : earlyStreams) handedTo.streamOpened(st[0], (int) st[1]);
            earlyStreams.clear();
            return;
        }
        if (link != null) {
            forgetPendingRead(ch);
            link.serverHandshakeDone();
        }
    }

    /**
     * Drops a socket read the TLS handler asked for before its handshake was done and that is still
     * pending: it would take our client's request out of the kernel before the parse gate let it through.
     * Turning autoRead on and off again is the transports' one public way to clear a pending read
     * (the read that turning it on asks for stops at the {@link ReadValve}).
     */
    static void forgetPendingRead(Channel ch) {
        ch.config().setAutoRead(true);
        ch.config().setAutoRead(false);
    }

    private static Throwable rootCause(Throwable c) {
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        return c;
    }

    /** A socket read or write of the handshake, then each TLS record that begins in it. */
    private void handshakeIo(boolean write, BytesReadout bytes, BufferReadout buffer,
                             List<TlsRecordReadout> records) {
        int n = write ? ++handshakeWrites : ++handshakeReads;
        String key = (write ? "server.handshakeWrite" : "server.handshakeRead") + (handshaking ? "" : "After");
        opening(StageEvent.of(openingExchangeId, connectionId, Stage.HANDSHAKE, Phase.PROGRESS, Actor.SERVER, t.clock())
                .said(key, n, bytes.count(), records.size())
                .bytes(bytes).buffer(buffer).kernel(t.probes().kernelSampled(ch)).build());
        for (TlsRecordReadout r : records) {
            opening(StageEvent.of(openingExchangeId, connectionId, Stage.HANDSHAKE, Phase.PROGRESS, Actor.SERVER, t.clock())
                    .detail(r.describe(write)).tlsRecord(r).build());
        }
    }

    /**
     * The first bytes on the TLS port are not a TLS record: plaintext HTTP sent to https's port. TLS
     * is taken out of the pipeline so the request can be read and answered 400 in words the client can read.
     */
    private void plaintextOnTlsPort() {
        plainOnTlsPort = true;
        handshaking = false;
        opening(StageEvent.of(openingExchangeId, connectionId, Stage.HANDSHAKE, Phase.ERROR, Actor.SERVER, t.clock())
                .said("server.plaintextOnTlsPort").build());
        ch.pipeline().remove("plain");
        ch.pipeline().remove("tls");
        ch.pipeline().remove("valve");
    }

    @Override
    public void onPlainRead(ChannelHandlerContext ctx, ByteBuf buf) {
        ServerExchange x = parsing != null ? parsing : beginParse(Phrase.of("server.parseBeginsDecrypted"));
        if (unclaimedRead != null) {
            socketRead(x, unclaimedRead.count(), unclaimedRead, unclaimedBuffer);
            unclaimedRead = null;
        }
        keepSeen(x, buf);
        t.publish(event(x, Stage.PARSE, Phase.PROGRESS, Actor.SERVER)
                .said("server.decrypted", buf.readableBytes())
                .plain(t.probes().bytes(buf)).build());
    }

    @Override
    public void onPlainWrite(ChannelHandlerContext ctx, ByteBuf buf) {
        ServerExchange x = responding;
        if (x == null) return;
        t.publish(event(x, Stage.RESPOND, Phase.PROGRESS, Actor.SERVER)
                .said("server.plaintextWritten", buf.readableBytes())
                .plain(t.probes().bytes(buf)).build());
    }

    private static void keepSeen(ServerExchange x, ByteBuf buf) {
        if (x.seen.size() < ServerExchange.MAX_SEEN) {
            byte[] b = new byte[Math.min(buf.readableBytes(), ServerExchange.MAX_SEEN - x.seen.size())];
            buf.getBytes(buf.readerIndex(), b);
            x.seen.writeBytes(b);
        }
    }

    /** The whole request must arrive within the deadline: a trickle of bytes does not keep it alive. */
    private void startDeadline(ServerExchange x) {
        int seconds = settings.requestDeadlineSeconds();
        x.deadlineSeconds = seconds;
        deadlineAt = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
        deadlineSet = true;
        if (deadline != null && deadlineTimerAt - deadlineAt > 0) { // the deadline was shortened since the timer was set
            deadline.cancel(false);
            deadline = null;
        }
        if (deadline == null) watchDeadline(deadlineAt);
    }

    private void watchDeadline(long at) {
        deadlineTimerAt = at;
        deadline = ch.eventLoop().schedule(this::deadlineTimer, Math.max(0, at - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** The timer ran out: the request being read missed its deadline, or a later one is read and it watches that one's. */
    private void deadlineTimer() {
        deadline = null;
        if (!deadlineSet || !ch.isActive()) return;
        if (deadlineAt - System.nanoTime() > 0) watchDeadline(deadlineAt);
        else if (parsing != null) ch.pipeline().fireUserEventTriggered(DEADLINE_PASSED);
    }

    private void stopDeadline() {
        deadlineSet = false;
    }

    /**
     * The request being read missed its deadline. Returns that exchange (to be answered 408, then
     * the connection closed), or null when it has been read meanwhile.
     */
    ServerExchange deadlinePassed() {
        ServerExchange cut = parsing;
        if (cut == null) return null;
        parsing = null;
        stopDeadline();
        unanswered.add(cut);
        inputEnded = true; // answer, then close
        ch.config().setAutoRead(false); // no more of this request is read
        return cut;
    }

    /**
     * An outside client has been silent too long. Returns the exchange whose request it left
     * half-sent (to be answered 408), or null; an idle connection is closed, one with a request in
     * the works is left alone.
     */
    ServerExchange silent() {
        if (inFlight > 0) return null;
        ServerExchange cut = parsing;
        if (cut != null) {
            stopDeadline();
            parsing = null;
            unanswered.add(cut);
            inputEnded = true; // answer, then close
            return cut;
        }
        ch.close();
        return null;
    }

    // --- from our client, through the directory (any thread) ---

    @Override
    public void requestSent(long exchangeId) {
        ch.eventLoop().execute(() -> {
            announced.add(exchangeId);
            openNext();
        });
    }

    @Override
    public void clientClosed() {
        ch.eventLoop().execute(() -> {
            clientGone = true;
            readTheEndIfIdle();
        });
    }

    /**
     * Our client has closed this connection: read once more so the server sees the end of it, but
     * only when nothing is under way (a request being read, or one still to be answered: its
     * response must go out and find the connection gone, as a real server's would).
     */
    private void readTheEndIfIdle() {
        if (clientGone && inFlight == 0 && expected == null && parsing == null && announced.isEmpty() && ch.isActive()) readSocket();
    }

    /** Lets the next announced request through the parse gate: only then is the socket read. */
    private void openNext() {
        if (expected != null || parsing != null || announced.isEmpty()) return;
        long id = announced.poll();
        ServerExchange x = new ServerExchange(id, false);
        expected = x;
        server.track(id, this);
        t.pass(id, Stage.PARSE, ch.eventLoop(), socket(), () -> {
            if (ch.isActive()) readSocket();
            else if (expected == x) lost(x, Phrase.of("server.closedBeforeRead")); // else closed() told it
        });
    }

    // --- socket reads and writes (event loop) ---

    @Override
    public void onRead(ChannelHandlerContext ctx, ByteBuf buf) {
        if (ssl != null && !plainOnTlsPort && !anyRequest && parsing == null) {
            if (!handshakeBegun) {
                handshakeBegun = true;
                if (!TlsRecords.looksLikeTls(buf)) plaintextOnTlsPort();
                else opening(StageEvent.of(openingExchangeId, connectionId, Stage.HANDSHAKE, Phase.BEGIN, Actor.SERVER, t.clock())
                        .said("server.handshakeBegins").build());
            }
            if (handshaking) {
                handshakeIo(false, t.probes().bytes(buf), Probes.buffer(buf), recordsIn.feed(buf));
                return;
            }
        }
        if (ssl != null && !plainOnTlsPort && parsing == null && expected == null) {
            // TLS records that begin no request we know of: an outside client's next request (its plaintext,
            // decrypted next, begins the parse and this read with it) or a close_notify (belongs to no exchange)
            unclaimedRead = t.probes().bytes(buf);
            unclaimedBuffer = Probes.buffer(buf);
            return;
        }
        ServerExchange x = parsing != null ? parsing : beginParse(PARSE_BEGINS);
        socketRead(x, buf.readableBytes(), t.probes().bytes(buf, recentReads), Probes.buffer(buf));
        if (ssl == null || plainOnTlsPort) keepSeen(x, buf); // on TLS the plaintext is kept (onPlainRead)
    }

    /** A socket read on TLS that no exchange claimed yet: kept until the plaintext it carries is decrypted, then dropped. */
    private BytesReadout unclaimedRead;
    private final RecentBytes recentReads = new RecentBytes();
    private final RecentBytes recentWrites = new RecentBytes();
    private static final Phrase PARSE_BEGINS = Phrase.of("server.parseBegins");
    private final RepeatedPhrase readSaid = new RepeatedPhrase("server.socketRead");
    private final RepeatedPhrase writeSaid = new RepeatedPhrase("server.socketWrite");
    private BufferReadout unclaimedBuffer;

    private void socketRead(ServerExchange x, int count, BytesReadout bytes, BufferReadout buffer) {
        x.reads++;
        x.bytesRead += count;
        t.publish(event(x, Stage.PARSE, Phase.PROGRESS, Actor.SERVER)
                .detail(readSaid.of(x.reads, count))
                .bytes(bytes).buffer(buffer).kernel(t.probes().kernelSampled(ch)).build());
    }

    /** The exchange whose request is read now: the one the parse gate let through, or an outside client's new one. */
    private ServerExchange beginParse(Phrase detail) {
        ServerExchange x;
        if (expected != null) {
            x = expected;
            expected = null;
        } else {
            x = new ServerExchange(t.ids().nextExchangeId(), true);
            server.track(x.id, this);
            announceExternal(x);
        }
        anyRequest = true;
        parsing = x;
        last = x;
        startDeadline(x);
        x.parseMark = t.probes().memory().allocatedMark();
        t.publish(event(x, Stage.PARSE, Phase.BEGIN, Actor.SERVER).detail(detail).build());
        return x;
    }

    @Override
    public void onReadComplete(ChannelHandlerContext ctx) {
        unclaimedRead = null;
        // An outside client's next request waits in the kernel while one is still to be answered (one request
        // at a time). Decided here, not when the request was decoded: one answered during the read (on the
        // event loop) leaves reading on, without two epoll_ctl calls per request.
        if (!inProcess() && inFlight > 0) ch.config().setAutoRead(false);
        // A request that came in several pieces: keep reading until it is whole.
        if (inProcess() && parsing != null && ch.isActive()) readSocket();
    }

    @Override
    public void onWritten(ChannelHandlerContext ctx, ByteBuf piece, BufferReadout buffer) {
        if (ssl != null && !plainOnTlsPort && responding == null) {
            // the handshake's flights, and what TLS sends right after it (TLS 1.3's NewSessionTicket)
            if (!anyRequest) handshakeIo(true, t.probes().bytes(piece), buffer, recordsOut.feed(piece));
            return; // a close_notify belongs to no exchange
        }
        ServerExchange x = writer();
        if (x == null) return;
        if (!x.respondBegun) beginRespond(x, Phrase.of("server.codecAnswers"));
        int count = piece.readableBytes();
        x.writes++;
        x.bytesWritten += count;
        t.publish(event(x, Stage.RESPOND, Phase.PROGRESS, Actor.SERVER)
                .detail(writeSaid.of(x.writes, count))
                .bytes(t.probes().bytes(piece, recentWrites)).buffer(buffer).kernel(t.probes().kernelSampled(ch)).build());
        if (!x.respondAnnounced && link != null) {
            x.respondAnnounced = true;
            link.responseSent(x.id);
        }
    }

    @Override
    public void onWriteFailed(ChannelHandlerContext ctx, Throwable cause, int unsent) {
        ServerExchange x = writer();
        if (x == null || x.respondFailed) return;
        x.respondFailed = true;
        if (!x.respondBegun) beginRespond(x, Phrase.of("server.codecAnswers"));
        t.publish(event(x, Stage.RESPOND, Phase.ERROR, Actor.SERVER_KERNEL)
                .said("server.writeFailed", describe(cause), unsent)
                .kernel(kernel()).memory(t.probes().memory().read(x.respondMark)).build());
    }

    private ServerExchange writer() {
        if (responding != null) return responding;
        if (parsing != null) return parsing;
        return last;
    }

    // --- called by the request handler ---

    /**
     * The codec produced a whole request: it belonged to the exchange being read, or (pipelined) it was
     * decoded from bytes read with the request before it. It is answered when its turn comes ({@link #answering}).
     */
    ServerExchange decoded() {
        ServerExchange x = parsing;
        parsing = null;
        stopDeadline();
        if (x == null) {
            x = new ServerExchange(t.ids().nextExchangeId(), true);
            server.track(x.id, this);
            last = x;
            announceExternal(x);
            t.publish(event(x, Stage.PARSE, Phase.BEGIN, Actor.SERVER)
                    .said("server.pipelined").build());
        }
        unanswered.add(x);
        return x;
    }

    /** The exchange's turn: it is processed or answered now (an outside client's next request waits: {@link #onReadComplete}). */
    void answering() {
        inFlight++;
    }

    void beginRespond(ServerExchange x, String detail) {
        beginRespond(x, detail, null);
    }

    void beginRespond(ServerExchange x, Phrase detail) {
        beginRespond(x, null, detail);
    }

    private void beginRespond(ServerExchange x, String text, Phrase detail) {
        try (var s = t.instrument()) {
            responding = x;
            x.respondBegun = true;
            x.respondMark = t.probes().memory().allocatedMark();
            StageEvent.Builder e = event(x, Stage.RESPOND, Phase.BEGIN, Actor.SERVER);
            t.publish((detail != null ? e.detail(detail) : e.detail(text)).build());
        }
    }

    /** A request is being processed or answered: one decoded now waits its turn (pipelining). */
    boolean busy() {
        return inFlight > 0;
    }

    /**
     * The response has been written (or failed): read the next request, unless {@code moreDecoded}
     * (pipelined requests already read wait their turn: the handler goes on with those first).
     */
    void responded(ServerExchange x, boolean keepOpen, boolean moreDecoded) {
        if (responding == x) responding = null;
        server.untrack(x.id); // answered: nothing left to probe on this side (keeps the map small under load)
        unanswered.remove(x);
        inFlight--;
        if (!keepOpen || (inputEnded && inFlight == 0 && !moreDecoded)) {
            ch.close();
            return;
        }
        if (moreDecoded) return;
        if (inProcess()) {
            openNext();
            readTheEndIfIdle();
        } else {
            ch.config().setAutoRead(true);
        }
    }

    /**
     * The client shut down its side of the connection. Returns the exchange whose request was cut
     * short (to be answered 400), or null; an idle connection is closed.
     */
    ServerExchange inputEnded() {
        inputEnded = true;
        ServerExchange cut = parsing;
        stopDeadline();
        if (cut != null) {
            parsing = null;
            unanswered.add(cut);
            return cut;
        }
        if (inFlight == 0) ch.close();
        return null;
    }

    /** The connection ended or failed: every exchange still waiting on it is lost. */
    void closed(Throwable cause) {
        stopDeadline();
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
        Phrase why = cause == null ? Phrase.of("server.clientClosed") : describe(cause);
        if (parsing != null) lost(parsing, Phrase.of("server.lostWhileParsing", why));
        if (expected != null) {
            // held before parse on a connection that is gone: the hold can never be stepped usefully
            if (t.gates().discard(expected.id, Stage.PARSE)) {
                t.publish(new dev.roundtrip.trace.GateEvent(expected.id, t.clock().now(), Stage.PARSE, dev.roundtrip.trace.GateEvent.Kind.DISCARDED, null));
            }
            lost(expected, Phrase.of("server.lostBeforeRead", why));
        }
        while (!announced.isEmpty()) {
            long id = announced.poll();
            server.track(id, this);
            lost(new ServerExchange(id, false), Phrase.of("server.lostBeforeRead", why));
        }
        List<ServerExchange> lostHere = List.copyOf(unanswered); // what runs on when let go may answer (and so remove) one
        unanswered.clear();
        for (ServerExchange x : lostHere) lostInFlight(x, why);
        parsing = null;
        expected = null;
        if (link != null) t.directory().remove(link);
        server.untrack(this);
    }

    /**
     * A request read whole and not yet answered when its connection ended: its server side may be held
     * at a gate or still running. A hold is let go (no step could help it now), so the server's side
     * runs to its end and finds the connection gone; an outside client's exchange ends here, once.
     */
    private void lostInFlight(ServerExchange x, Phrase why) {
        if (x.external && x.markEnded()) {
            t.publish(new ExchangeEnded(x.id, t.clock().now(), Outcome.FAILED, null,
                    Phrase.of("server.end.lostInFlight", why)));
        }
        t.gates().letGo(x.id); // last: a held respond may run at once, here on the event loop
    }

    private void lost(ServerExchange x, Phrase why) {
        if (x == parsing) parsing = null;
        if (x == expected) expected = null;
        t.publish(event(x, Stage.PARSE, Phase.ERROR, Actor.SERVER_KERNEL).detail(why).kernel(kernel()).build());
        if (x.external && x.markEnded()) {
            t.publish(new ExchangeEnded(x.id, t.clock().now(), Outcome.FAILED, null, why));
        }
    }

    StageEvent.Builder event(ServerExchange x, Stage stage, Phase phase, Actor actor) {
        StageEvent.Builder b = StageEvent.of(x.id, connectionId, stage, phase, actor, t.clock());
        // the connection's TCP state as the server's side of a stage ends (the request read whole, the response handed over)
        if (phase == Phase.END && (stage == Stage.PARSE || stage == Stage.RESPOND)) b.tcp(t.probes().tcpAtStageEnd(ch));
        return b;
    }

    /** A socket's failure in words: the JDK's own message, with what it means for the client where we know it. */
    /** Netty's native transport names its system call first ("recvAddress(..) failed with error(-104): "): the OS's own words are what a student needs. */
    private static final java.util.regex.Pattern NATIVE_CALL = java.util.regex.Pattern.compile("^\\w+\\(\\.\\.\\) failed with error\\(-?\\d+\\): ");

    static Phrase describe(Throwable cause) {
        if (cause instanceof java.nio.channels.ClosedChannelException) return Phrase.of("server.alreadyClosed");
        String m = cause.getMessage();
        String text = m == null ? cause.getClass().getSimpleName() : NATIVE_CALL.matcher(m).replaceFirst("");
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("reset")) return Phrase.of("server.resetByClient", text);
        if (lower.contains("broken pipe")) return Phrase.of("server.brokenPipe", text);
        return Phrase.of("server.asWritten", text);
    }
}
