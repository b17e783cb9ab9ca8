package dev.roundtrip.server;

import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.trace.SqlReadout;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.wire.Tracing;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutorGroup;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/**
 * One HTTP/2 stream's request on the server: HEADERS and DATA until END_STREAM end its parse stage;
 * the demo application runs it on a worker (process, through its gate), and the answer goes back as
 * HEADERS and DATA on the same stream (respond, through its gate). The same routes as HTTP/1.1.
 */
final class H2StreamHandler extends ChannelInboundHandlerAdapter {
    private final Tracing t;
    private final H2Connection conn;
    private final Routes app;
    private final ServerSettings settings;
    private final EventExecutorGroup workers;
    private final LiveRoutes live;
    private Http2Headers head;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private long bodyBytes;
    private int dataFrames;

    H2StreamHandler(Tracing t, H2Connection conn, Routes app, ServerSettings settings, EventExecutorGroup workers, LiveRoutes live) {
        this.t = t;
        this.conn = conn;
        this.app = app;
        this.settings = settings;
        this.workers = workers;
        this.live = live;
    }

    /** The request deadline of an outside client's stream: it must arrive whole in time, as on HTTP/1.1. */
    private io.netty.util.concurrent.ScheduledFuture<?> deadline;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        H2Stream s = stream(ctx);
        if (s == null || !s.external) return;
        s.cut = why -> cut(ctx, s, why);
        int seconds = settings.requestDeadlineSeconds();
        deadline = ctx.executor().schedule(() -> cut(ctx, s,
                Phrase.of("server.h2RequestDeadline", seconds, bodyBytes, dataFrames)), seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (deadline != null) deadline.cancel(false);
    }

    private H2Stream stream(ChannelHandlerContext ctx) {
        return conn.stream(((Http2StreamChannel) ctx.channel()).stream().id());
    }

    /**
     * A request that stopped arriving: traced as a parse error and answered 408 on its stream, which is then
     * reset (RST_STREAM: the server reads no more of it); the connection and its other streams go on.
     */
    private void cut(ChannelHandlerContext ctx, H2Stream s, Phrase why) {
        if (s.requestEnded || s.done) return;
        s.requestEnded = true;
        conn.emit(s, conn.event(s, Stage.PARSE, Phase.ERROR, Actor.SERVER).detail(why).memory(t.probes().memory().read(s.parseMark)).build());
        t.publish(new ExchangeStarted(s.id, conn.connectionId(), t.clock().now(), request(body.toByteArray())));
        cutShort = true;
        AppResponse timeout = AppResponse.text(408, "Request Timeout: the request did not arrive in time", dev.roundtrip.trace.Phrase.of("server.app.requestTimeout"));
        t.pass(s.id, Stage.RESPOND, ctx.channel().eventLoop(), conn.socket(), () -> respond(ctx, s, timeout, false));
    }

    /** The request was cut short ({@link #cut}): once answered, the stream is reset. */
    private boolean cutShort;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            boolean end = false;
            if (msg instanceof Http2HeadersFrame h) {
                if (head == null) head = h.headers();
                end = h.isEndStream();
            } else if (msg instanceof Http2DataFrame d) {
                dataFrames++;
                ByteBuf c = d.content();
                bodyBytes += c.readableBytes();
                if (body.size() + c.readableBytes() <= RoundtripServer.MAX_BODY_BYTES) {
                    byte[] b = new byte[c.readableBytes()];
                    c.getBytes(c.readerIndex(), b);
                    body.writeBytes(b);
                }
                end = d.isEndStream();
            }
            if (end && deadline != null) deadline.cancel(false);
            if (end) requestEnded(ctx);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void requestEnded(ChannelHandlerContext ctx) {
        H2Stream s = stream(ctx);
        if (s == null || head == null || s.requestEnded) return;
        String method = String.valueOf(head.method());
        String path = String.valueOf(head.path());
        byte[] bytes = body.toByteArray();
        RequestInfo request = request(bytes);
        String contentType = request.headers().stream().filter(h -> h.name().equalsIgnoreCase("content-type")).map(Header::value)
                .findFirst().orElse(null);
        List<Header> headers = request.headers();
        conn.whenKnown(s, () -> {
            conn.parsed(s, request,
                    Phrase.of("server.h2Parsed", method, path, s.streamId, headers.size(), bodyBytes, dataFrames));
            if (bodyBytes > RoundtripServer.MAX_BODY_BYTES) {
                AppResponse big = AppResponse.text(413, "Payload Too Large: the body is over " + RoundtripServer.MAX_BODY_BYTES + " bytes",
                        dev.roundtrip.trace.Phrase.of("server.app.bodyTooLarge"));
                t.pass(s.id, Stage.RESPOND, ctx.channel().eventLoop(), conn.socket(), () -> respond(ctx, s, big, false));
                return;
            }
            try {
                t.pass(s.id, Stage.PROCESS, workers.next(), conn.socket(),
                        () -> process(ctx, s, method, path, bytes, contentType, headers));
            } catch (RejectedExecutionException stopped) {
                t.publish(conn.event(s, Stage.PROCESS, Phase.ERROR, Actor.SERVER)
                        .said("server.notProcessed").build());
                respond(ctx, s, AppResponse.text(503, "the server is shutting down", dev.roundtrip.trace.Phrase.of("server.app.shuttingDown")), false);
            }
        });
    }

    /** The request as read so far: its headers (pseudo-headers first, as HPACK carried them) and body. */
    private RequestInfo request(byte[] bytes) {
        if (head == null) return new RequestInfo("", "", List.of(), bytes, null);
        List<Header> headers = new ArrayList<>();
        for (Map.Entry<CharSequence, CharSequence> e : head) headers.add(Header.shared(e.getKey().toString(), e.getValue().toString()));
        return new RequestInfo(String.valueOf(head.method()), String.valueOf(head.path()), headers, bytes, null);
    }

    /** On a worker: the application does its work; each SQL statement is a fact of its own. */
    private void process(ChannelHandlerContext ctx, H2Stream s, String method, String path, byte[] bytes, String contentType,
                         List<Header> headers) {
        dev.roundtrip.probe.MemoryProbe.Mark mark = t.probes().memory().allocatedMark();
        t.publish(conn.event(s, Stage.PROCESS, Phase.BEGIN, Actor.SERVER).said("server.h2HandlerStarts", method, path, s.streamId).build());
        if (LiveRoutes.claims(path)) {
            processLive(ctx, s, method, path, headers, mark);
            return;
        }
        SqlObserver sql = new SqlObserver() {
            @Override
            public void executed(SqlReadout q) {
                t.publish(conn.event(s, Stage.PROCESS, Phase.PROGRESS, Actor.DATABASE)
                        .said("server.sqlRows", q.statement(), q.rows()).sql(q).build());
            }

            @Override
            public void wire(DatabaseStep d) {
                t.publish(StageEvent.at(s.id, conn.connectionId(), Stage.PROCESS, Phase.PROGRESS, Actor.DATABASE, d.tNanos())
                        .detail(d.said()).database(d.readout()).bytes(d.bytes()).kernel(d.kernel()).tcp(d.tcp()).build());
            }
        };
        AppResponse r;
        try {
            int delay = settings.processDelayMillis();
            if (delay > 0) Thread.sleep(delay);
            r = app.handle(method, path, bytes, contentType, sql);
            t.publish(conn.event(s, Stage.PROCESS, Phase.END, Actor.SERVER)
                    .said("server.handled", r.status(), HttpResponseStatus.valueOf(r.status()).reasonPhrase(), r.detail())
                    .memory(t.probes().memory().read(mark)).build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r = AppResponse.text(503, "the server is shutting down", dev.roundtrip.trace.Phrase.of("server.app.interrupted"));
            t.publish(conn.event(s, Stage.PROCESS, Phase.ERROR, Actor.SERVER).said("server.interrupted").build());
        } catch (Throwable e) {
            r = AppResponse.text(500, "Internal Server Error", dev.roundtrip.trace.Phrase.of("server.app.handlerFailed"));
            t.publish(conn.event(s, Stage.PROCESS, Phase.ERROR, Actor.SERVER)
                    .said("server.handlerThrew", e.getClass().getSimpleName(), String.valueOf(e.getMessage())).build());
        }
        respondAfterGate(ctx, s, r, method.equals("HEAD"));
    }

    private void respondAfterGate(ChannelHandlerContext ctx, H2Stream s, AppResponse answer, boolean head) {
        try {
            t.pass(s.id, Stage.RESPOND, ctx.channel().eventLoop(), conn.socket(), () -> respond(ctx, s, answer, head));
        } catch (RejectedExecutionException stopped) {
            t.publish(conn.event(s, Stage.RESPOND, Phase.ERROR, Actor.SERVER)
                    .said("server.notAnswered", answer.status()).build());
            if (s.external) t.publish(new ExchangeEnded(s.id, t.clock().now(), Outcome.FAILED, null, Phrase.of("server.end.shutDown")));
        }
    }

    /**
     * The real-time routes over HTTP/2: a poll answers now, a long poll later (no thread waits), {@code /events} is an
     * event stream on this stream ({@link H2EventStream}); {@code /ws} is refused, saying why ({@link LiveRoutes#webSocketOverHttp2}).
     */
    private void processLive(ChannelHandlerContext ctx, H2Stream s, String method, String uri, List<Header> headers,
                             dev.roundtrip.probe.MemoryProbe.Mark mark) {
        io.netty.handler.codec.http.HttpHeaders h = new io.netty.handler.codec.http.DefaultHttpHeaders();
        for (Header x : headers) if (!x.name().startsWith(":")) h.add(x.name(), x.value());
        String path = LiveRoutes.path(uri);
        LiveAnswer a = method.equals("GET") && path.equals("/ws") ? LiveAnswer.now(LiveRoutes.webSocketOverHttp2()) : live.handle(method, uri, h);
        if (a.stream() != null) { // an event stream: /ws never gets here
            Long since = LiveRoutes.eventsSince(LiveRoutes.query(uri), h);
            t.publish(conn.event(s, Stage.PROCESS, Phase.END, Actor.SERVER)
                    .said("server.h2LongLived")
                    .memory(t.probes().memory().read(mark)).build());
            try {
                t.pass(s.id, Stage.RESPOND, ctx.channel().eventLoop(), conn.socket(),
                        () -> new H2EventStream(t, conn, s, ctx.channel(), live.updates()).open(since));
            } catch (RejectedExecutionException stopped) {
                t.publish(conn.event(s, Stage.RESPOND, Phase.ERROR, Actor.SERVER).said("server.h2NotAnsweredShutDown").build());
            }
            return;
        }
        if (a.now() != null) {
            processed(s, a.now(), mark);
            respondAfterGate(ctx, s, a.now(), false);
            return;
        }
        t.publish(conn.event(s, Stage.PROCESS, Phase.PROGRESS, Actor.SERVER)
                .said("server.longPolling")
                .memory(t.probes().memory().read(mark)).build());
        a.later().whenComplete((r, failure) -> {
            AppResponse answer = r != null ? r : AppResponse.text(500, "Internal Server Error", dev.roundtrip.trace.Phrase.of("server.app.longPollFailed"));
            processed(s, answer, null);
            respondAfterGate(ctx, s, answer, false);
        });
    }

    private void processed(H2Stream s, AppResponse r, dev.roundtrip.probe.MemoryProbe.Mark mark) {
        t.publish(conn.event(s, Stage.PROCESS, Phase.END, Actor.SERVER)
                .said("server.handled", r.status(), HttpResponseStatus.valueOf(r.status()).reasonPhrase(), r.detail())
                .memory(mark == null ? null : t.probes().memory().read(mark)).build());
    }

    /** On the event loop: HEADERS, then DATA with END_STREAM (HEADERS alone end a bodiless answer). */
    private void respond(ChannelHandlerContext ctx, H2Stream s, AppResponse r, boolean head) {
        HttpResponseStatus status = HttpResponseStatus.valueOf(r.status());
        if (s.resetBy != null || !ctx.channel().isActive()) {
            Phrase why = s.resetBy == null ? Phrase.of("server.h2NotAnsweredClosed", s.streamId, status.code())
                    : Phrase.of(s.resetBy.equals("client") ? "server.h2NotAnsweredClientReset" : "server.h2NotAnsweredServerReset", s.streamId, status.code());
            conn.emit(s, conn.event(s, Stage.RESPOND, Phase.ERROR, Actor.SERVER).detail(why).build());
            if (s.external) t.publish(new ExchangeEnded(s.id, t.clock().now(), Outcome.CANCELLED, null, why));
            conn.responded(s);
            return;
        }
        Http2Headers h = new DefaultHttp2Headers().status(status.codeAsText());
        h.set("server", "roundtrip").set("content-type", r.contentType()).setInt("content-length", r.body().length);
        List<Header> headers = new ArrayList<>();
        for (Map.Entry<CharSequence, CharSequence> e : h) headers.add(Header.shared(e.getKey().toString(), e.getValue().toString()));
        ResponseInfo info = new ResponseInfo(status.code(), status.reasonPhrase(), headers, head ? new byte[0] : r.body());
        boolean bodiless = head || r.body().length == 0;
        conn.beginRespond(s, bodiless ? Phrase.of("server.h2RespondHeadersOnly", status.code(), status.reasonPhrase(), s.streamId)
                : Phrase.of("server.h2Respond", status.code(), status.reasonPhrase(), s.streamId, r.body().length));
        ChannelFuture written = ctx.write(new DefaultHttp2HeadersFrame(h, bodiless));
        if (!bodiless) written = ctx.write(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(r.body()), true));
        ctx.flush();
        written.addListener(f -> {
            answered(s, info, status, f);
            if (cutShort) ctx.channel().close(); // RST_STREAM: RFC 9113 8.1, the client need not send the rest
        });
    }

    private void answered(H2Stream s, ResponseInfo info, HttpResponseStatus status, io.netty.util.concurrent.Future<?> f) {
        if (f.isSuccess()) {
            conn.emit(s, conn.event(s, Stage.RESPOND, Phase.END, Actor.SERVER)
                    .said("server.h2ResponseQueued", s.streamId, s.framesOut)
                    .memory(t.probes().memory().read(s.respondMark)).build());
        } else {
            conn.emit(s, conn.event(s, Stage.RESPOND, Phase.ERROR, Actor.SERVER_KERNEL)
                    .said("server.h2WriteFailed", s.streamId, ServerConnection.describe(f.cause())).build());
        }
        if (s.external) {
            t.publish(new ExchangeEnded(s.id, t.clock().now(), f.isSuccess() ? Outcome.COMPLETED : Outcome.FAILED,
                    f.isSuccess() ? info : null, f.isSuccess() ? Phrase.of("server.end.answeredHttp2", String.valueOf(status)) : Phrase.of("server.end.notDelivered")));
        }
        conn.responded(s);
    }
}
