package dev.roundtrip.capture;

import dev.roundtrip.trace.Phrase;
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

    /** {@code http://HOST[:PORT][/]}: anything else is {@link Refused} with a sentence that says what was expected. */
    public static Target parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (java.net.URISyntaxException e) {
            throw new Refused(url, Phrase.of("capture.target.notUrl", String.valueOf(e.getReason())));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            throw new Refused(url, Phrase.of("capture.target.https"));
        }
        if (!scheme.equals("http") || uri.getHost() == null) {
            throw new Refused(url, Phrase.of("capture.target.notHttp"));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null) {
            throw new Refused(url, Phrase.of("capture.target.path"));
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

    /**
     * An address capture does not forward to, and why: {@link #getMessage()} in English (the proxy's
     * answers, logs), {@link #getLocalizedMessage()} in the language in use, {@link #reason()} without
     * the address for a message that names it itself.
     */
    public static class Refused extends IllegalArgumentException {
        private final transient Phrase reason;
        private final transient Phrase said;

        /** {@code url} (null when the reason names the address itself) and why it is refused. */
        public Refused(String url, Phrase reason) {
            this(reason, url == null ? reason : Phrase.of("capture.target.refused", url, reason));
        }

        private Refused(Phrase reason, Phrase said) {
            super(said.english());
            this.reason = reason;
            this.said = said;
        }

        public Phrase reason() {
            return reason;
        }

        @Override
        public String getLocalizedMessage() {
            return said.inUse();
        }
    }

    /** A host name the resolver does not know: for a proxy a gateway's failure (502), not a bad request. */
    public static final class Unresolved extends Refused {
        private final String host;

        Unresolved(String host) {
            super((String) null, Phrase.of("capture.target.unresolved", host));
            this.host = host;
        }

        /** The name as it was given. */
        public String host() {
            return host;
        }
    }
}
