package dev.roundtrip.lesson;

import dev.roundtrip.trace.Phrase;
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

    /** A readout: its name as lessons write it, its kind, and what it measures (put into words when read, in the reader's language). */
    public record Entry(String name, Kind kind, Phrase description) {}

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        num("response.status", "responseStatus");
        num("response.bodyBytes", "responseBodyBytes");
        text("exchange.outcome", "exchangeOutcome");
        text("respond.result", "respondResult");
        num("exchange.ms", "exchangeMs");
        text("exchange.longestStage", "exchangeLongestStage", stageNames());
        text("connection.reused", "connectionReused");
        num("connection.exchangeOnIt", "connectionExchangeOnIt");
        num("stage.connect.ms", "stageConnectMs");
        num("stage.handshake.ms", "stageHandshakeMs");
        num("stage.handshake.bytes", "stageHandshakeBytes");
        num("stage.handshake.records", "stageHandshakeRecords");
        text("tls.protocol", "tlsProtocol");
        text("tls.cipherSuite", "tlsCipherSuite");
        num("tls.roundTrips", "tlsRoundTrips");
        num("tcp.rttMicros", "tcpRttMicros");
        num("tcp.mss", "tcpMss");
        num("tcp.congestionWindow", "tcpCongestionWindow");
        num("send.plain.bytes", "sendPlainBytes");
        num("respond.plain.bytes", "respondPlainBytes");
        num("send.tls.records", "sendTlsRecords");
        num("send.tls.addedBytes", "sendTlsAddedBytes");
        num("send.tls.addedPerRecord", "sendTlsAddedPerRecord");
        for (Stage s : Stage.values()) {
            if (s.opensConnection()) continue; // they have the readouts above
            String n = s.wireName();
            if (s != Stage.PROCESS) {
                num("stage." + n + ".bytes", "stageBytes", n);
                boolean writes = s == Stage.SEND || s == Stage.RESPOND;
                num("stage." + n + "." + (writes ? "writes" : "reads"), writes ? "stageWrites" : "stageReads", n);
            }
            num("stage." + n + ".ms", "stageMs", n);
            num("stage." + n + ".allocatedBytes", "stageAllocatedBytes", n);
            num("stage." + n + ".instrumentAllocatedBytes", "stageInstrumentAllocatedBytes", n);
        }
        num("process.sql.count", "processSqlCount");
        num("process.sql.rows", "processSqlRows");
        num("process.sql.ms", "processSqlMs");
        num("process.database.connects", "processDatabaseConnects");
        num("process.database.reused", "processDatabaseReused");
        num("process.database.bytes", "processDatabaseBytes");
        num("kernel.server.rxQueue", "kernelServerRxQueue");
        num("kernel.client.rxQueue", "kernelClientRxQueue");
        num("kernel.server.txQueueMax", "kernelServerTxQueueMax");
        num("kernel.server.sndBuf", "kernelServerSndBuf");
        num("kernel.server.rcvBuf", "kernelServerRcvBuf");
        num("kernel.client.sndBuf", "kernelClientSndBuf");
        num("kernel.client.rcvBuf", "kernelClientRcvBuf");
        num("memory.heapUsed", "memoryHeapUsed");
        num("memory.directUsed", "memoryDirectUsed");
        num("lesson.exchanges", "lessonExchanges");
        num("lesson.connections", "lessonConnections");
        num("lesson.serverThreads", "lessonServerThreads");
        num("lesson.processThreads", "lessonProcessThreads");
        num("lesson.maxInProcess", "lessonMaxInProcess");
        num("lesson.wireBytes", "lessonWireBytes");
        num("lesson.errors", "lessonErrors");
        num("request.headerBytes", "requestHeaderBytes");
        num("request.headersAsText", "requestHeadersAsText");
        num("request.firstHeaderBytes", "requestFirstHeaderBytes");
        for (String p : new String[] {"h1", "h2"}) {
            Phrase of = measures("ofSendAction", p.equals("h1") ? "HTTP/1.1" : "HTTP/2");
            num(p + ".connections", "hConnections", of);
            num(p + ".connects", "hConnects", of);
            num(p + ".headerBytes", "hHeaderBytes", of);
            num(p + ".ms", "hMs", of);
            num(p + ".completed", "hCompleted", of);
            num(p + ".overtook", "hOvertook", of);
        }
        text("exchange.rstStream", "exchangeRstStream");
        num("h2.speedup", "h2Speedup");
        num("response.updates", "responseUpdates", "{\"cursor\":C,\"updates\":[...]}");
        num("stream.messages", "streamMessages");
        num("stream.bytesRead", "streamBytesRead");
        num("realtime.updates", "realtimeUpdates");
        for (String w : LiveReadouts.WAYS) {
            Phrase way = measures("way" + Character.toUpperCase(w.charAt(0)) + w.substring(1));
            num("realtime." + w + ".requests", "realtimeRequests", way);
            num("realtime." + w + ".bytes", "realtimeBytes", way);
            num("realtime." + w + ".delayMs", "realtimeDelayMs", way);
        }
        text("realtime.mostRequests", "realtimeMostRequests");
        text("realtime.mostBytes", "realtimeMostBytes");
        text("realtime.longestDelay", "realtimeLongestDelay");
        num("queue.jobs", "queueJobs");
        num("queue.consumersUsed", "queueConsumersUsed");
        num("queue.maxDepth", "queueMaxDepth");
        num("queue.maxWaitMs", "queueMaxWaitMs");
        num("queue.totalMs", "queueTotalMs");
        num("nagle.nodelayOff.ms", "nagleOffMs");
        num("nagle.nodelayOn.ms", "nagleOnMs");
        num("nagle.savedMs", "nagleSavedMs");
        text("nagle.slower", "nagleSlower");
    }

    private ReadoutCatalog() {}

    private static Phrase stageNames() {
        java.util.List<String> n = new java.util.ArrayList<>();
        for (Stage s : Stage.gated()) n.add(s.wireName());
        return measures("orLast", String.join(", ", n.subList(0, n.size() - 1)), n.get(n.size() - 1));
    }

    /** A description's key in the lesson bundle ({@code lesson.measures.*}); names and stage names inside it stay as they are. */
    private static Phrase measures(String key, Object... args) {
        return Phrase.of("lesson.measures." + key, args);
    }

    private static void num(String name, String key, Object... args) {
        ENTRIES.put(name, new Entry(name, Kind.NUMBER, measures(key, args)));
    }

    private static void text(String name, String key, Object... args) {
        ENTRIES.put(name, new Entry(name, Kind.TEXT, measures(key, args)));
    }

    public static Optional<Entry> find(String name) {
        return Optional.ofNullable(ENTRIES.get(name));
    }

    public static Collection<Entry> all() {
        return Collections.unmodifiableCollection(ENTRIES.values());
    }
}
