package dev.roundtrip.capture;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where captured requests go: a plain-http origin such as {@code http://127.0.0.1:5000}.
 *
 * @param host the host as the user wrote it (for messages and the upstream Host of a forward proxy)
 * @param address the resolved address the proxy connects to
 */
public record Target(String host, InetSocketAddress address) {

    /** "127.0.0.1:5000" */
    public String describe() {
        String a = address.getAddress().getHostAddress();
        return (a.contains(":") ? "[" + a + "]" : a) + ":" + address.getPort();
    }

    public boolean isLoopback() {
        return address.getAddress().isLoopbackAddress();
    }

    /** {@code http://HOST[:PORT][/]}: anything else is refused with a sentence that says what was expected. */
    public static Target parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("--to " + url + " is not a URL (" + e.getReason() + "); expected e.g. http://127.0.0.1:5000");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            throw new IllegalArgumentException("--to " + url + ": capture forwards plain http only (it does not open TLS to the server);"
                    + " run your server on http, e.g. http://127.0.0.1:5000");
        }
        if (!scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("--to " + url + " is not an http URL; expected e.g. http://127.0.0.1:5000");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("--to " + url + ": give the server's origin only (scheme, host, port), without a path;"
                    + " the client's own path is forwarded as it is");
        }
        return of(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
    }

    /** {@code host} resolved now: a name that does not resolve is refused here, not at the first request. */
    public static Target of(String host, int port) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return new Target(host, new InetSocketAddress(InetAddress.getByName(bare), port));
        } catch (UnknownHostException e) {
            throw new Unresolved(host);
        }
    }

    /** A host name the resolver does not know: for a proxy a gateway's failure (502), not a bad request. */
    public static final class Unresolved extends IllegalArgumentException {
        Unresolved(String host) {
            super("cannot resolve the host '" + host + "'");
        }
    }
}
