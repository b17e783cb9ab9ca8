package dev.roundtrip.trace;

import java.util.Locale;

/**
 * The server an exchange went to, when it is known not to be this process's own server on
 * loopback: for an imported HAR, the URL's host (with its port when given) and the HAR's
 * {@code serverIPAddress}. A live exchange of the lab has none (it went over loopback).
 *
 * @param host host name or address as the URL wrote it, e.g. {@code example.com:8443}; "" when unknown
 * @param address the server's IP address, e.g. {@code 93.184.216.34}; "" when unknown
 */
public record Peer(String host, String address) {
    public Peer {
        host = host == null ? "" : host;
        address = address == null ? "" : address;
    }

    /** "example.com (93.184.216.34)", "example.com", "93.184.216.34", or "an unknown server". */
    public String describe() {
        if (host.isEmpty() && address.isEmpty()) return "an unknown server";
        if (address.isEmpty() || address.equals(host) || stripPort(host).equals(address)) return host.isEmpty() ? address : host;
        return host.isEmpty() ? address : host + " (" + address + ")";
    }

    /** True when the address (or, without one, the host) is a loopback one: 127.x.x.x, ::1, localhost. */
    public boolean isLoopback() {
        String a = (address.isEmpty() ? stripPort(host) : address).toLowerCase(Locale.ROOT);
        if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);
        return a.startsWith("127.") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1") || a.equals("localhost")
                || a.endsWith(".localhost");
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : host;
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 && host.indexOf(':') == colon ? host.substring(0, colon) : host;
    }
}
