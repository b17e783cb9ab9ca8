package dev.roundtrip.wire;

import dev.roundtrip.tls.LocalhostCertificate;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;

/**
 * The engine's TLS context built once in a fresh JVM, as at the app's start: {@code direct} the way
 * {@link TlsContexts#server} does it now (the key handed over by {@link OneKeyManager}), {@code store} the
 * way Netty's {@code forServer(key, certificate)} does (an in-memory PKCS#12 key store). Prints the
 * thread's CPU for the build. Run both alternately, each in its own JVM (bench/README.md):
 * {@code java -cp target/roundtrip.jar:target/bench-tls dev.roundtrip.wire.TlsStartBench direct|store}
 */
public final class TlsStartBench {
    public static void main(String[] args) throws Exception {
        Instant now = Instant.now();
        LocalhostCertificate c = LocalhostCertificate.make(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1)), null, null);
        var threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        boolean direct = args.length > 0 && args[0].equals("direct");
        if (direct) TlsContexts.server(c.key(), c.certificate());
        else SslContextBuilder.forServer(c.key(), c.certificate()).sslProvider(SslProvider.JDK)
                .protocols(TlsContexts.TLS13, TlsContexts.TLS12).build();
        System.out.printf("%s %d ms%n", direct ? "direct" : "store", (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
    }
}
