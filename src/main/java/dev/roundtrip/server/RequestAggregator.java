package dev.roundtrip.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpContentException;

/**
 * Netty's aggregator, except that it never answers on its own: a body that is too large becomes a
 * failed request for the request handler (so the exchange is traced and answered like any other),
 * and no interim {@code 100 Continue} is written (one response per exchange; clients that asked
 * for it send the body after their own short wait). A request whose head announces no body (no
 * Content-Length, no Transfer-Encoding: most GETs) becomes a whole request without a buffer to gather
 * into, and without the {@code content-length: 0} the aggregator adds to what the client sent.
 */
final class RequestAggregator extends HttpObjectAggregator {
    private final int max;

    RequestAggregator(int maxContentLength) {
        super(maxContentLength);
        this.max = maxContentLength;
    }

    /** A head without a body, waiting for the empty end the decoder sends right behind it. */
    private HttpRequest bodiless;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (bodiless != null) {
            HttpRequest head = bodiless;
            bodiless = null;
            if (msg == LastHttpContent.EMPTY_LAST_CONTENT) {
                DefaultFullHttpRequest whole = new DefaultFullHttpRequest(head.protocolVersion(), head.method(), head.uri(),
                        Unpooled.EMPTY_BUFFER, head.headers(), EmptyHttpHeaders.INSTANCE);
                whole.setDecoderResult(head.decoderResult());
                ctx.fireChannelRead(whole);
                return;
            }
            super.channelRead(ctx, head); // not what a bodiless head is followed by: aggregated as always
        }
        if (msg instanceof HttpRequest r && !(msg instanceof FullHttpRequest) && r.decoderResult().isSuccess() && announcesNoBody(r.headers())) {
            bodiless = r;
            return;
        }
        super.channelRead(ctx, msg);
    }

    private static boolean announcesNoBody(HttpHeaders h) {
        return !h.contains(HttpHeaderNames.CONTENT_LENGTH) && !h.contains(HttpHeaderNames.TRANSFER_ENCODING);
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        return null;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        if (!(oversized instanceof HttpRequest r)) {
            ctx.close();
            return;
        }
        DefaultFullHttpRequest tooBig = new DefaultFullHttpRequest(r.protocolVersion(), r.method(), r.uri(),
                Unpooled.EMPTY_BUFFER, r.headers().copy(), EmptyHttpHeaders.INSTANCE);
        tooBig.setDecoderResult(DecoderResult.failure(
                new TooLongHttpContentException("the body is larger than this server accepts (" + max + " bytes)")));
        ctx.fireChannelRead(tooBig);
    }
}
