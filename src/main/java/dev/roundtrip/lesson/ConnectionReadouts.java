package dev.roundtrip.lesson;

import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.TcpReadout;
import dev.roundtrip.trace.TlsReadout;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The readouts of what opening a connection and encrypting it cost one exchange: the connect and
 * handshake stages, the kernel's TCP_INFO, what TLS agreed on, plaintext beside ciphertext, and
 * whether the connection was new or reused. Each comes from the exchange's recorded events; one that
 * the exchange does not have (a reused connection has no connect stage, cleartext no handshake) is
 * "not available" with that reason.
 */
final class ConnectionReadouts {
    private final Recording recording;

    ConnectionReadouts(Recording recording) {
        this.recording = recording;
    }

    /** Whether {@code name} is one of these readouts. */
    static boolean covers(String name) {
        return name.startsWith("connection.") || name.startsWith("tls.") || name.startsWith("tcp.")
                || name.startsWith("stage.connect.") || name.startsWith("stage.handshake.")
                || name.startsWith("send.") || name.startsWith("respond.plain.");
    }

    ReadoutValue read(String name, Exchange x) {
        List<StageEvent> events = x.events();
        switch (name) {
            case "connection.reused": {
                if (has(events, Stage.CONNECT)) return ReadoutValue.text(name, "new");
                if (has(events, Stage.SEND)) return ReadoutValue.text(name, "reused");
                return ReadoutValue.unavailable(name, Phrase.of("lesson.why.sendNotBegun", id(x)));
            }
            case "connection.exchangeOnIt":
                return ReadoutValue.number(name, recording.exchanges().stream()
                        .filter(o -> o.connectionId() == x.connectionId() && o.startedNanos() <= x.startedNanos()).count());
            case "stage.connect.ms":
                return span(name, x, events, Stage.CONNECT);
            case "stage.handshake.ms":
                return span(name, x, events, Stage.HANDSHAKE);
            case "stage.handshake.bytes": {
                List<StageEvent> io = handshakeSide(events, e -> e.bytes() != null);
                if (io.isEmpty()) return ReadoutValue.unavailable(name, noHandshake(x, events));
                return ReadoutValue.number(name, io.stream().mapToLong(e -> e.bytes().count()).sum());
            }
            case "stage.handshake.records": {
                List<StageEvent> records = handshakeSide(events, e -> e.tlsRecord() != null);
                if (records.isEmpty()) return ReadoutValue.unavailable(name, noHandshake(x, events));
                return ReadoutValue.number(name, records.size());
            }
            case "tls.protocol": return tls(name, x, events, t -> t.protocol() == null ? null : ReadoutValue.text(name, t.protocol()));
            case "tls.cipherSuite": return tls(name, x, events, t -> t.cipherSuite() == null ? null : ReadoutValue.text(name, t.cipherSuite()));
            case "tls.roundTrips": return tls(name, x, events, t -> t.roundTrips() == null ? null : ReadoutValue.number(name, t.roundTrips()));
            case "tcp.rttMicros": return tcp(name, x, events, TcpReadout::rttMicros);
            case "tcp.mss": return tcp(name, x, events, TcpReadout::mss);
            case "tcp.congestionWindow": return tcp(name, x, events, TcpReadout::congestionWindow);
            case "send.plain.bytes": return plain(name, x, events, Stage.SEND);
            case "respond.plain.bytes": return plain(name, x, events, Stage.RESPOND);
            case "send.tls.records": return records(name, x, events);
            case "send.tls.addedBytes": return added(name, x, events);
            case "send.tls.addedPerRecord": {
                ReadoutValue added = added(name, x, events);
                if (!added.available()) return added;
                ReadoutValue records = records(name, x, events);
                if (!records.available()) return records;
                if (records.number() == 0) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.noRecordForRequest"));
                return ReadoutValue.number(name, added.number() / records.number());
            }
            default:
                throw new IllegalStateException("readout without a rule: " + name);
        }
    }

    private static boolean has(List<StageEvent> events, Stage stage) {
        return events.stream().anyMatch(e -> e.stage() == stage);
    }

    /** Encrypted: it has a handshake, or plaintext readouts beside the ciphertext (a reused TLS connection). */
    private static boolean tls(List<StageEvent> events) {
        return events.stream().anyMatch(e -> e.stage() == Stage.HANDSHAKE || e.plain() != null);
    }

    /** Begin to end of a stage that opens a connection, or why this exchange has none. */
    private static ReadoutValue span(String name, Exchange x, List<StageEvent> events, Stage stage) {
        List<StageEvent> of = events.stream().filter(e -> e.stage() == stage).toList();
        if (of.isEmpty()) {
            return ReadoutValue.unavailable(name, stage == Stage.HANDSHAKE ? noHandshake(x, events) : reusedWhy(x, events));
        }
        Optional<StageEvent> begin = of.stream().filter(e -> e.phase() == Phase.BEGIN).findFirst();
        // the client's end: its connect() completed, its side of the handshake done (the server's may come first)
        List<StageEvent> ends = of.stream().filter(e -> e.phase() == Phase.END || e.phase() == Phase.ERROR).toList();
        Optional<StageEvent> end = ends.stream().filter(e -> e.actor() == Actor.CLIENT).reduce((a, b) -> b)
                .or(() -> ends.stream().reduce((a, b) -> b));
        if (begin.isEmpty() || end.isEmpty()) {
            return ReadoutValue.unavailable(name, Readouts.unfinished(stage, begin.isEmpty()));
        }
        return ReadoutValue.number(name, (end.get().tNanos() - begin.get().tNanos()) / 1e6);
    }

    /** An exchange id as the texts show it: as written, never grouped ("1234", not "1,234"). */
    static String id(Exchange x) {
        return String.valueOf(x.id());
    }

    private static Phrase reusedWhy(Exchange x, List<StageEvent> events) {
        if (!has(events, Stage.SEND)) return Phrase.of("lesson.why.notBegun", id(x));
        return Phrase.of(tls(events) ? "lesson.why.reusedTls" : "lesson.why.reused", id(x), x.connectionId());
    }

    private static Phrase noHandshake(Exchange x, List<StageEvent> events) {
        if (!tls(events)) return Phrase.of("lesson.why.cleartextNoHandshake", id(x));
        return has(events, Stage.CONNECT) || !has(events, Stage.SEND) ? Phrase.of("lesson.why.handshakeNotSeen", id(x)) : reusedWhy(x, events);
    }

    /** The handshake events of the client (both directions of its socket); the server's for an outside client. */
    private static List<StageEvent> handshakeSide(List<StageEvent> events, java.util.function.Predicate<StageEvent> what) {
        List<StageEvent> hs = events.stream().filter(e -> e.stage() == Stage.HANDSHAKE && what.test(e)).toList();
        List<StageEvent> client = hs.stream().filter(e -> e.actor() == Actor.CLIENT).toList();
        return client.isEmpty() ? hs : client;
    }

    private static ReadoutValue tls(String name, Exchange x, List<StageEvent> events, Function<TlsReadout, ReadoutValue> field) {
        Optional<ReadoutValue> v = events.stream().filter(e -> e.stage() == Stage.HANDSHAKE && e.tls() != null)
                .sorted((a, b) -> Boolean.compare(a.actor() == Actor.CLIENT, b.actor() == Actor.CLIENT)) // the client's last
                .map(e -> field.apply(e.tls())).filter(r -> r != null).reduce((a, b) -> b);
        return v.orElseGet(() -> ReadoutValue.unavailable(name, noHandshake(x, events)));
    }

    private static ReadoutValue tcp(String name, Exchange x, List<StageEvent> events, Function<TcpReadout, Long> field) {
        List<TcpReadout> tcp = events.stream().filter(e -> e.stage() == Stage.CONNECT && e.actor() == Actor.CLIENT && e.tcp() != null)
                .map(StageEvent::tcp).toList();
        if (tcp.isEmpty()) {
            return ReadoutValue.unavailable(name, has(events, Stage.CONNECT) ? Phrase.of("lesson.why.noTcpInfo", id(x))
                    : reusedWhy(x, events));
        }
        TcpReadout t = tcp.get(tcp.size() - 1);
        Long v = field.apply(t);
        if (v == null) return ReadoutValue.unavailable(name, t.unavailable() == null ? Phrase.of("lesson.why.tcpInfoLacksField") : dev.roundtrip.trace.MissingReadoutWords.reason(t.unavailable()));
        return ReadoutValue.number(name, v);
    }

    /** What the program wrote: {@code plain} on TLS, the wire bytes themselves on cleartext. */
    private static ReadoutValue plain(String name, Exchange x, List<StageEvent> events, Stage stage) {
        List<StageEvent> of = events.stream().filter(e -> e.stage() == stage).toList();
        if (of.isEmpty()) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.noStageYet", id(x), stage.wireName()));
        boolean tls = tls(events);
        return ReadoutValue.number(name, of.stream().map(e -> tls ? e.plain() : e.bytes()).filter(b -> b != null)
                .mapToLong(BytesReadout::count).sum());
    }

    private static ReadoutValue added(String name, Exchange x, List<StageEvent> events) {
        if (!tls(events)) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.cleartextAddsNothing", id(x)));
        ReadoutValue plain = plain(name, x, events, Stage.SEND);
        if (!plain.available()) return plain;
        long wire = events.stream().filter(e -> e.stage() == Stage.SEND && e.bytes() != null).mapToLong(e -> e.bytes().count()).sum();
        return ReadoutValue.number(name, wire - plain.number());
    }

    /** Walks the 5-byte record headers through the request's ciphertext as the client wrote it. */
    private static ReadoutValue records(String name, Exchange x, List<StageEvent> events) {
        if (!tls(events)) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.cleartextNoRecords", id(x)));
        List<BytesReadout> writes = events.stream().filter(e -> e.stage() == Stage.SEND && e.bytes() != null).map(StageEvent::bytes).toList();
        if (writes.isEmpty()) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.noCiphertext", id(x)));
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        for (BytesReadout b : writes) {
            if (b.truncated()) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.writeCut", b.keptLength(), b.count()));
            wire.writeBytes(b.data());
        }
        byte[] w = wire.toByteArray();
        int i = 0;
        int records = 0;
        while (i + 5 <= w.length) {
            records++;
            i += 5 + (((w[i + 3] & 0xff) << 8) | (w[i + 4] & 0xff));
        }
        if (i != w.length) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.notOnRecordBoundary"));
        return ReadoutValue.number(name, records);
    }
}
