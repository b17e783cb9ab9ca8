package dev.roundtrip.trace;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Where an in-process client and the in-process server meet without touching the wire bytes.
 *
 * <p>The client binds its socket before connecting, so it knows its local address before the SYN,
 * and registers a {@link Link} under it. The server looks up the remote address of each accepted
 * connection: a hit means the peer is our own client, so the server learns each request's exchange
 * id from the link (no extra header on the wire) and both sides can tell each other when the first
 * bytes of a request or response have been handed to the kernel, which is what lets a gate keep
 * those bytes waiting in the receiving kernel.
 */
public final class ConnectionDirectory {
    private final ConcurrentMap<InetSocketAddress, Link> links = new ConcurrentHashMap<>();

    /** What the server side hears through a link. Calls may come on any thread. */
    public interface ServerSide {
        void requestSent(long exchangeId);

        void clientClosed();

        /** HTTP/2: the client has written the HEADERS of this exchange's request on stream {@code streamId}. */
        default void streamOpened(long exchangeId, int streamId) {}
    }

    /** What the client side hears through a link. Calls may come on any thread. */
    public interface ClientSide {
        void responseSent(long exchangeId);

        /** The server's side of the TLS handshake is done: a request written now cannot arrive with its last handshake read. */
        default void serverHandshakeDone() {}
    }

    public Link register(InetSocketAddress clientLocal, long connectionId) {
        return register(clientLocal, connectionId, 0);
    }

    /** @param openingExchangeId the exchange whose connect stage opens this connection (0: none) */
    public Link register(InetSocketAddress clientLocal, long connectionId, long openingExchangeId) {
        return register(clientLocal, connectionId, openingExchangeId, false);
    }

    /** @param http2 the client speaks HTTP/2 with prior knowledge on it (h2c), or h2 after ALPN */
    public Link register(InetSocketAddress clientLocal, long connectionId, long openingExchangeId, boolean http2) {
        Link link = new Link(clientLocal, connectionId, openingExchangeId, http2);
        links.put(clientLocal, link);
        return link;
    }

    public Optional<Link> find(InetSocketAddress clientAddressSeenByServer) {
        return Optional.ofNullable(links.get(clientAddressSeenByServer));
    }

    public void remove(Link link) {
        links.remove(link.clientAddress, link);
    }

    public int size() {
        return links.size();
    }

    /**
     * One client connection. Messages sent before the other side attached are kept and delivered
     * when it attaches (the server may accept the connection after the client has already written).
     */
    public static final class Link {
        private final InetSocketAddress clientAddress;
        private final long connectionId;
        private final long openingExchangeId;
        private final boolean http2;
        private final List<Runnable> toServer = new ArrayList<>();
        private final List<Runnable> toClient = new ArrayList<>();
        private ServerSide server;
        private ClientSide client;
        private boolean clientClosed;

        private Link(InetSocketAddress clientAddress, long connectionId, long openingExchangeId, boolean http2) {
            this.http2 = http2;
            this.clientAddress = clientAddress;
            this.connectionId = connectionId;
            this.openingExchangeId = openingExchangeId;
        }

        /** The exchange whose connect stage opened this connection: the server's accept belongs to it. */
        public long openingExchangeId() {
            return openingExchangeId;
        }

        public long connectionId() {
            return connectionId;
        }

        /** The client speaks HTTP/2 on this connection: the server reads it at once, streams are told by {@link #streamOpened}. */
        public boolean http2() {
            return http2;
        }

        /** HTTP/2: which stream carries which exchange (the server may read the stream's frames before this arrives). */
        public void streamOpened(long exchangeId, int streamId) {
            toServer(() -> server.streamOpened(exchangeId, streamId));
        }

        public InetSocketAddress clientAddress() {
            return clientAddress;
        }

        public void attachServer(ServerSide side) {
            List<Runnable> backlog;
            synchronized (this) {
                server = side;
                backlog = new ArrayList<>(toServer);
                toServer.clear();
            }
            backlog.forEach(Runnable::run);
        }

        public void attachClient(ClientSide side) {
            List<Runnable> backlog;
            synchronized (this) {
                client = side;
                backlog = new ArrayList<>(toClient);
                toClient.clear();
            }
            backlog.forEach(Runnable::run);
        }

        /** The client has handed the first bytes of this exchange's request to its kernel. */
        public void requestSent(long exchangeId) {
            toServer(() -> server.requestSent(exchangeId));
        }

        /** The client has closed (or reset) its socket. */
        public void clientClosed() {
            synchronized (this) {
                if (clientClosed) return;
                clientClosed = true;
            }
            toServer(() -> server.clientClosed());
        }

        /** The server has handed the first bytes of this exchange's response to its kernel. */
        public void responseSent(long exchangeId) {
            toClient(() -> client.responseSent(exchangeId));
        }

        /** The server's side of the TLS handshake is done. */
        public void serverHandshakeDone() {
            toClient(() -> client.serverHandshakeDone());
        }

        private void toClient(Runnable message) {
            synchronized (this) {
                if (client == null) {
                    toClient.add(message);
                    return;
                }
            }
            message.run();
        }

        private void toServer(Runnable message) {
            synchronized (this) {
                if (server == null) {
                    toServer.add(message);
                    return;
                }
            }
            message.run();
        }
    }
}
