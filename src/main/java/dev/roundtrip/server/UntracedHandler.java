package dev.roundtrip.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.concurrent.EventExecutorGroup;

/**
 * The server with tracing off ({@link ServerSettings#traced()} false): the same codec, checks and
 * application as the traced pipeline, without the wire tap, the gates and the events; requests that
 * may block (database, sleep) run on the same workers, the others on the event loop.
 *
 * <pre>
 *  socket ⇄ RequestFraming.Tap ⇄ HttpServerCodec ⇄ RequestAggregator ⇄ UntracedHandler ─▶ workers: DemoApp ─▶ H2
 * </pre>
 */
final class UntracedHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final Routes app;
    private final ServerSettings settings;
    private final EventExecutorGroup workers;
    /** TCP_NODELAY as this handler last set it on the socket. */
    private Boolean noDelaySet; // null: not set by this handler yet (set once per connection, then on change)

    private final RequestFraming framing;

    private UntracedHandler(RequestFraming framing, Routes app, ServerSettings settings, EventExecutorGroup workers) {
        this.framing = framing;
        this.app = app;
        this.settings = settings;
        this.workers = workers;
    }

    static void install(SocketChannel ch, Routes app, ServerSettings settings, EventExecutorGroup workers) {
        RequestFraming framing = new RequestFraming();
        ch.pipeline().addLast("framing", new RequestFraming.Tap(framing))
                .addLast("codec", new HttpServerCodec())
                .addLast("aggregator", new RequestAggregator(RoundtripServer.MAX_BODY_BYTES))
                .addLast("handler", new UntracedHandler(framing, app, settings, workers));
        ch.config().setAutoRead(true);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        RequestHandler.Problem problem = RequestHandler.problem(req, framing.next(), framing);
        if (problem != null) {
            write(ctx, problem.answer(), false);
            return;
        }
        String method = req.method().name();
        String uri = req.uri();
        byte[] body = ByteBufUtil.getBytes(req.content());
        String type = req.headers().get(HttpHeaderNames.CONTENT_TYPE);
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        Runnable work = () -> {
            AppResponse r;
            try {
                int delay = settings.processDelayMillis();
                if (delay > 0) Thread.sleep(delay);
                r = app.handle(method, uri, body, type, sql -> {});
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                r = AppResponse.text(503, "the server is shutting down", dev.roundtrip.trace.Phrase.of("server.app.interrupted"));
            } catch (Exception e) {
                r = AppResponse.text(500, "Internal Server Error", dev.roundtrip.trace.Phrase.of("server.app.handlerFailed"));
            }
            AppResponse answer = r;
            if (ctx.channel().eventLoop().inEventLoop()) write(ctx, answer, keepAlive);
            else ctx.channel().eventLoop().execute(() -> write(ctx, answer, keepAlive));
        };
        // Like any Netty server, only work that may block leaves the event loop. (The traced server
        // sends every request to a worker, so the process stage shows as its own thread.)
        if (DemoApp.mayBlock(uri) || settings.processDelayMillis() > 0) workers.next().execute(work);
        else work.run();
    }

    private void write(ChannelHandlerContext ctx, AppResponse r, boolean keepAlive) {
        HttpResponseStatus status = HttpResponseStatus.valueOf(r.status());
        FullHttpResponse resp = ResponseHead.of(r, status, keepAlive);
        boolean noDelay = settings.tcpNoDelay();
        if (!Boolean.valueOf(noDelay).equals(noDelaySet) && ctx.channel().isActive()) { // a system call: only when the setting changed
            ctx.channel().config().setOption(ChannelOption.TCP_NODELAY, noDelay);
            noDelaySet = noDelay;
        }
        var f = ctx.writeAndFlush(resp);
        if (!keepAlive) f.addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
