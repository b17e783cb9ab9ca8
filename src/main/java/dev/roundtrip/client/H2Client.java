package dev.roundtrip.client;

import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.wire.Tracing;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client's HTTP/2 side: one connection per scheme (h2c on http, h2 on https), every request on it
 * a stream of its own, many at once; a new connection only when the last one closed or was told GOAWAY.
 */
final class H2Client {
    private final Tracing t;
    private final RoundtripClient client;
    private final Bootstrap template;
    private final SslContext tls;
    private final Map<Long, H2Exchange> active = new ConcurrentHashMap<>();
    /** Touched on the event loop only. */
    private H2ClientConnection plain;
    private H2ClientConnection secure;

    H2Client(Tracing t, RoundtripClient client, Bootstrap template, SslContext tls) {
        this.t = t;
        this.client = client;
        this.template = template;
        this.tls = tls;
    }

    boolean tls() {
        return tls != null;
    }

    ExchangeHandle send(RequestSpec spec, InetSocketAddress to) {
        long id = t.ids().nextExchangeId();
        String authority = to.getAddress().getHostAddress() + ":" + to.getPort();
        // which connection is decided on the loop; its id is taken here, so ExchangeStarted can name it
        long[] connectionId = new long[1];
        H2ClientConnection[] chosen = new H2ClientConnection[1];
        boolean[] fresh = new boolean[1];
        try {
            client.loop().submit(() -> {
                H2ClientConnection c = spec.tls() ? secure : plain;
                if (c == null || !c.usable()) {
                    c = new H2ClientConnection(t, this, t.ids().nextConnectionId(), spec.tls() ? tls : null);
                    fresh[0] = true;
                    if (spec.tls()) secure = c;
                    else plain = c;
                }
                chosen[0] = c;
                connectionId[0] = c.connectionId;
            }).syncUninterruptibly();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the client is closed", e);
        }
        H2ClientConnection conn = chosen[0];
        H2Exchange x = new H2Exchange(id, spec, authority, spec.tls(), conn, this);
        active.put(id, x);
        t.publish(new ExchangeStarted(id, connectionId[0], t.clock().now(), x.info));
        client.loop().execute(() -> {
            conn.startTimer(x);
            if (fresh[0]) conn.open(template, to, x);
            else conn.send(x);
        });
        return x;
    }

    /** True if {@code exchangeId} was an HTTP/2 exchange still under way (then its stream is reset). */
    boolean cancel(long exchangeId) {
        H2Exchange x = active.get(exchangeId);
        if (x == null) return false;
        client.loop().execute(() -> x.conn.cancelled(x));
        return true;
    }

    java.util.Optional<ExchangeHandle> handle(long exchangeId) {
        return java.util.Optional.ofNullable(active.get(exchangeId));
    }

    java.util.Optional<dev.roundtrip.trace.KernelReadout> kernelReadout(long exchangeId) {
        H2Exchange x = active.get(exchangeId);
        return x == null ? java.util.Optional.empty() : java.util.Optional.of(x.conn.kernel());
    }

    java.util.Collection<Long> activeIds() {
        return active.keySet();
    }

    EventLoop loop() {
        return client.loop();
    }

    void opened(Channel ch) {
        client.opened(ch);
    }

    void ended(H2Exchange x) {
        active.remove(x.id);
    }

    void forget(H2ClientConnection c) {
        if (plain == c) plain = null;
        if (secure == c) secure = null;
    }
}
