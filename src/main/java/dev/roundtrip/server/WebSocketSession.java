package dev.roundtrip.server;

import dev.roundtrip.trace.Phrase;
import dev.roundtrip.wire.WebSocketFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * {@code GET /ws}: the 101 upgrade (Netty's handshaker and frame codecs), then a WebSocket: every text or
 * binary frame the client sends comes back as it was (an echo), and every update goes out as a text frame.
 * Netty's decoder enforces the limits: a frame longer than {@link LiveRoutes#MAX_FRAME_BYTES} is closed with
 * 1009, a malformed one (unmasked, a reserved opcode) with 1002; either way the server goes on serving.
 */
final class WebSocketSession extends LiveExchange {
    private final WebSocketServerHandshaker handshaker;
    private final WebSocketFrames in = new WebSocketFrames(true, MAX_KEPT_BODY);
    private final WebSocketFrames out = new WebSocketFrames(false, MAX_KEPT_BODY);
    private boolean open;

    WebSocketSession(Context c, LiveUpdates updates) {
        super(c, updates);
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, c.uri(), Unpooled.EMPTY_BUFFER,
                c.headers(), EmptyHttpHeaders.INSTANCE);
        WebSocketDecoderConfig config = WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(LiveRoutes.MAX_FRAME_BYTES)
                .allowExtensions(false).closeOnProtocolViolation(true).build();
        String host = c.headers().get("Host", "127.0.0.1");
        boolean secure = ch.pipeline().get("tls") != null;
        handshaker = new WebSocketServerHandshakerFactory((secure ? "wss://" : "ws://") + host + "/ws", null, config).newHandshaker(req);
        DefaultHttpHeaders headers = new DefaultHttpHeaders();
        headers.set("Upgrade", "websocket").set("Connection", "Upgrade").set("Sec-WebSocket-Accept", accept(c.headers().get("Sec-WebSocket-Key")));
        head(101, "Switching Protocols", headers);
        conn.beginRespond(x, Phrase.of("server.live.upgraded"));
        handshaker.handshake(ch, req).addListener(f -> {
            if (!f.isSuccess()) {
                end(Phrase.of("server.live.upgradeFailed", ServerConnection.describe(f.cause())), true);
                return;
            }
            open = true;
            takeOver();
            subscribe();
        });
    }

    /** Sec-WebSocket-Accept: base64(SHA-1(key + the RFC's GUID)), as the handshaker writes it. */
    static String accept(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest((key.trim() + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        WebSocketFrame frame = (WebSocketFrame) msg;
        if (frame instanceof CloseWebSocketFrame close) {
            int code = close.statusCode();
            handshaker.close(ch, close).addListener(f -> end(code < 0 ? Phrase.of("server.live.clientClosedWs")
                    : Phrase.of("server.live.clientClosedWsCode", code), false));
            return;
        }
        if (frame instanceof PingWebSocketFrame) {
            ch.writeAndFlush(new PongWebSocketFrame(frame.content()));
            return;
        }
        if (frame instanceof PongWebSocketFrame) {
            frame.release();
            return;
        }
        // an echo: the same kind of frame with the same payload (text, binary, or a continuation of either)
        WebSocketFrame echo = frame instanceof TextWebSocketFrame ? new TextWebSocketFrame(frame.isFinalFragment(), 0, frame.content())
                : frame instanceof BinaryWebSocketFrame ? new BinaryWebSocketFrame(frame.isFinalFragment(), 0, frame.content())
                : new ContinuationWebSocketFrame(frame.isFinalFragment(), 0, frame.content());
        ch.writeAndFlush(echo);
        if (!ch.isWritable()) ch.config().setAutoRead(false); // back-pressure: read more only once the echoes have gone out
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ch.isWritable() && open) ch.config().setAutoRead(true);
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException bad) {
            // Netty's decoder has already written the close frame with the status that says why, and closes
            WebSocketCloseStatus status = bad.closeStatus();
            end(Phrase.of("server.live.badFrame", String.valueOf(bad.getMessage()), status.code(), status.reasonText()), true);
            return;
        }
        super.exceptionCaught(ctx, cause);
    }

    @Override
    protected void send(Update u) {
        if (open) ch.writeAndFlush(new TextWebSocketFrame(u.json()));
    }

    @Override
    protected void goodbye() {
        handshaker.close(ch, new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE))
                .addListener(f -> end(Phrase.of("server.live.stoppingWs"), false));
    }

    @Override
    protected void read(ByteBuf buf) {
        for (WebSocketFrames.Frame f : in.feed(buf)) message(f.readout(), f.bytes());
    }

    @Override
    protected void written(ByteBuf piece) {
        for (WebSocketFrames.Frame f : out.feed(piece)) message(f.readout(), f.bytes());
    }
}
