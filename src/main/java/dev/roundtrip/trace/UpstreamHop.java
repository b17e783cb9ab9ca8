package dev.roundtrip.trace;

/**
 * The hop from the capture proxy to the foreign server, for one captured exchange. Its request is the
 * one forwarded (hop-by-hop headers removed, {@code Via} added), its response the one the foreign
 * server sent (null until it has been read, or when none came); bodies are kept only up to the
 * recording's cap, as on the client's hop.
 *
 * @param connectionId the proxy's connection to the foreign server
 * @param server where it was sent: the address the proxy connected to
 */
public record UpstreamHop(long connectionId, Peer server, RequestInfo request, ResponseInfo response) {
    public UpstreamHop withResponse(ResponseInfo r) {
        return new UpstreamHop(connectionId, server, request, r);
    }
}
