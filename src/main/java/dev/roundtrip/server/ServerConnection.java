package dev.roundtrip.server;

import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.BufferReadout;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
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
import java.util.ArrayDeque;

/**
 * One accepted connection: decides when the socket is read and to which exchange each socket read
 * and write belongs.
 *
 * <p>The channel does not read by itself (autoRead off). For a connection from our own client, a
 * request is read only after the client said (through the {@link ConnectionDirectory}) that it has
 * written one and the parse gate has let that exchange through: until then the request waits in
 * the server kernel's receive queue. A connection from outside (curl) is read at once.
 */
final class ServerConnection implements WireTap.Observer, ConnectionDirectory.ServerSide {
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
    /** Parsed and not yet answered: a read now would end the connection under the exchange. */
    private int inFlight;
    private boolean clientGone;
    /** The client has shut down its side (FIN): answer what is under way, then close. */
    private boolean inputEnded;

    private final ServerSettings settings;
    /** Runs out when the request being read has not arrived whole in time (see {@link ServerSettings#requestDeadlineSeconds()}). */
    private io.netty.util.concurrent.ScheduledFuture<?> deadline;

    /** Fired down the pipeline when the request being read missed its deadline. */
    static final Object DEADLINE_PASSED = new Object() {
        @Override
        public String toString() {
            return "request deadline passed";
        }
    };

    ServerConnection(Tracing t, RoundtripServer server, Channel ch, ServerSettings settings) {
        this.t = t;
        this.server = server;
        this.ch = ch;
        this.settings = settings;
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

    void active(int outsideIdleSeconds) {
        link = t.directory().find((InetSocketAddress) ch.remoteAddress()).orElse(null);
        if (link != null) {
            connectionId = link.connectionId();
            link.attachServer(this);
        } else {
            connectionId = t.ids().nextConnectionId();
            ch.pipeline().addFirst("idle", new io.netty.handler.timeout.IdleStateHandler(outsideIdleSeconds, 0, 0));
            ch.config().setAutoRead(true);
        }
    }

    /** The whole request must arrive within the deadline: a trickle of bytes does not keep it alive. */
    private void startDeadline(ServerExchange x) {
        stopDeadline();
        int seconds = settings.requestDeadlineSeconds();
        x.deadlineSeconds = seconds;
        deadline = ch.eventLoop().schedule(() -> {
            deadline = null;
            if (parsing == x && ch.isActive()) ch.pipeline().fireUserEventTriggered(DEADLINE_PASSED);
        }, seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void stopDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    /**
     * The request being read missed its deadline. Returns that exchange (to be answered 408, then
     * the connection closed), or null when it has been read meanwhile.
     */
    ServerExchange deadlinePassed() {
        ServerExchange cut = parsing;
        if (cut == null) return null;
        parsing = null;
        inFlight++;
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
            inFlight++;
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
        if (clientGone && inFlight == 0 && expected == null && parsing == null && announced.isEmpty() && ch.isActive()) ch.read();
    }

    /** Lets the next announced request through the parse gate: only then is the socket read. */
    private void openNext() {
        if (expected != null || parsing != null || announced.isEmpty()) return;
        long id = announced.poll();
        ServerExchange x = new ServerExchange(id, false);
        expected = x;
        server.track(id, this);
        t.pass(id, Stage.PARSE, ch.eventLoop(), this::kernel, () -> {
            if (ch.isActive()) ch.read();
            else if (expected == x) lost(x, "the connection was closed before the request was read"); // else closed() told it
        });
    }

    // --- socket reads and writes (event loop) ---

    @Override
    public void onRead(ChannelHandlerContext ctx, ByteBuf buf) {
        ServerExchange x = parsing;
        if (x == null) {
            if (expected != null) {
                x = expected;
                expected = null;
            } else {
                x = new ServerExchange(t.ids().nextExchangeId(), true);
                server.track(x.id, this);
                t.publish(new ExchangeStarted(x.id, connectionId, t.clock().now(), RequestInfo.EMPTY));
            }
            parsing = x;
            last = x;
            startDeadline(x);
            x.parseMark = t.probes().memory().allocatedMark();
            t.publish(event(x, Stage.PARSE, Phase.BEGIN, Actor.SERVER)
                    .detail("the first bytes of a request are read from the socket")
                    .memory(t.probes().memory().read(x.parseMark)).build());
        }
        x.reads++;
        x.bytesRead += buf.readableBytes();
        if (x.seen.size() < ServerExchange.MAX_SEEN) {
            byte[] b = new byte[Math.min(buf.readableBytes(), ServerExchange.MAX_SEEN - x.seen.size())];
            buf.getBytes(buf.readerIndex(), b);
            x.seen.writeBytes(b);
        }
        t.publish(event(x, Stage.PARSE, Phase.PROGRESS, Actor.SERVER)
                .detail("socket read #" + x.reads + ": " + buf.readableBytes() + " bytes")
                .bytes(t.probes().bytes(buf)).buffer(Probes.buffer(buf)).kernel(t.probes().kernelSampled(ch))
                .memory(t.probes().memory().read(x.parseMark)).build());
    }

    @Override
    public void onReadComplete(ChannelHandlerContext ctx) {
        // A request that came in several pieces: keep reading until it is whole.
        if (inProcess() && parsing != null && ch.isActive()) ch.read();
    }

    @Override
    public void onWritten(ChannelHandlerContext ctx, byte[] all, int offset, int count, BufferReadout buffer) {
        ServerExchange x = writer();
        if (x == null) return;
        if (!x.respondBegun) beginRespond(x, "the codec answers on its own");
        x.writes++;
        x.bytesWritten += count;
        t.publish(event(x, Stage.RESPOND, Phase.PROGRESS, Actor.SERVER)
                .detail("socket write #" + x.writes + ": " + count + " bytes")
                .bytes(t.probes().bytes(all, offset, count)).buffer(buffer).kernel(t.probes().kernelSampled(ch))
                .memory(t.probes().memory().read(x.respondMark)).build());
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
        if (!x.respondBegun) beginRespond(x, "the codec answers on its own");
        t.publish(event(x, Stage.RESPOND, Phase.ERROR, Actor.SERVER_KERNEL)
                .detail("write failed: " + describe(cause) + "; " + unsent + " bytes of the response reached no one")
                .kernel(kernel()).memory(t.probes().memory().read(x.respondMark)).build());
    }

    private ServerExchange writer() {
        if (responding != null) return responding;
        if (parsing != null) return parsing;
        return last;
    }

    // --- called by the request handler ---

    /** The codec produced a whole request: it belonged to the exchange being read. */
    ServerExchange parsed() {
        ServerExchange x = parsing;
        parsing = null;
        stopDeadline();
        if (x == null) { // pipelined: decoded from bytes read with the request before it
            x = new ServerExchange(t.ids().nextExchangeId(), true);
            server.track(x.id, this);
            last = x;
            t.publish(new ExchangeStarted(x.id, connectionId, t.clock().now(), RequestInfo.EMPTY));
            t.publish(event(x, Stage.PARSE, Phase.BEGIN, Actor.SERVER)
                    .detail("pipelined: this request came in the same socket reads as the one before it, and waited its turn").build());
        }
        if (x.external) ch.config().setAutoRead(false); // one request at a time
        inFlight++;
        return x;
    }

    void beginRespond(ServerExchange x, String detail) {
        responding = x;
        x.respondBegun = true;
        x.respondMark = t.probes().memory().allocatedMark();
        t.publish(event(x, Stage.RESPOND, Phase.BEGIN, Actor.SERVER).detail(detail)
                .memory(t.probes().memory().read(x.respondMark)).build());
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
            inFlight++;
            return cut;
        }
        if (inFlight == 0) ch.close();
        return null;
    }

    /** The connection ended or failed: every exchange still waiting on it is lost. */
    void closed(Throwable cause) {
        stopDeadline();
        String why = cause == null ? "the client closed the connection" : describe(cause);
        if (parsing != null) lost(parsing, why + " before the request was complete");
        if (expected != null) {
            // held before parse on a connection that is gone: the hold can never be stepped usefully
            if (t.gates().discard(expected.id, Stage.PARSE)) {
                t.publish(new dev.roundtrip.trace.GateEvent(expected.id, t.clock().now(), Stage.PARSE, dev.roundtrip.trace.GateEvent.Kind.DISCARDED, null));
            }
            lost(expected, why + " before the request was read");
        }
        while (!announced.isEmpty()) {
            long id = announced.poll();
            server.track(id, this);
            lost(new ServerExchange(id, false), why + " before the request was read");
        }
        parsing = null;
        expected = null;
        if (link != null) t.directory().remove(link);
        server.untrack(this);
    }

    private void lost(ServerExchange x, String why) {
        if (x == parsing) parsing = null;
        if (x == expected) expected = null;
        t.publish(event(x, Stage.PARSE, Phase.ERROR, Actor.SERVER_KERNEL).detail(why).kernel(kernel()).build());
        if (x.external) {
            t.publish(new ExchangeEnded(x.id, t.clock().now(), Outcome.FAILED, null, why));
        }
    }

    StageEvent.Builder event(ServerExchange x, Stage stage, Phase phase, Actor actor) {
        return StageEvent.of(x.id, connectionId, stage, phase, actor, t.clock());
    }

    static String describe(Throwable cause) {
        if (cause instanceof java.nio.channels.ClosedChannelException) return "the connection was already closed";
        String m = cause.getMessage();
        String text = m == null ? cause.getClass().getSimpleName() : m;
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("reset")) return text + " (the client's kernel answered with RST: the client had gone)";
        if (lower.contains("broken pipe")) return text + " (the client had closed the connection)";
        return text;
    }
}
