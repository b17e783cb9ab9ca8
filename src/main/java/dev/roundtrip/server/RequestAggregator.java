package dev.roundtrip.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.TooLongHttpContentException;

/**
 * Netty's aggregator, except that it never answers on its own: a body that is too large becomes a
 * failed request for the request handler (so the exchange is traced and answered like any other),
 * and no interim {@code 100 Continue} is written (one response per exchange; clients that asked
 * for it send the body after their own short wait).
 */
final class RequestAggregator extends HttpObjectAggregator {
    private final int max;

    RequestAggregator(int maxContentLength) {
        super(maxContentLength);
        this.max = maxContentLength;
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
