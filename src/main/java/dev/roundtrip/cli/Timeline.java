package dev.roundtrip.cli;

import dev.roundtrip.text.Printable;
import dev.roundtrip.text.Texts;
import dev.roundtrip.text.Units;
import dev.roundtrip.trace.BufferReadout;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.MemoryReadout;
import dev.roundtrip.trace.MissingReadoutWords;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.SqlReadout;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Prints an exchange as a readable timeline: one line per fact, readouts indented under it, then a
 * stage summary. Every line is escaped ({@link Printable}): targets, header values, reasons and
 * details may hold what a client or a file sent.
 */
final class Timeline {
    private static final Texts.Bundle T = CliTexts.T;

    private Timeline() {}

    static void print(Exchange x, PrintWriter out) {
        String status = x.response().map(r -> r.status() + " " + r.reason()).orElse(T.get("timeline.noResponse"));
        line(out, T.get("timeline.exchange", String.valueOf(x.id()), String.valueOf(x.connectionId()),
                x.request().summary(dev.roundtrip.text.Texts.locale()), status, x.outcome().wireName(), Units.duration(x.durationNanos())));
        out.printf(Locale.ROOT, "%10s  %-9s %-8s %-13s %s%n", "t", T.get("timeline.column.stage"), T.get("timeline.column.phase"),
                T.get("timeline.column.actor"), T.get("timeline.column.what"));
        List<StageEvent> byTime = new java.util.ArrayList<>(x.events());
        byTime.sort(java.util.Comparator.comparingLong(StageEvent::tNanos)); // threads publish a little out of time order
        for (StageEvent e : byTime) printEvent(x, e, out);
        for (GateEvent g : x.gateEvents()) {
            line(out, String.format(Locale.ROOT, "%10s  %s", Units.duration(g.tNanos() - x.startedNanos()),
                    T.get("timeline.gate", g.kind().name().toLowerCase(Locale.ROOT), g.stage().wireName())
                            + (g.kernel() == null ? "" : ": " + kernel(g.kernel()))));
        }
        out.println();
        out.println(T.get("timeline.stages"));
        for (Stage s : Stage.values()) {
            // connect and handshake only where this exchange opened its connection (and that one is TLS)
            if (s.opensConnection() && x.events().stream().noneMatch(e -> e.stage() == s)) continue;
            line(out, "  " + summary(x.events(), s));
        }
        x.end().ifPresent(end -> line(out, T.get("timeline.outcome", end.outcome().wireName(), end.detail(dev.roundtrip.text.Texts.locale()))));
        out.flush();
    }

    static void printEvent(Exchange x, StageEvent e, PrintWriter out) {
        line(out, String.format(Locale.ROOT, "%10s  %-9s %-8s %-13s %s", Units.duration(e.tNanos() - x.startedNanos()), e.stage().wireName(),
                e.phase().wireName(), e.actor().wireName(), e.detailInUse()));
        readouts(e, out, "            ");
    }

    static void readouts(StageEvent e, PrintWriter out, String indent) {
        if (e.bytes() != null) readout(out, indent, "bytes", e.bytes().count() + ": " + preview(e.bytes().data()));
        if (e.buffer() != null) readout(out, indent, "buffer", buffer(e.buffer()));
        if (e.kernel() != null) readout(out, indent, "kernel", kernel(e.kernel()));
        if (e.memory() != null) readout(out, indent, "memory", memory(e.memory()));
        if (e.sql() != null) readout(out, indent, "sql", sql(e.sql()));
    }

    /** A readout's line under its event: its name in the user's language, padded so the figures line up. */
    private static void readout(PrintWriter out, String indent, String name, String text) {
        line(out, indent + String.format(Locale.ROOT, "%-9s", T.get("timeline.readout." + name)) + text);
    }

    /** One line of output, escaped: nothing in it reaches the terminal as a control character. */
    static void line(PrintWriter out, String text) {
        out.println(Printable.escape(text));
    }

    static String summary(List<StageEvent> events, Stage s) {
        Long begin = null;
        Long end = null;
        Phase last = null;
        long bytes = 0;
        int ios = 0;
        int sql = 0;
        long plain = 0;
        long database = 0;
        for (StageEvent e : events) {
            if (e.stage() != s) continue;
            if (e.phase() == Phase.BEGIN && begin == null) begin = e.tNanos();
            if (e.phase() == Phase.END || e.phase() == Phase.ERROR) {
                end = e.tNanos();
                last = e.phase();
            }
            // both sides see the handshake's bytes: the client's reads and writes count each byte once
            if (e.bytes() != null && e.database() != null) {
                database += e.bytes().count(); // the database socket's, not the HTTP connection's
            } else if (e.bytes() != null && (s != Stage.HANDSHAKE || e.actor() == dev.roundtrip.trace.Actor.CLIENT)) {
                bytes += e.bytes().count();
                ios++;
            }
            if (e.plain() != null) plain += e.plain().count();
            if (e.sql() != null) sql++;
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-9s ", s.wireName()));
        if (begin == null) return b.append(T.get(last == Phase.ERROR ? "timeline.errorBeforeBegin" : "timeline.didNotHappen")).toString();
        b.append(end == null ? T.get("timeline.unfinished") : String.format(Locale.ROOT, "%9s", Units.duration(end - begin)));
        String io = s == Stage.HANDSHAKE ? "timeline.io.both" : s == Stage.SEND || s == Stage.RESPOND ? "timeline.io.writes" : "timeline.io.reads";
        if (ios > 0) b.append("  ").append(T.get(io, String.valueOf(bytes), ios));
        if (plain > 0) b.append(T.get("timeline.plaintext", String.valueOf(plain)));
        if (sql > 0) b.append("  ").append(T.get("timeline.sqlStatements", sql));
        if (database > 0) b.append(T.get("timeline.databaseBytes", String.valueOf(database)));
        if (last == Phase.ERROR) b.append("  ").append(T.get("timeline.endedWithError"));
        return b.toString();
    }

    static String kernel(KernelReadout k) {
        String bufs = "SO_RCVBUF " + orNa(k.rcvBuf()) + ", SO_SNDBUF " + orNa(k.sndBuf());
        if (!k.queuesAvailable()) return T.get("timeline.kernel.unavailable", reason(k.unavailable()), bufs);
        return T.get("timeline.kernel.queues", String.valueOf(k.rxQueue()), String.valueOf(k.txQueue()), bufs);
    }

    static String buffer(BufferReadout b) {
        return T.get("timeline.buffer", String.valueOf(b.capacity()), String.valueOf(b.readerIndex()), String.valueOf(b.writerIndex()));
    }

    static String memory(MemoryReadout m) {
        return T.get("timeline.memory", Units.bytes(m.heapUsed()), allocation(m), Units.bytes(m.directUsed()));
    }

    /** The program's figure, what measuring cost apart, and why a figure is missing or may be cold. */
    static String allocation(MemoryReadout m) {
        if (m.allocatedBytes() == null) return T.get("replay.na") + (m.unavailable() == null ? "" : " (" + reason(m.unavailable()) + ")");
        return T.get("timeline.allocated.program", Units.bytes(m.allocatedBytes()))
                + (m.instrumentAllocatedBytes() == null ? "" : T.get("timeline.allocated.instrument", Units.bytes(m.instrumentAllocatedBytes())))
                + (m.cold() ? T.get("timeline.allocated.cold") : "");
    }

    /** Why a readout is missing, in the user's language where the engine's words are known. */
    static String reason(String unavailable) {
        return unavailable == null ? "" : MissingReadoutWords.reason(unavailable).inUse();
    }

    private static String orNa(Object figure) {
        return figure == null ? T.get("replay.na") : String.valueOf(figure);
    }

    static String sql(SqlReadout s) {
        return T.get("timeline.sql", s.statement(), s.rows(), Units.duration(s.nanos()));
    }

    /** The bytes as text, control characters shown as escapes, long data cut. */
    static String preview(byte[] data) {
        StringBuilder b = new StringBuilder("\"");
        int n = Math.min(data.length, 120);
        for (int i = 0; i < n; i++) {
            int c = data[i] & 0xff;
            if (c == '\r') b.append("\\r");
            else if (c == '\n') b.append("\\n");
            else if (c == '"' || c == '\\') b.append('\\').append((char) c);
            else if (c < 0x20 || c > 0x7e) b.append(String.format(Locale.ROOT, "\\x%02x", c));
            else b.append((char) c);
        }
        b.append('"');
        if (data.length > n) b.append(" ...");
        return b.toString();
    }
}
