package dev.roundtrip.trace;

/**
 * What a finished TLS handshake agreed on.
 *
 * @param protocol "TLSv1.3", "TLSv1.2"
 * @param cipherSuite e.g. "TLS_AES_128_GCM_SHA256"
 * @param alpn the application protocol both agreed on ("http/1.1"), or null when none was negotiated
 * @param roundTrips how many times this side sent a flight and waited for the other's answer
 *     (counted by the client; null where not counted, as on the server)
 */
public record TlsReadout(String protocol, String cipherSuite, String alpn, Integer roundTrips) {}
