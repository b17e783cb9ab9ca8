package dev.roundtrip.server;

/** Server behaviour a teacher can change while it runs; read at each use, so changes apply at once. */
public final class ServerSettings {
    private volatile int processDelayMillis;
    private volatile boolean tcpNoDelay = true;

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
}
