package dev.roundtrip.server;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderValidationUtil;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

/**
 * The head of every answer of the demo application, as both servers (traced and untraced) write it:
 * {@code Server}, {@code Content-Type}, {@code Content-Length}, {@code Connection}. Names and fixed
 * values are encoded once ({@link AsciiString}, written by a copy instead of char by char), and the
 * headers are not validated per answer: all of them are ours. The one value that can come from a
 * client (the content type {@code /echo} echoes) is checked here, once.
 */
final class ResponseHead {
    private static final AsciiString SERVER = AsciiString.cached("Server");
    private static final AsciiString CONTENT_TYPE = AsciiString.cached("Content-Type");
    private static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");
    private static final AsciiString CONNECTION = AsciiString.cached("Connection");
    private static final AsciiString ROUNDTRIP = AsciiString.cached("roundtrip");
    private static final AsciiString KEEP_ALIVE = AsciiString.cached("keep-alive");
    private static final AsciiString CLOSE = AsciiString.cached("close");
    private static final AsciiString TEXT = AsciiString.cached(AppResponse.TEXT);
    private static final AsciiString JSON = AsciiString.cached(AppResponse.JSON);
    private static final HttpHeadersFactory OURS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    private ResponseHead() {}

    static FullHttpResponse of(AppResponse r, HttpResponseStatus status, boolean keepAlive) {
        FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(r.body()),
                OURS, DefaultHttpHeadersFactory.trailersFactory());
        resp.headers().set(SERVER, ROUNDTRIP)
                .set(CONTENT_TYPE, type(r.contentType()))
                .setInt(CONTENT_LENGTH, r.body().length)
                .set(CONNECTION, keepAlive ? KEEP_ALIVE : CLOSE);
        return resp;
    }

    private static CharSequence type(String type) {
        if (type.equals(AppResponse.TEXT)) return TEXT;
        if (type.equals(AppResponse.JSON)) return JSON;
        int bad = HttpHeaderValidationUtil.validateValidHeaderValue(type);
        if (bad >= 0) throw new IllegalArgumentException("a content type with a byte not allowed in a header at index " + bad + ": " + type);
        return type;
    }
}
