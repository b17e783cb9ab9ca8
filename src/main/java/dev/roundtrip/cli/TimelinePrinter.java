package dev.roundtrip.cli;

import dev.roundtrip.text.Printable;
import dev.roundtrip.text.Texts;
import dev.roundtrip.text.Units;
import dev.roundtrip.record.Recording;
import dev.roundtrip.record.SequenceScript;
import dev.roundtrip.record.StageTimes;
import dev.roundtrip.trace.BufferReadout;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.MemoryReadout;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Prints a recording as a readable timeline, one line per fact, times relative to the start of
 * each exchange, then a summary line of stage durations and bytes. Readouts a recording does not
 * have are printed as "n/a", never as zero. Shared by {@code replay} and (later) {@code trace}.
 * Every line is escaped ({@link Printable}): a recording or a HAR file holds what clients sent and
 * what the file's author wrote, and none of it reaches the terminal as a control character.
 */
public final class TimelinePrinter {
    private static final Texts.Bundle T = CliTexts.T;
    private final PrintWriter out;

    public TimelinePrinter(PrintWriter out) {
        this.out = out;
    }

    public void print(Recording recording) {
        line(T.get("replay.recording", recording.startedAt().toString(), CliSupport.exchanges(recording.exchanges().size()),
                String.valueOf(recording.eventCount()))
                + (recording.dropped() > 0 ? T.get("replay.dropped", String.valueOf(recording.dropped())) : ""));
        for (Exchange x : recording.exchanges()) {
            out.println();
            print(x);
        }
        out.flush();
    }

    public void print(Exchange x) {
        line(T.get("replay.exchange", SequenceScript.summary(x), String.valueOf(x.connectionId()), x.outcome().wireName()));
        List<Line> lines = new ArrayList<>();
        int i = 0;
        for (StageEvent e : x.events()) lines.add(new Line(e.tNanos(), i++, event(e)));
        for (GateEvent g : x.gateEvents()) lines.add(new Line(g.tNanos(), i++, gate(g)));
        x.end().ifPresent(end -> lines.add(new Line(end.tNanos(), Integer.MAX_VALUE,
                "end        " + end.outcome().wireName() + (end.detail() == null || end.detail().isEmpty() ? "" : ": " + end.detail()))));
        lines.sort(Comparator.comparingLong(Line::t).thenComparingInt(Line::order));
        for (Line l : lines) {
            line(String.format(Locale.ROOT, "  %12s  %s", "+" + Units.duration(l.t() - x.startedNanos()), l.text()));
        }
        line("  " + T.get("replay.stages", stages(x)));
        out.flush();
    }

    private void line(String text) {
        out.println(Printable.escape(text));
    }

    private record Line(long t, int order, String text) {}

    private static String event(StageEvent e) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-10s %-8s %-13s", e.stage().wireName(), e.phase().wireName(), e.actor().wireName()));
        String detail = e.detailInUse();
        if (detail != null && !detail.isEmpty()) sb.append(' ').append(detail);
        if (e.bytes() != null) {
            sb.append(" | ").append(T.get("replay.bytes", String.valueOf(e.bytes().count())));
            if (e.bytes().truncated()) sb.append(T.get("replay.kept", String.valueOf(e.bytes().keptLength())));
        }
        BufferReadout b = e.buffer();
        if (b != null) sb.append(" | ").append(T.get("replay.buffer", String.valueOf(b.capacity()), String.valueOf(b.readerIndex()), String.valueOf(b.writerIndex())));
        if (e.kernel() != null) sb.append(" | ").append(kernel(e.kernel()));
        MemoryReadout m = e.memory();
        if (m != null) {
            sb.append(" | ").append(T.get("replay.memory", Units.bytes(m.heapUsed()), Timeline.allocation(m), Units.bytes(m.directUsed())));
        }
        if (e.sql() != null) {
            sb.append(" | ").append(T.get("replay.sql", e.sql().rows(), Units.duration(e.sql().nanos()), e.sql().statement()));
        }
        return sb.toString().stripTrailing();
    }

    private static String gate(GateEvent g) {
        String s = String.format(Locale.ROOT, "%-10s %-8s %s", "gate", g.kind().name().toLowerCase(Locale.ROOT), T.get("replay.before", g.stage().wireName()));
        return g.kernel() == null ? s : s + " | " + kernel(g.kernel());
    }

    private static String kernel(KernelReadout k) {
        String s = T.get("replay.kernel", orNa(k.rxQueue()), orNa(k.txQueue()), orNa(k.rcvBuf()), orNa(k.sndBuf()));
        return k.unavailable() == null ? s : s + " (" + Timeline.reason(k.unavailable()) + ")";
    }

    private static String orNa(Object figure) {
        return figure == null ? T.get("replay.na") : String.valueOf(figure);
    }

    private static String stages(Exchange x) {
        StageTimes t = StageTimes.of(x);
        List<String> parts = new ArrayList<>();
        for (Stage s : Stage.values()) {
            StageTimes.Span span = t.get(s).orElse(null);
            if (span == null && s.opensConnection()) continue; // a reused connection, or a cleartext one
            if (span == null) {
                parts.add(s.wireName() + " -");
                continue;
            }
            String d = span.durationNanos().map(Units::duration).orElse(T.get("replay.didNotEnd"));
            parts.add(s.wireName() + " " + d + (span.failed() ? " ERROR" : "") + (span.bytes() > 0 ? " " + T.get("replay.stageBytes", String.valueOf(span.bytes())) : ""));
        }
        return String.join(" | ", parts);
    }
}
