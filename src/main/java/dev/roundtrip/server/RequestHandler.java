package dev.roundtrip.server;

import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.RepeatedPhrase;
import dev.roundtrip.text.Printable;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.wire.Tracing;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpContentException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.concurrent.EventExecutorGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/**
 * The end of the server pipeline: a decoded request ends the parse stage; the demo application
 * runs it on a worker (process), and the answer is written back on the event loop (respond).
 * Each stage is entered through its gate.
 */
final class RequestHandler extends ChannelInboundHandlerAdapter {
    // what this connection's event loop says again and again under keep-alive traffic: built once while it repeats
    private final RepeatedPhrase parsedSaid = new RepeatedPhrase("server.parsed");
    private final RepeatedPhrase respondSaid = new RepeatedPhrase("server.respond");
    private final RepeatedPhrase respondHeadSaid = new RepeatedPhrase("server.respondHead");
    private final RepeatedPhrase queuedSaid = new RepeatedPhrase("server.responseQueued");
    // on the event loop or a worker, one request of the connection at a time; a phrase is immutable, so a
    // stale "last" seen by another thread is only a missed reuse
    private final RepeatedPhrase handlerStartsSaid = new RepeatedPhrase("server.handlerStarts");
    private final RepeatedPhrase handledSaid = new RepeatedPhrase("server.handled");
    private final Tracing t;
    private final ServerConnection conn;
    private final Routes app;
    private final ServerSettings settings;
    private final EventExecutorGroup workers;
    private final RequestFraming framing;
    /** Requests the codec decoded while one was still being answered (pipelining); at most {@link #MAX_PIPELINED}. */
    private final java.util.ArrayDeque<Pending> pipelined = new java.util.ArrayDeque<>();

    /**
     * A request waiting its turn: decoded, with what its raw bytes showed; or one cut short (the input
     * ended, the deadline passed) with its answer, {@code req} and {@code raw} null.
     */
    private record Pending(ServerExchange x, FullHttpRequest req, RequestFraming.RawRequest raw, AppResponse cutShort) {}
    static final int MAX_PIPELINED = 16;
    /** An answer that closes the connection is on its way: nothing read after it is processed. */
    private boolean closing;
    /** TCP_NODELAY as this handler last set it on the socket. */
    private Boolean noDelaySet; // null: not set by this handler yet (set once per connection, then on change)

    /** The request as the application sees it, copied off Netty's buffers. */
    record Parsed(ServerExchange x, String method, String uri, byte[] body, String contentType, boolean keepAlive,
                  io.netty.handler.codec.http.HttpHeaders headers) {
        boolean head() {
            return method.equals("HEAD");
        }
    }

    /** The real-time routes (they need the request's headers and may answer later or with a stream); null: none. */
    private final LiveRoutes live;

    RequestHandler(Tracing t, ServerConnection conn, RequestFraming framing, Routes app, ServerSettings settings, EventExecutorGroup workers) {
        this(t, conn, framing, app, settings, workers, null);
    }

    RequestHandler(Tracing t, ServerConnection conn, RequestFraming framing, Routes app, ServerSettings settings, EventExecutorGroup workers,
                   LiveRoutes live) {
        this.live = live;
        this.framing = framing;
        this.t = t;
        this.conn = conn;
        this.app = app;
        this.settings = settings;
        this.workers = workers;
    }

    /**
     * The connection's event loop as a stage's executor: a stage entered on the loop itself runs at once,
     * as in the untraced server (no task queued and run later per stage); from a worker or a released
     * hold it is queued on the loop.
     */
    private java.util.concurrent.Executor onLoop;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        io.netty.channel.EventLoop loop = ctx.channel().eventLoop();
        onLoop = r -> {
            if (loop.inEventLoop()) r.run();
            else loop.execute(r);
        };
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        conn.active(settings.outsideIdleSeconds());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        conn.closed(null);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        conn.closed(cause);
        ctx.close();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            ServerExchange cut = conn.inputEnded();
            if (cut != null) {
                t.publish(conn.event(cut, Stage.PARSE, Phase.ERROR, Actor.SERVER)
                        .said("server.requestCut")
                        .memory(t.probes().memory().read(cut.parseMark)).build());
                if (cut.external) {
                    t.publish(new ExchangeStarted(cut.id, conn.connectionId(), t.clock().now(),
                            new RequestInfo("", "", List.of(), null, cut.seen.toByteArray())));
                }
                answerCut(ctx, cut, AppResponse.text(400, "Bad Request: the request ended before it was complete", dev.roundtrip.trace.Phrase.of("server.app.incomplete")));
            }
        }
        if (evt instanceof IdleStateEvent) {
            ServerExchange cut = conn.silent();
            if (cut != null) {
                timedOut(ctx, cut, dev.roundtrip.trace.Phrase.of("server.h2Silence", settings.outsideIdleSeconds()));
            }
        }
        if (evt == ServerConnection.DEADLINE_PASSED) {
            ServerExchange cut = conn.deadlinePassed();
            if (cut != null) {
                timedOut(ctx, cut, dev.roundtrip.trace.Phrase.of("server.requestDeadline", cut.deadlineSeconds, cut.bytesRead, cut.reads));
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    /** A request that did not arrive in time: traced as a parse error and answered 408, then the connection closes. */
    private void timedOut(ChannelHandlerContext ctx, ServerExchange cut, dev.roundtrip.trace.Phrase why) {
        t.publish(conn.event(cut, Stage.PARSE, Phase.ERROR, Actor.SERVER).detail(why)
                .memory(t.probes().memory().read(cut.parseMark)).build());
        if (cut.external) {
            t.publish(new ExchangeStarted(cut.id, conn.connectionId(), t.clock().now(),
                    new RequestInfo("", "", List.of(), null, cut.seen.toByteArray())));
        }
        answerCut(ctx, cut, AppResponse.text(408, "Request Timeout: the request did not arrive in time", dev.roundtrip.trace.Phrase.of("server.app.requestTimeout")));
    }

    /**
     * A request cut short is answered, then the connection closes; behind a request still in process
     * it waits its turn (HTTP/1.1 answers in the order the requests came).
     */
    private void answerCut(ChannelHandlerContext ctx, ServerExchange cut, AppResponse answer) {
        closing = true;
        if (conn.busy()) pipelined.add(new Pending(cut, null, null, answer));
        else answerNow(ctx, cut, answer);
    }

    private void answerNow(ChannelHandlerContext ctx, ServerExchange x, AppResponse answer) {
        conn.answering();
        t.pass(x.id, Stage.RESPOND, onLoop, conn::kernel, () -> respond(ctx, x, answer, false, false));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest req)) {
            io.netty.util.ReferenceCountUtil.release(msg);
            return;
        }
        RequestFraming.RawRequest raw = framing.next(); // one per decoded request, in order, whatever becomes of it
        if (closing) { // RFC 9112 9.6: after an answer that closes the connection, later requests are not processed
            req.release();
            return;
        }
        ServerExchange x;
        try (var s = t.instrument()) {
            x = conn.decoded();
        }
        if (conn.busy()) { // pipelined: decoded from bytes already read; answered in order, one at a time
            if (pipelined.size() < MAX_PIPELINED) pipelined.add(new Pending(x, req, raw, null));
            else {
                req.release();
                closing = true; // no more: answer what is queued, then close (the connection's end tells this one it was lost)
            }
            return;
        }
        handle(ctx, x, req, raw);
    }

    /** The next pipelined request, once the one before it has been answered on a connection that stays open. */
    private void next(ChannelHandlerContext ctx) {
        Pending p = pipelined.poll();
        if (p == null) return;
        if (p.cutShort() != null) answerNow(ctx, p.x(), p.cutShort());
        else handle(ctx, p.x(), p.req(), p.raw());
    }

    private void dropPipelined() {
        for (Pending p; (p = pipelined.poll()) != null; ) if (p.req() != null) p.req().release();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        dropPipelined();
    }

    /**
     * A decoded request: checked, copied for the application (the program's work, as in the untraced
     * server), and recorded (the instrument's work, in {@link Tracing#instrument()} scopes).
     */
    private void handle(ChannelHandlerContext ctx, ServerExchange x, FullHttpRequest req, RequestFraming.RawRequest raw) {
        try {
            conn.answering();
            Problem problem = conn.plainOnTlsPort() ? new Problem(400, PLAIN_ON_TLS_PORT) : problem(req, raw, framing);
            if (problem != null) {
                try (var s = t.instrument()) {
                    if (x.external) {
                        t.publish(new ExchangeStarted(x.id, conn.connectionId(), t.clock().now(),
                                new RequestInfo("", "", List.of(), null, x.seen.toByteArray())));
                    }
                    t.publish(conn.event(x, Stage.PARSE, Phase.ERROR, Actor.SERVER).said("server.malformed", problem.why())
                            .memory(t.probes().memory().read(x.parseMark)).build());
                }
                AppResponse bad = problem.answer();
                closing = true;
                t.pass(x.id, Stage.RESPOND, onLoop, conn::kernel, () -> respond(ctx, x, bad, false, false));
                return;
            }
            byte[] body = ByteBufUtil.getBytes(req.content());
            Parsed p = new Parsed(x, req.method().name(), req.uri(), body, req.headers().get(HttpHeaderNames.CONTENT_TYPE),
                    HttpUtil.isKeepAlive(req), live != null && LiveRoutes.claims(req.uri()) ? req.headers().copy() : null);
            try (var s = t.instrument()) {
                if (x.external) t.publish(new ExchangeStarted(x.id, conn.connectionId(), t.clock().now(), describe(req)));
                t.publish(conn.event(x, Stage.PARSE, Phase.END, Actor.SERVER)
                        .detail(parsedSaid.of(req.method().name(), req.uri(), req.protocolVersion().text(), req.headers().size(), body.length, x.reads))
                        .memory(t.probes().memory().read(x.parseMark)).build());
            }
            if (!p.keepAlive()) closing = true;
            try {
                t.pass(x.id, Stage.PROCESS, processOn(ctx, p), conn::kernel, () -> process(ctx, p));
            } catch (RejectedExecutionException stopped) {
                // close() stops the workers before the event loops: a request read in between is answered 503 here
                closing = true;
                t.publish(conn.event(x, Stage.PROCESS, Phase.ERROR, Actor.SERVER)
                        .said("server.notProcessed").build());
                AppResponse unavailable = AppResponse.text(503, "the server is shutting down", dev.roundtrip.trace.Phrase.of("server.app.shuttingDown"));
                t.pass(x.id, Stage.RESPOND, onLoop, conn::kernel, () -> respond(ctx, x, unavailable, false, false));
            }
        } finally {
            req.release();
        }
    }

    /**
     * Where the handler runs. Work that may block (the database, a sleep, any route that is not the
     * demo application's) runs on a worker, as every Netty server must; the demo's routes that cannot
     * block run on the event loop, as in the untraced server, unless the process gate may hold them
     * (step mode, a breakpoint: a held handler is shown on a worker, the way lesson 11 teaches it).
     */
    private java.util.concurrent.Executor processOn(ChannelHandlerContext ctx, Parsed p) {
        boolean mayBlock = !settings.nonBlockingOnEventLoop() || !(app instanceof DemoApp) || DemoApp.mayBlock(p.uri())
                || settings.processDelayMillis() > 0;
        return mayBlock || t.gates().shouldHold(Stage.PROCESS) ? workers.next() : onLoop;
    }

    static final Phrase PLAIN_ON_TLS_PORT = Phrase.of("server.problem.plainOnTlsPort");

    /**
     * Why a request cannot be served, with the 4xx status that says so. What was sent is escaped in
     * the phrase's arguments; the student reads {@code why} in the language in use, the client its
     * English in the answer's body (the server's words on the wire, the same in every language).
     */
    record Problem(int status, Phrase why) {
        /** {@code key}'s phrase; a string argument is what was sent, escaped here. */
        static Problem of(int status, String key, Object... args) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof String a) args[i] = Printable.escape(a);
            }
            return new Problem(status, Phrase.of(key, args));
        }

        /** The 4xx answer: "Bad Request: " and the reason in English. */
        AppResponse answer() {
            String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
            return AppResponse.text(status, reason + ": " + why.english(), Phrase.of("server.app.malformed"));
        }
    }

    /**
     * The codec catches most problems; HTTP rules it lets through are checked here, and what the
     * client sent is named where the codec's words would mislead, from what its raw bytes showed.
     * Null: no problem.
     */
    static Problem problem(FullHttpRequest req, RequestFraming.RawRequest raw, RequestFraming framing) {
        // a decoded body may fail on its own (too long, bad chunks); the head's checks give the verdict they gave
        if (req.decoderResult().isSuccess() && framing.passedBefore(raw)) return null;
        Problem p = problem(req, raw);
        if (p == null) framing.passed(raw);
        return p;
    }

    static Problem problem(FullHttpRequest req, RequestFraming.RawRequest raw) {
        byte[] head = raw.head();
        if (RequestTarget.isTlsClientHello(head)) return new Problem(400, RequestTarget.TLS);
        if (req.decoderResult().isFailure()) {
            Throwable c = req.decoderResult().cause();
            String why = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
            if (c instanceof TooLongHttpContentException) return new Problem(413, CodecWords.of(why));
            if (c instanceof TooLongHttpHeaderException) return new Problem(431, CodecWords.of(why));
            if (c instanceof TooLongHttpLineException) return new Problem(414, CodecWords.of(why));
            Phrase sent = RequestTarget.whatWasSent(head);
            return new Problem(400, sent != null ? sent : CodecWords.of(why));
        }
        HttpVersion v = req.protocolVersion();
        if (RequestTarget.isHttp2Preface(req.method().name(), req.uri(), v.text())) return new Problem(400, RequestTarget.HTTP2_PREFACE);
        Phrase target = RequestTarget.problem(req.uri());
        if (target != null) return new Problem(400, target);
        Phrase line = RequestTarget.whatWasSent(head); // the codec reads TAB, VT, FF, a bare CR and runs of spaces as one space
        if (line != null) return new Problem(400, line);
        if (!v.equals(HttpVersion.HTTP_1_1) && !v.equals(HttpVersion.HTTP_1_0)) {
            return Problem.of(400, "server.problem.version", v.text());
        }
        String written = writtenAs(head, v.text()) ? null : versionAsWritten(head);
        if (written != null && !written.equals(v.text())) {
            return Problem.of(400, "server.problem.versionCase", v.text(), written);
        }
        if (folded(head)) {
            return Problem.of(400, "server.problem.folded");
        }
        if (v.equals(HttpVersion.HTTP_1_1) && req.headers().getAll(HttpHeaderNames.HOST).size() != 1) {
            return Problem.of(400, "server.problem.host");
        }
        String host = req.headers().get(HttpHeaderNames.HOST);
        if (host != null && !hostName(host)) {
            return Problem.of(400, "server.problem.hostName", host);
        }
        if (!req.uri().startsWith("/") && !req.uri().equals("*") && !req.uri().startsWith("http://") && !req.uri().startsWith("https://")) {
            return Problem.of(400, "server.problem.notPath", req.uri());
        }
        if (raw.chunkProblem() != null) return new Problem(400, raw.chunkProblem());
        String expect = req.headers().get(HttpHeaderNames.EXPECT);
        if (expect != null && !expect.equalsIgnoreCase("100-continue")) {
            return Problem.of(417, "server.problem.expectation", expect);
        }
        return null;
    }

    /** The request line's last word is {@code version}, byte for byte (the usual case: no String made). */
    private static boolean writtenAs(byte[] head, String version) {
        int start = 0;
        while (start < head.length && (head[start] == '\r' || head[start] == '\n')) start++;
        int end = start;
        while (end < head.length && head[end] != '\n') end++;
        if (end >= head.length) return false;
        if (end > start && head[end - 1] == '\r') end--;
        int from = end - version.length();
        if (from <= start || head[from - 1] != ' ') return false;
        for (int i = 0; i < version.length(); i++) {
            if (head[from + i] != version.charAt(i)) return false;
        }
        return true;
    }

    /** No white space and none of / ? # @: what a Host header may hold here. */
    private static boolean hostName(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == ' ' || (c >= '\t' && c <= '\r') || c == '/' || c == '?' || c == '#' || c == '@') return false;
        }
        return true;
    }

    /** The last word of the request line as the client wrote it (the codec reads it case-insensitively); null if not seen. */
    static String versionAsWritten(byte[] head) {
        int start = 0;
        while (start < head.length && (head[start] == '\r' || head[start] == '\n')) start++;
        int end = start;
        while (end < head.length && head[end] != '\n') end++;
        if (end >= head.length) return null;
        String line = new String(head, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
        int space = line.lastIndexOf(' ');
        return space < 0 ? null : line.substring(space + 1);
    }

    /** The codec joins a folded header line to the one before it; the raw bytes still show it. */
    private static boolean folded(byte[] head) {
        for (int i = 0; i + 2 < head.length; i++) {
            if (head[i] == '\n') {
                if (head[i + 1] == ' ' || head[i + 1] == '\t') return true;
                if (head[i + 1] == '\r' || head[i + 1] == '\n') return false; // end of the header block
            }
        }
        return false;
    }

    /** The request this connection described last: the same again (a load generator's, a poller's) is the same record, with no lookups. */
    private RequestInfo lastRequest;

    private RequestInfo describe(FullHttpRequest req) {
        RequestInfo last = lastRequest;
        if (last != null && !req.content().isReadable() && last.bodyLength() == 0 && last.method().equals(req.method().name())
                && last.target().equals(req.uri()) && Header.sameAs(last.headers(), req.headers())) {
            return last;
        }
        List<Header> headers = new ArrayList<>(req.headers().size());
        for (Map.Entry<String, String> h : req.headers()) headers.add(Header.shared(h.getKey(), h.getValue()));
        return lastRequest = new RequestInfo(req.method().name(), req.uri(), headers, ByteBufUtil.getBytes(req.content()), null);
    }

    /** On a worker thread: the application does its work; each SQL statement is a fact of its own. */
    private void process(ChannelHandlerContext ctx, Parsed p) {
        ServerExchange x = p.x();
        dev.roundtrip.probe.MemoryProbe.Mark mark;
        SqlObserver statements;
        try (var s = t.instrument()) {
            mark = t.probes().memory().allocatedMark();
            t.publish(conn.event(x, Stage.PROCESS, Phase.BEGIN, Actor.SERVER).detail(handlerStartsSaid.of(p.method(), p.uri())).build());
            statements = new DatabaseTrace(t, conn, x, mark);
        }
        AppResponse r;
        try {
            int delay = settings.processDelayMillis();
            if (delay > 0) Thread.sleep(delay);
            LiveAnswer a = p.headers() != null ? live.handle(p.method(), p.uri(), p.headers()) : null;
            if (a != null && a.now() == null) {
                processedLive(ctx, p, a, mark);
                return;
            }
            r = a != null ? a.now() : app.handle(p.method(), p.uri(), p.body(), p.contentType(), statements);
            try (var s = t.instrument()) {
                t.publish(conn.event(x, Stage.PROCESS, Phase.END, Actor.SERVER)
                        .detail(handledSaid.of(r.status(), HttpResponseStatus.valueOf(r.status()).reasonPhrase(), r.detail()))
                        .memory(t.probes().memory().read(mark)).build());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r = AppResponse.text(503, "the server is shutting down", dev.roundtrip.trace.Phrase.of("server.app.interrupted"));
            t.publish(conn.event(x, Stage.PROCESS, Phase.ERROR, Actor.SERVER).said("server.interrupted")
                    .memory(t.probes().memory().read(mark)).build());
        } catch (Throwable e) {
            // the handler's own bug, an Error too (a StackOverflowError, an AssertionError): answered
            // 500, never an exchange left unanswered, and the server goes on serving
            r = AppResponse.text(500, "Internal Server Error", dev.roundtrip.trace.Phrase.of("server.app.handlerFailed"));
            t.publish(conn.event(x, Stage.PROCESS, Phase.ERROR, Actor.SERVER)
                    .said("server.handlerThrew", e.getClass().getSimpleName(), String.valueOf(e.getMessage()))
                    .memory(t.probes().memory().read(mark)).build());
        }
        AppResponse answer = r;
        try {
            t.pass(x.id, Stage.RESPOND, onLoop, conn::kernel, () -> respond(ctx, x, answer, p.keepAlive(), p.head()));
        } catch (RejectedExecutionException stopped) {
            // the handler outlived close()'s wait for the workers: the event loop that would write the answer is gone
            t.publish(conn.event(x, Stage.RESPOND, Phase.ERROR, Actor.SERVER)
                    .said("server.notAnswered", answer.status()).build());
            if (x.external && x.markEnded()) {
                t.publish(new ExchangeEnded(x.id, t.clock().now(), Outcome.FAILED, null, dev.roundtrip.trace.Phrase.of("server.end.shutDown")));
            }
        }
    }

    /**
     * A real-time route that answers later (a long poll: PROCESS ends when an update comes or the wait
     * runs out; no thread waits meanwhile) or with a stream (PROCESS ends now; RESPOND goes on with it).
     */
    private void processedLive(ChannelHandlerContext ctx, Parsed p, LiveAnswer a, dev.roundtrip.probe.MemoryProbe.Mark mark) {
        ServerExchange x = p.x();
        if (a.stream() != null) {
            t.publish(conn.event(x, Stage.PROCESS, Phase.END, Actor.SERVER)
                    .said("server.longLived")
                    .memory(t.probes().memory().read(mark)).build());
            LiveExchange.Context c = new LiveExchange.Context(t, conn, x, ctx, p.uri(), p.headers());
            t.pass(x.id, Stage.RESPOND, ctx.channel().eventLoop(), conn::kernel, () -> a.stream().open(c));
            return;
        }
        t.publish(conn.event(x, Stage.PROCESS, Phase.PROGRESS, Actor.SERVER)
                .said("server.longPolling")
                .memory(t.probes().memory().read(mark)).build());
        a.later().whenComplete((r, failure) -> {
            AppResponse answer = r != null ? r : AppResponse.text(500, "Internal Server Error", dev.roundtrip.trace.Phrase.of("server.app.longPollFailed"));
            t.publish(conn.event(x, Stage.PROCESS, Phase.END, Actor.SERVER)
                    .said("server.handled", answer.status(), HttpResponseStatus.valueOf(answer.status()).reasonPhrase(), answer.detail()).build());
            try {
                t.pass(x.id, Stage.RESPOND, ctx.channel().eventLoop(), conn::kernel, () -> respond(ctx, x, answer, p.keepAlive(), p.head()));
            } catch (RejectedExecutionException stopped) {
                t.publish(conn.event(x, Stage.RESPOND, Phase.ERROR, Actor.SERVER)
                        .said("server.notAnsweredPoll").build());
                if (x.external) t.publish(new ExchangeEnded(x.id, t.clock().now(), Outcome.FAILED, null, dev.roundtrip.trace.Phrase.of("server.end.shutDown")));
            }
        });
    }

    /** On the event loop: encode and write; the wire tap reports each socket write. */
    private void respond(ChannelHandlerContext ctx, ServerExchange x, AppResponse r, boolean keepAlive, boolean head) {
        HttpResponseStatus status = HttpResponseStatus.valueOf(r.status());
        FullHttpResponse resp = ResponseHead.of(r, status, keepAlive);
        ResponseInfo info;
        try (var s = t.instrument()) {
            // the codec sends no body in answer to HEAD (Content-Length still says how long it would be): record what was sent
            info = new ResponseInfo(status.code(), status.reasonPhrase(), responseHeaders(resp.headers()), head ? new byte[0] : r.body());
            lastResponseHeaders = info.headers();
        }
        boolean noDelay = settings.tcpNoDelay();
        if (!Boolean.valueOf(noDelay).equals(noDelaySet) && ctx.channel().isActive()) { // a system call: only when the teacher changed it
            ctx.channel().config().setOption(io.netty.channel.ChannelOption.TCP_NODELAY, noDelay);
            noDelaySet = noDelay;
        }
        conn.beginRespond(x, (head ? respondHeadSaid : respondSaid).of(status.code(), status.reasonPhrase(), r.body().length));
        io.netty.channel.ChannelFuture written = ctx.writeAndFlush(resp);
        try (var s = t.instrument()) {
            written.addListener(f -> answered(ctx, x, info, status, keepAlive, f));
        }
    }

    /** The head this connection answered with last: the same again (keep-alive traffic) is the same list, with no lookups. */
    private List<Header> lastResponseHeaders;

    private List<Header> responseHeaders(io.netty.handler.codec.http.HttpHeaders sent) {
        List<Header> last = lastResponseHeaders;
        if (last != null && Header.sameAs(last, sent)) return last;
        List<Header> headers = new ArrayList<>(sent.size());
        for (Map.Entry<String, String> h : sent) headers.add(Header.shared(h.getKey(), h.getValue()));
        return headers;
    }

    /** The response is in the kernel's send queue (or failed): the respond stage ends. */
    private void answered(ChannelHandlerContext ctx, ServerExchange x, ResponseInfo info, HttpResponseStatus status, boolean keepAlive,
                          io.netty.util.concurrent.Future<?> f) {
        boolean keep = f.isSuccess() && keepAlive;
        try (var s = t.instrument()) {
            if (f.isSuccess()) {
                t.publish(conn.event(x, Stage.RESPOND, Phase.END, Actor.SERVER)
                        .detail(queuedSaid.of(x.bytesWritten, x.writes))
                        .memory(t.probes().memory().read(x.respondMark)).build());
            } else if (!x.respondFailed) {
                x.respondFailed = true;
                t.publish(conn.event(x, Stage.RESPOND, Phase.ERROR, Actor.SERVER_KERNEL)
                        .said("server.responseWriteFailed", ServerConnection.describe(f.cause())).kernel(conn.kernel()).build());
            }
            if (x.external && x.markEnded()) {
                t.publish(new ExchangeEnded(x.id, t.clock().now(), f.isSuccess() ? Outcome.COMPLETED : Outcome.FAILED,
                        f.isSuccess() ? info : null, dev.roundtrip.trace.Phrase.of(f.isSuccess() ? "server.end.answered" : "server.end.notDelivered", String.valueOf(status))));
            }
            if (!keep) dropPipelined();
            conn.responded(x, keep, !pipelined.isEmpty());
        }
        if (keep) next(ctx);
    }
}
