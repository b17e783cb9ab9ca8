package dev.roundtrip.lesson;

import dev.roundtrip.trace.Stage;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every readout a checkpoint may name, with what it measures. "The latest exchange" is the last
 * one the lesson sent. The validator refuses any other name; {@link Readouts} computes each one
 * from the recording (or the queue and 40 ms experiments), never from a fixed figure.
 */
public final class ReadoutCatalog {
    /** Whether a readout is a number (numeric checkpoints) or a word (multiple choice). */
    public enum Kind { NUMBER, TEXT }

    public record Entry(String name, Kind kind, String description) {}

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        num("response.status", "status code of the latest exchange's response (200, 404, ...)");
        num("response.bodyBytes", "length of the latest response's body, bytes");
        text("exchange.outcome", "how the latest exchange ended: completed, timeout, cancelled, failed or pending");
        text("respond.result", "what became of the server's response to the latest exchange: written (handed to the kernel), failed (the connection was gone) or none (not answered yet)");
        num("exchange.ms", "duration of the latest exchange from its first to its last fact, ms");
        text("exchange.longestStage", "the stage of the latest exchange that took longest, begin to end: " + stageNames());
        text("connection.reused", "whether the latest exchange opened its connection (new: it has a connect stage) or was sent on one an earlier exchange opened and kept alive (reused)");
        num("connection.exchangeOnIt", "which exchange on its connection the latest one was: 1 for the one that opened it, 2 for the next, ...");
        num("stage.connect.ms", "duration of the connect stage: connect() called until the connection was established, ms (not measured on a reused connection)");
        num("stage.handshake.ms", "duration of the TLS handshake stage: ClientHello written until the client's side was done, ms (not measured on cleartext or a reused connection)");
        num("stage.handshake.bytes", "bytes of the TLS handshake on the wire, both directions: what the client wrote plus what it read");
        num("stage.handshake.records", "TLS records of the handshake on the wire, both directions");
        text("tls.protocol", "the TLS version the handshake agreed on, as Java names it: TLSv1.3 or TLSv1.2");
        text("tls.cipherSuite", "the cipher suite the handshake agreed on, such as TLS_AES_128_GCM_SHA256");
        num("tls.roundTrips", "round trips the client's handshake waited for: 1 on TLS 1.3, 2 on TLS 1.2");
        num("tcp.rttMicros", "the kernel's smoothed round-trip time of the client's connection when it was established (TCP_INFO), µs");
        num("tcp.mss", "maximum segment size the client's side sends on its connection (TCP_INFO), bytes");
        num("tcp.congestionWindow", "congestion window of the client's connection when it was established (TCP_INFO), segments");
        num("send.plain.bytes", "bytes of the request the client program wrote, before encryption (on cleartext: the same as stage.send.bytes)");
        num("respond.plain.bytes", "bytes of the response the server program wrote, before encryption (on cleartext: the same as stage.respond.bytes)");
        num("send.tls.records", "TLS records that carried the request on the wire, counted from their 5-byte headers");
        num("send.tls.addedBytes", "bytes TLS added to the request: stage.send.bytes minus send.plain.bytes");
        num("send.tls.addedPerRecord", "send.tls.addedBytes divided by send.tls.records: header, content type and authentication tag of one record");
        for (Stage s : Stage.values()) {
            if (s.opensConnection()) continue; // they have the readouts above
            String n = s.wireName();
            if (s != Stage.PROCESS) {
                num("stage." + n + ".bytes", "bytes that crossed the socket during " + n + " (sum over every read or write)");
                String io = (s == Stage.SEND || s == Stage.RESPOND) ? "writes" : "reads";
                num("stage." + n + "." + io, "number of socket " + io + " during " + n);
            }
            num("stage." + n + ".ms", "duration of the " + n + " stage (begin to end), ms");
            num("stage." + n + ".allocatedBytes", "bytes the program allocated on the " + n + " stage's thread during the stage (the instrumentation's own left out)");
            num("stage." + n + ".instrumentAllocatedBytes", "bytes the instrumentation allocated on that thread during " + n + " to measure it (copies of the bytes, events)");
        }
        num("process.sql.count", "SQL statements run by the latest exchange's process stage");
        num("process.sql.rows", "rows returned by those statements, summed");
        num("process.sql.ms", "time spent in those statements, summed, ms");
        num("process.database.connects", "database connections the pool opened for those statements (TCP connect and H2 session each)");
        num("process.database.reused", "those statements that ran on a database connection open already");
        num("process.database.bytes", "bytes that crossed the database socket during them, both ways");
        num("kernel.server.rxQueue", "bytes waiting in the server socket's receive queue while the latest exchange is held before parse (latest probe)");
        num("kernel.client.rxQueue", "bytes waiting in the client socket's receive queue while the latest exchange is held before interpret (latest probe)");
        num("kernel.server.txQueueMax", "largest server send queue (bytes written, not yet acknowledged) seen while responding");
        num("kernel.server.sndBuf", "SO_SNDBUF of the server's socket, bytes");
        num("kernel.server.rcvBuf", "SO_RCVBUF of the server's socket, bytes");
        num("kernel.client.sndBuf", "SO_SNDBUF of the client's socket, bytes");
        num("kernel.client.rcvBuf", "SO_RCVBUF of the client's socket, bytes");
        num("memory.heapUsed", "heap in use at the latest exchange's last memory readout, bytes");
        num("memory.directUsed", "direct (off-heap) buffer memory in use at that moment, bytes");
        num("lesson.exchanges", "exchanges this lesson has sent so far");
        num("lesson.connections", "distinct TCP connections those exchanges used");
        num("lesson.serverThreads", "distinct server threads that parsed those exchanges' requests");
        num("lesson.processThreads", "distinct server threads that ran those exchanges' handlers (the process stage)");
        num("lesson.maxInProcess", "most of those exchanges inside the process stage at the same moment");
        num("lesson.wireBytes", "bytes of every request and response this lesson sent, summed");
        num("lesson.errors", "exchanges of this lesson answered 4xx/5xx or ended without a response");
        num("request.headerBytes", "bytes the latest request's headers took on the wire: on HTTP/1.1 the request line and headers up to the blank line, on HTTP/2 the HPACK-encoded block of its HEADERS frame");
        num("request.headersAsText", "bytes the latest request's headers would take written as HTTP/1.1 text lines (\"name: value\\r\\n\"; on HTTP/2 the headers HPACK decoded, pseudo-headers included)");
        num("request.firstHeaderBytes", "request.headerBytes of the first request on the latest exchange's connection (on HTTP/2: before HPACK's table held anything)");
        for (String p : new String[] {"h1", "h2"}) {
            String of = "of the latest send action over " + (p.equals("h1") ? "HTTP/1.1" : "HTTP/2") + " (all its count requests)";
            num(p + ".connections", "distinct TCP connections the requests " + of + " used");
            num(p + ".connects", "connections the requests " + of + " opened: connect stages, each a TCP handshake");
            num(p + ".headerBytes", "request.headerBytes summed over the requests " + of);
            num(p + ".ms", "time from the first request " + of + " beginning to the last one ending, ms");
            num(p + ".completed", "requests " + of + " that completed (a response read)");
            num(p + ".overtook", "requests " + of + " that ended while a request sent before them on their connection was still open");
        }
        text("exchange.rstStream", "the error code of the RST_STREAM frame on the latest exchange's stream (CANCEL when the client left it), or none");
        num("h2.speedup", "h1.ms divided by h2.ms: how many times as long the HTTP/1.1 send action took as the HTTP/2 one (above 1: HTTP/2 was faster)");
        num("response.updates", "updates in the latest response, an answer of /poll ({\"cursor\":C,\"updates\":[...]})");
        num("stream.messages", "updates the latest long-lived exchange brought the client: SSE events, or WebSocket text and binary frames from the server");
        num("stream.bytesRead", "bytes the client read from its socket for the latest long-lived exchange: the response head and every message after it");
        num("realtime.updates", "updates each way delivered in the latest real-time comparison");
        for (String w : LiveReadouts.WAYS) {
            String way = w.equals("longPolling") ? "long polling" : w.equals("sse") ? "Server-Sent Events" : w.equals("websocket") ? "the WebSocket" : w;
            num("realtime." + w + ".requests", "HTTP requests " + way + " made in the latest real-time comparison (a WebSocket's upgrade is one)");
            num("realtime." + w + ".bytes", "bytes that crossed the client's socket for " + way + ", both ways");
            num("realtime." + w + ".delayMs", "median delay of " + way + " from an update's creation to the client having it, ms");
        }
        text("realtime.mostRequests", "the way that made the most requests: polling, long-polling, sse or websocket");
        text("realtime.mostBytes", "the way that put the most bytes on the wire: polling, long-polling, sse or websocket");
        text("realtime.longestDelay", "the way with the longest median delay: polling, long-polling, sse or websocket");
        num("queue.jobs", "jobs the consumers finished in the latest queue run");
        num("queue.consumersUsed", "consumer threads that did at least one job");
        num("queue.maxDepth", "most jobs waiting in the queue at once");
        num("queue.maxWaitMs", "longest time a job waited in the queue before a consumer took it, ms");
        num("queue.totalMs", "time from the first job produced to the last one done, ms");
        num("nagle.nodelayOff.ms", "median round trip with TCP_NODELAY off (Nagle on), ms");
        num("nagle.nodelayOn.ms", "median round trip with TCP_NODELAY on (Nagle off), ms");
        num("nagle.savedMs", "nagle.nodelayOff.ms minus nagle.nodelayOn.ms");
        text("nagle.slower", "which run was slower: nodelay-off or nodelay-on");
    }

    private ReadoutCatalog() {}

    private static String stageNames() {
        java.util.List<String> n = new java.util.ArrayList<>();
        for (Stage s : Stage.gated()) n.add(s.wireName());
        return String.join(", ", n.subList(0, n.size() - 1)) + " or " + n.get(n.size() - 1);
    }

    private static void num(String name, String description) {
        ENTRIES.put(name, new Entry(name, Kind.NUMBER, description));
    }

    private static void text(String name, String description) {
        ENTRIES.put(name, new Entry(name, Kind.TEXT, description));
    }

    public static Optional<Entry> find(String name) {
        return Optional.ofNullable(ENTRIES.get(name));
    }

    public static Collection<Entry> all() {
        return Collections.unmodifiableCollection(ENTRIES.values());
    }
}
