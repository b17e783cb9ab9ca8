package dev.roundtrip.client;

import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.RequestInfo;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The client's state for one exchange on an HTTP/2 stream; touched only on the client's event loop. */
final class H2Exchange implements ExchangeHandle {
    final long id;
    final RequestSpec spec;
    final RequestInfo info;
    final H2ClientConnection conn;
    private final H2Client client;
    private final CompletableFuture<ExchangeEnded> result = new CompletableFuture<>();

    Http2StreamChannel stream;
    int streamId;
    dev.roundtrip.probe.MemoryProbe.Mark sendMark;
    dev.roundtrip.probe.MemoryProbe.Mark interpretMark;
    boolean sendEnded;
    boolean interpretBegun;
    /** The first frame of its response reached the connection: interpret begins, or its gate holds the stream. */
    boolean responseArrived;
    boolean ended;
    int framesOut;
    int framesIn;
    int status;
    List<Header> responseHeaders = new ArrayList<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    ScheduledFuture<?> timer;

    H2Exchange(long id, RequestSpec spec, String authority, boolean tls, H2ClientConnection conn, H2Client client) {
        this.id = id;
        this.spec = spec;
        this.conn = conn;
        this.client = client;
        List<Header> h = new ArrayList<>();
        for (Header p : pseudoHeaders(spec, authority, tls)) h.add(p);
        for (Header x : spec.headers()) h.add(new Header(x.name().toLowerCase(java.util.Locale.ROOT), x.value()));
        this.info = new RequestInfo(spec.method(), spec.target(), h, spec.body(), null);
    }

    /** RFC 9113 8.3.1: what HTTP/1.1 says in its request line and Host header. */
    static List<Header> pseudoHeaders(RequestSpec spec, String authority, boolean tls) {
        return List.of(new Header(":method", spec.method()), new Header(":path", spec.target()),
                new Header(":scheme", tls ? "https" : "http"), new Header(":authority", authority));
    }

    @Override
    public long exchangeId() {
        return id;
    }

    @Override
    public CompletableFuture<ExchangeEnded> result() {
        return result;
    }

    /** The client leaves this stream only: RST_STREAM (CANCEL); the connection and its other streams go on. */
    @Override
    public void cancel() {
        client.cancel(id);
    }

    void complete(ExchangeEnded e) {
        ended = true;
        if (timer != null) timer.cancel(false);
        result.complete(e);
    }
}
