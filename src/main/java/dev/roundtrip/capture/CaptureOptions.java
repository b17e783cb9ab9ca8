package dev.roundtrip.capture;

import java.net.InetAddress;
import java.time.Duration;

/**
 * How a capture proxy runs.
 *
 * @param listen where it accepts clients: loopback unless {@code exposed}
 * @param port the port to listen on, 0 for any free one
 * @param target where a reverse proxy forwards every request; null for a forward proxy, which forwards
 *     each request to the server its absolute URL (or CONNECT) names
 * @param exposed the user asked for a non-loopback {@code listen} address ({@code --bind}) and was warned
 * @param remoteTargets the user allowed servers on other machines ({@code --allow-remote-target}) and was warned
 * @param upstreamTimeout how long to wait for a connection to the server and then for the first byte of its
 *     response: after it the client gets 504
 * @param maxKeptBytes at most this many bytes are kept per stage of an exchange (and of each body): the counts
 *     stay exact, the recording of a large body stays small
 */
public record CaptureOptions(InetAddress listen, int port, Target target, boolean exposed, boolean remoteTargets,
                             Duration upstreamTimeout, int maxKeptBytes) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_KEPT_BYTES = 1 << 20;

    public CaptureOptions {
        if (listen == null) listen = InetAddress.getLoopbackAddress();
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, was " + port);
        if (!exposed && !listen.isLoopbackAddress()) {
            throw new IllegalArgumentException("refusing to listen on " + listen.getHostAddress()
                    + ": capture listens on loopback only unless --bind ADDRESS is given");
        }
        if (target != null && !remoteTargets && !target.isLoopback()) {
            throw new Target.Refused(null, dev.roundtrip.trace.Phrase.of("capture.target.remote", target.host(), target.describe()));
        }
        if (upstreamTimeout == null || upstreamTimeout.isNegative() || upstreamTimeout.isZero()) {
            throw new IllegalArgumentException("the upstream timeout must be positive, was " + upstreamTimeout);
        }
        if (maxKeptBytes < 0) throw new IllegalArgumentException("maxKeptBytes must be >= 0, was " + maxKeptBytes);
    }

    /** A reverse proxy on 127.0.0.1:{@code port} in front of {@code target}. */
    public static CaptureOptions reverse(int port, Target target) {
        return new CaptureOptions(InetAddress.getLoopbackAddress(), port, target, false, false, DEFAULT_TIMEOUT, DEFAULT_KEPT_BYTES);
    }

    /** A forward proxy (clients set it as their HTTP proxy) on 127.0.0.1:{@code port}. */
    public static CaptureOptions forward(int port) {
        return new CaptureOptions(InetAddress.getLoopbackAddress(), port, null, false, false, DEFAULT_TIMEOUT, DEFAULT_KEPT_BYTES);
    }

    public boolean isForward() {
        return target == null;
    }

    public CaptureOptions withUpstreamTimeout(Duration d) {
        return new CaptureOptions(listen, port, target, exposed, remoteTargets, d, maxKeptBytes);
    }

    public CaptureOptions withMaxKeptBytes(int n) {
        return new CaptureOptions(listen, port, target, exposed, remoteTargets, upstreamTimeout, n);
    }

    public CaptureOptions withRemoteTargets(boolean on) {
        return new CaptureOptions(listen, port, target, exposed, on, upstreamTimeout, maxKeptBytes);
    }
}
