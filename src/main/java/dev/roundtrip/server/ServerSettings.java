package dev.roundtrip.server;

/** Server behaviour a teacher can change while it runs; read at each use, so changes apply at once. */
public final class ServerSettings {
    private volatile int processDelayMillis;
    private volatile boolean tcpNoDelay = true;
    private volatile int outsideIdleSeconds = 20;
    private volatile int requestDeadlineSeconds = 30;
    private volatile int maxConnections = 256;
    private volatile boolean traced = true;
    private volatile boolean nonBlockingOnEventLoop = true;

    /** Extra time the handler waits before doing its work, to make the process stage visible. */
    public int processDelayMillis() {
        return processDelayMillis;
    }

    public void setProcessDelayMillis(int ms) {
        if (ms < 0 || ms > 60_000) throw new IllegalArgumentException("process delay must be 0..60000 ms, was " + ms);
        this.processDelayMillis = ms;
    }

    /** TCP_NODELAY on server sockets (off: Nagle's algorithm may hold small writes back). */
    public boolean tcpNoDelay() {
        return tcpNoDelay;
    }

    public void setTcpNoDelay(boolean on) {
        this.tcpNoDelay = on;
    }

    /**
     * How long a connection from an outside client (curl, a browser) may stay silent: a request
     * left half-sent is then answered 408, an idle keep-alive connection closed. Our own client's
     * connections have no such limit (a held exchange may wait as long as the class needs).
     * Applies to connections accepted after the change.
     */
    public int outsideIdleSeconds() {
        return outsideIdleSeconds;
    }

    public void setOutsideIdleSeconds(int seconds) {
        if (seconds < 1 || seconds > 3600) throw new IllegalArgumentException("idle limit must be 1..3600 s, was " + seconds);
        this.outsideIdleSeconds = seconds;
    }

    /**
     * How long a request may take to arrive whole, from its first byte to its last (head and body),
     * on any connection. An idle timer alone lets a client that sends one byte every few seconds
     * (a "slowloris") hold a connection forever; this deadline answers it 408 and closes. Long
     * enough to type a request by hand into {@code nc}. Applies to requests begun after the change.
     */
    public int requestDeadlineSeconds() {
        return requestDeadlineSeconds;
    }

    public void setRequestDeadlineSeconds(int seconds) {
        if (seconds < 1 || seconds > 3600) throw new IllegalArgumentException("request deadline must be 1..3600 s, was " + seconds);
        this.requestDeadlineSeconds = seconds;
    }

    /**
     * At most this many connections from outside clients are open at once; the next one is
     * answered {@code 503 Service Unavailable} with {@code Retry-After} and closed, unread. Our own
     * client's connections are not counted (the lab opens and closes them itself).
     */
    public int maxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int n) {
        if (n < 1 || n > 100_000) throw new IllegalArgumentException("connection limit must be 1..100000, was " + n);
        this.maxConnections = n;
    }

    /**
     * Whether new connections are traced. An untraced connection has no wire tap and publishes no
     * event: the same codec, application and threads, for measuring what tracing costs and for
     * serving load nobody watches. Applies to connections accepted after the change.
     */
    public boolean traced() {
        return traced;
    }

    public void setTraced(boolean on) {
        this.traced = on;
    }

    /**
     * Whether the traced server runs the demo routes that cannot block ({@code GET /}, {@code /big},
     * {@code /echo}) on the event loop when no gate may hold their process stage (true, as the
     * untraced server does), or every handler on a worker (false: one hop there and back per request).
     */
    public boolean nonBlockingOnEventLoop() {
        return nonBlockingOnEventLoop;
    }

    public void setNonBlockingOnEventLoop(boolean on) {
        this.nonBlockingOnEventLoop = on;
    }
}
