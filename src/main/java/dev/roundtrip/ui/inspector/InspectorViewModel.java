package dev.roundtrip.ui.inspector;

import dev.roundtrip.text.Printable;
import dev.roundtrip.text.Units;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.BufferReadout;
import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.MemoryReadout;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.ui.diagram.DiagramScript;
import dev.roundtrip.ui.diagram.DiagramStep;
import dev.roundtrip.ui.playback.PlaybackViewModel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The readouts of the selected exchange at the animation's position: only facts measured up to
 * that moment are shown, so stepping back shows the buffers as they were.
 */
public final class InspectorViewModel {
    static final dev.roundtrip.text.Texts.Bundle T = dev.roundtrip.text.Texts.of("dev.roundtrip.ui.inspector.Texts");

    private final ObservableList<HexLine> requestHex = FXCollections.observableArrayList();
    private final ObservableList<HexLine> responseHex = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper bytesCaption = new ReadOnlyStringWrapper(T.get("bytes.none"));
    /** On TLS: show what the program wrote and read (plaintext) instead of what crossed the socket (ciphertext). */
    private final javafx.beans.property.BooleanProperty showPlain = new javafx.beans.property.SimpleBooleanProperty(false);
    private final javafx.beans.property.ReadOnlyBooleanWrapper overTls = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private Runnable reshow = () -> {};
    private int bytesPerLine = HexDump.PER_LINE;
    private final ReadOnlyObjectWrapper<BufferReadout> buffer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper bufferCaption = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<KernelReadout> kernel = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper kernelCaption = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<dev.roundtrip.trace.TcpReadout> tcp = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper tcpCaption = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MemoryReadout> memory = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper allocationCaption = new ReadOnlyStringWrapper("");
    private final ObservableList<StageAmount> allocatedByStage = FXCollections.observableArrayList();
    private final ObservableList<MemoryPoint> memoryHistory = FXCollections.observableArrayList();
    private final ObservableList<WaterfallRow> waterfall = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper totalNanos = new ReadOnlyLongWrapper(0);
    private final ObservableList<FrameRow> frames = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper framesCaption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper windowsCaption = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper http2 = new javafx.beans.property.ReadOnlyBooleanWrapper(false);

    /**
     * One HTTP/2 frame of the shown exchange: its header's fields as they crossed, and {@code text}, the
     * line the inspector shows ("client → server  HEADERS  stream 3  42 B  flags 0x5 END_STREAM END_HEADERS  …").
     */
    public record FrameRow(long tNanos, boolean fromClient, String type, int streamId, int length, int flags, String text) {}

    private long shownCutoff = Long.MIN_VALUE;
    private int shownStep = -2;

    /**
     * Shows {@code x} where the animation stands: inside a step, the readouts as they were at that
     * real moment; at the end, everything. Called every frame: does nothing while nothing moved.
     */
    public void follow(Exchange x, DiagramScript s, PlaybackViewModel playback) {
        int step = playback.currentStep();
        long cutoff = cutoff(s, step, playback);
        if (cutoff == shownCutoff && step == shownStep) return;
        shownCutoff = cutoff;
        shownStep = step;
        show(x, s, step, cutoff);
    }

    /** Another exchange or script is on screen: the next {@link #follow} shows it even if nothing moved. */
    public void forget() {
        shownCutoff = Long.MIN_VALUE;
        shownStep = -2;
    }

    /** The real time the animation stands at: interpolated inside the current step, everything at the end. */
    private static long cutoff(DiagramScript s, int step, PlaybackViewModel playback) {
        if (step < 0 || s.steps().isEmpty() || playback.atEnd()) return Long.MAX_VALUE;
        DiagramStep d = s.steps().get(step);
        if (!d.ended()) return Long.MAX_VALUE;
        return d.beginNanos() + (long) (playback.stepProgress() * (d.endNanos() - d.beginNanos()));
    }

    /** The TCP state in words, one figure a line ("Round-trip time: 45 µs (varies by 22 µs)"); why it is missing when it is. */
    public static List<String> tcpLines(dev.roundtrip.trace.TcpReadout c) {
        if (c == null) return List.of();
        if (!c.available()) return List.of(missingText(c.unavailable(), dev.roundtrip.trace.Unavailable.of(c.unavailable())));
        List<String> lines = new ArrayList<>();
        if (c.state() != null) lines.add(T.get("tcp.state", c.state()));
        if (c.rttMicros() != null) {
            lines.add(T.get("tcp.rtt", Units.duration(c.rttMicros() * 1000), c.rttVarMicros() == null ? 0 : 1,
                    c.rttVarMicros() == null ? "" : Units.duration(c.rttVarMicros() * 1000)));
        }
        if (c.congestionWindow() != null) lines.add(T.get("tcp.cwnd", c.congestionWindow()));
        if (c.mss() != null) lines.add(T.get("tcp.mss", c.mss()));
        if (c.unacked() != null) lines.add(T.get("tcp.unacked", c.unacked()));
        if (c.retransmits() != null) lines.add(T.get("tcp.retransmits", c.retransmits()));
        return lines;
    }

    /** Why a kernel queue figure is missing, in the words of its reason (a recording from before reasons: its text). */
    public static String missingText(KernelReadout k) {
        return missingText(k.unavailable(), k.reason());
    }

    /** Why a figure is missing, from a readout's {@code unavailable} text and its code. */
    static String missingText(String unavailable, java.util.Optional<dev.roundtrip.trace.Unavailable> why) {
        String text = unavailable == null ? "" : unavailable;
        // the reason in the UI's words; the engine's detail too when it is one the engine writes today, else as recorded
        if (why.isEmpty()) return T.get("missing", text.isEmpty() ? 0 : 1, text);
        String detail = text.indexOf(':') < 0 ? "" : text.substring(text.indexOf(':') + 1).trim();
        String reason = T.get("missing." + why.get().name(), 0, "");
        String said = detail.isEmpty() ? "" : dev.roundtrip.trace.MissingReadoutWords.said(detail);
        // a detail that only repeats the reason ("kernel readouts are switched off") is not said twice
        if (said.isEmpty() || said.equalsIgnoreCase(reason)) return reason;
        return T.get("missing." + why.get().name(), 1, said);
    }

    /**
     * The memory readout in words: what the program allocated on the stage's thread, what measuring it
     * cost ("respond: program 3.1 KB · instrument 1.0 MB"), and whether first-time work is in it.
     */
    static String allocationText(Stage stage, MemoryReadout m) {
        String where = stage.wireName();
        if (m.allocatedBytes() == null) return T.get("memory.allocation.missing", where, missingText(m.unavailable(), m.reason()));
        String text = T.get("memory.allocation", where, dev.roundtrip.text.Units.bytes(m.allocatedBytes()))
                + (m.instrumentAllocatedBytes() == null ? "" : T.get("memory.allocation.instrument", dev.roundtrip.text.Units.bytes(m.instrumentAllocatedBytes())));
        return m.cold() ? text + T.get("memory.allocation.cold") : text;
    }

    /** Shows {@code x} as it was at real time {@code cutoff} (ns since the recording began). */
    public void show(Exchange x, DiagramScript script, int currentStep, long cutoff) {
        if (x == null) {
            clear();
            return;
        }
        List<StageEvent> seen = new ArrayList<>();
        for (StageEvent e : x.events()) if (e.tNanos() <= cutoff) seen.add(e);
        List<GateEvent> gates = new ArrayList<>();
        for (GateEvent g : x.gateEvents()) if (g.tNanos() <= cutoff) gates.add(g);
        Stage current = currentStep >= 0 && currentStep < script.steps().size() ? script.steps().get(currentStep).stage() : null;
        showBytes(x, seen, current);
        showBuffers(seen, gates, current);
        showMemory(seen);
        showTiming(x, script, currentStep);
        showFrames(x, script.connection(), cutoff);
    }

    /**
     * The exchange's own frames up to {@code cutoff} (its stream's, and the connection's that were recorded
     * on it), and the connection's flow-control windows at that moment, as the diagram's {@link
     * dev.roundtrip.ui.diagram.FlowWindows} worked them out from every frame of the connection.
     */
    private void showFrames(Exchange x, dev.roundtrip.ui.diagram.ConnectionFrames c, long cutoff) {
        http2.set(c != null);
        if (c == null) {
            frames.clear();
            framesCaption.set("");
            windowsCaption.set("");
            return;
        }
        List<FrameRow> rows = new ArrayList<>();
        dev.roundtrip.ui.diagram.FlowWindows.Windows windows = null;
        for (dev.roundtrip.ui.diagram.ConnectionFrames.Arrow a : c.frames()) {
            if (a.tNanos() > cutoff) break;
            if (a.windows() != null) windows = a.windows();
            boolean own = a.exchangeId() == x.id() || (c.ownStream() != 0 && a.frame().streamId() == c.ownStream());
            if (own) rows.add(frameRow(a.tNanos(), a.fromClient(), a.frame()));
        }
        if (cutoff == Long.MAX_VALUE) windows = c.windows(); // the end: after every frame, drawn or only counted
        set(frames, rows);
        framesCaption.set(T.get("frames.caption", rows.size(), c.ownStream(), T.get(c.seenBy() == Actor.CLIENT ? "side.client" : "side.server")));
        windowsCaption.set(windowsText(windows, c.ownStream()));
    }

    static FrameRow frameRow(long tNanos, boolean fromClient, dev.roundtrip.trace.FrameReadout f) {
        StringBuilder line = new StringBuilder(T.get(fromClient ? "frames.fromClient" : "frames.fromServer"))
                .append("  ").append(f.type())
                .append("  ").append(T.get("frames.stream", f.streamId()))
                .append("  ").append(Units.bytes(f.length()));
        if (f.flags() != 0) line.append("  ").append(T.get("frames.flags", "0x" + Integer.toHexString(f.flags()), flagNames(f.type(), f.flags())));
        if (f.windowIncrement() != null) line.append("  ").append(T.get("frames.increment", Units.bytes(f.windowIncrement())));
        if (f.settings() != null && !f.settings().isEmpty()) {
            List<String> pairs = new ArrayList<>();
            f.settings().forEach((k, v) -> pairs.add(k + "=" + v));
            line.append("  ").append(String.join(", ", pairs));
        }
        if (f.headerBlock() != null) line.append("  ").append(T.get("frames.headerBlock", Units.bytes(f.headerBlock())));
        if (f.errorCode() != null) line.append("  ").append(f.errorCode());
        return new FrameRow(tNanos, fromClient, f.type(), f.streamId(), f.length(), f.flags(), line.toString());
    }

    /** The flags' names, as RFC 9113 names them for this frame type (the same in every language). */
    static String flagNames(String type, int flags) {
        List<String> names = new ArrayList<>();
        boolean ackType = type.equals("SETTINGS") || type.equals("PING");
        if ((flags & 0x1) != 0) names.add(ackType ? "ACK" : "END_STREAM");
        if ((flags & 0x4) != 0 && (type.equals("HEADERS") || type.equals("CONTINUATION") || type.equals("PUSH_PROMISE"))) names.add("END_HEADERS");
        if ((flags & 0x8) != 0 && (type.equals("DATA") || type.equals("HEADERS") || type.equals("PUSH_PROMISE"))) names.add("PADDED");
        if ((flags & 0x20) != 0 && type.equals("HEADERS")) names.add("PRIORITY");
        return String.join(" ", names);
    }

    /** What each side may still send, on the connection and on the exchange's stream; both 65,535 before any frame moved them. */
    static String windowsText(dev.roundtrip.ui.diagram.FlowWindows.Windows w, int stream) {
        long initial = dev.roundtrip.ui.diagram.FlowWindows.INITIAL;
        if (w == null) return T.get("frames.windows.initial", Units.bytes(initial));
        return T.get("frames.windows", Units.bytes(w.client().connection()), window(w.client(), stream), stream,
                Units.bytes(w.server().connection()), window(w.server(), stream));
    }

    private static String window(dev.roundtrip.ui.diagram.FlowWindows.Side side, int stream) {
        Long w = side.streams().get(stream);
        return w == null ? T.get("notAvailable") : Units.bytes(w);
    }

    private void clear() {
        reshow = () -> {};
        overTls.set(false);
        requestHex.clear();
        responseHex.clear();
        bytesCaption.set(T.get("bytes.none"));
        buffer.set(null);
        bufferCaption.set("");
        kernel.set(null);
        kernelCaption.set("");
        tcp.set(null);
        tcpCaption.set("");
        memory.set(null);
        allocationCaption.set("");
        allocatedByStage.clear();
        waterfall.clear();
        totalNanos.set(0);
        http2.set(false);
        frames.clear();
        framesCaption.set("");
        windowsCaption.set("");
    }

    private void showBytes(Exchange x, List<StageEvent> seen, Stage current) {
        reshow = () -> showBytes(x, seen, current);
        boolean tls = x.events().stream().anyMatch(e -> e.plain() != null);
        overTls.set(tls);
        Function<StageEvent, BytesReadout> side = tls && showPlain.get() ? StageEvent::plain : StageEvent::bytes;
        boolean requestSide = current == null || current == Stage.SEND || current == Stage.PARSE;
        Stage requestStage = has(seen, Stage.SEND, side) ? Stage.SEND : Stage.PARSE;
        Stage responseStage = has(seen, Stage.RESPOND, side) ? Stage.RESPOND : Stage.INTERPRET;
        Wire request = wire(seen, requestStage, current == Stage.SEND || current == Stage.PARSE ? current : null, side);
        Wire response = wire(seen, responseStage, current == Stage.RESPOND || current == Stage.INTERPRET ? current : null, side);
        set(requestHex, HexDump.lines(request.data, request.total, true, requestSide ? request.curFrom : -1, requestSide ? request.curTo : -1, bytesPerLine));
        set(responseHex, HexDump.lines(response.data, response.total, false, requestSide ? -1 : response.curFrom, requestSide ? -1 : response.curTo, bytesPerLine));
        String caption = (!tls ? "" : T.get(showPlain.get() ? "bytes.plaintext" : "bytes.ciphertext") + " · ")
                + T.get("bytes.totals", Units.bytes(request.total), Units.bytes(response.total));
        Wire cur = requestSide ? request : response;
        if (current != null && cur.curTo > cur.curFrom) {
            caption += " · " + T.get(current == Stage.SEND || current == Stage.RESPOND ? "bytes.highlightedWritten" : "bytes.highlightedRead",
                    Units.bytes(cur.curTo - cur.curFrom), current.wireName());
            if (tls && !showPlain.get()) {
                // Ciphertext counts record headers, tags and, on the client's first read, the server's session tickets.
                long wire = 0, plain = 0;
                for (StageEvent e : seen) {
                    if (e.stage() != current) continue;
                    if (e.bytes() != null) wire += e.bytes().count();
                    if (e.plain() != null) plain += e.plain().count();
                }
                caption += " " + T.get("bytes.tlsRecords", current.wireName(), Units.bytes(wire), Units.bytes(plain));
            }
        }
        bytesCaption.set(caption);
    }

    private static boolean has(List<StageEvent> seen, Stage s, Function<StageEvent, BytesReadout> side) {
        for (StageEvent e : seen) if (e.stage() == s && side.apply(e) != null) return true;
        return false;
    }

    /** The bytes of one direction, and where the latest socket operation of {@code current} lies in them. */
    private static Wire wire(List<StageEvent> seen, Stage stage, Stage current, Function<StageEvent, BytesReadout> side) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        long total = 0;
        int curFrom = -1;
        int curTo = -1;
        // The current stage may be the other one of this direction (parse reads what send wrote):
        // the highlight is found by walking that stage's operations over the same byte stream.
        for (StageEvent e : seen) {
            BytesReadout b = e.stage() == stage ? side.apply(e) : null;
            if (b == null) continue;
            data.write(b.data(), 0, b.keptLength());
            total += b.count();
        }
        if (current != null) {
            long offset = 0;
            for (StageEvent e : seen) {
                BytesReadout b = e.stage() == current ? side.apply(e) : null;
                if (b == null) continue;
                curFrom = (int) Math.min(Integer.MAX_VALUE, offset);
                offset += b.count();
                curTo = (int) Math.min(Integer.MAX_VALUE, offset);
            }
        }
        return new Wire(data.toByteArray(), total, curFrom, curTo);
    }

    private record Wire(byte[] data, long total, int curFrom, int curTo) {}

    private void showBuffers(List<StageEvent> seen, List<GateEvent> gates, Stage current) {
        BufferReadout b = null;
        String bWhere = "";
        KernelReadout k = null;
        String kWhere = "";
        long kTime = -1;
        for (StageEvent e : seen) {
            if (e.buffer() != null) {
                b = e.buffer();
                bWhere = T.get("buffer.where", side(e.actor()), e.stage().wireName(),
                        e.phase() == Phase.PROGRESS ? "(" + Printable.escape(e.detailInUse()) + ")" : e.phase().wireName());
            }
            if (e.kernel() != null && e.tNanos() >= kTime) {
                k = e.kernel();
                kTime = e.tNanos();
                kWhere = T.get("kernel.during", side(e.actor()), e.stage().wireName());
            }
        }
        for (GateEvent g : gates) {
            if (g.kernel() != null && g.tNanos() >= kTime) {
                k = g.kernel();
                kTime = g.tNanos();
                String socket = T.get(g.stage() == Stage.INTERPRET || g.stage() == Stage.SEND ? "side.client" : "side.server");
                kWhere = T.get("kernel.held", socket, g.stage().wireName(), g.kind() == GateEvent.Kind.PROBED ? 1 : 0);
            }
        }
        dev.roundtrip.trace.TcpReadout c = null;
        String cWhere = "";
        long cTime = -1;
        // The stage on screen's own reading first: a server's respond ends when its write completes,
        // which can be after the client has already interpreted the answer.
        boolean currentHasTcp = seen.stream().anyMatch(e -> e.tcp() != null && e.stage() == current);
        for (StageEvent e : seen) {
            if (e.tcp() == null || currentHasTcp && e.stage() != current) continue;
            c = e.tcp();
            cTime = e.tNanos();
            cWhere = T.get(e.stage() == Stage.CONNECT ? "tcp.connected" : "tcp.at", side(e.actor()), e.stage().wireName());
        }
        for (GateEvent g : gates) {
            if (g.tcp() == null || g.tNanos() < cTime) continue;
            c = g.tcp();
            cTime = g.tNanos();
            cWhere = T.get("tcp.held", T.get(g.stage() == Stage.INTERPRET || g.stage() == Stage.SEND ? "side.client" : "side.server"), g.stage().wireName());
        }
        tcp.set(c);
        tcpCaption.set(c == null ? T.get("tcp.none") : cWhere);
        buffer.set(b);
        bufferCaption.set(b == null ? T.get("buffer.none") : bWhere);
        kernel.set(k);
        kernelCaption.set(k == null ? T.get("kernel.none") : kWhere);
    }

    private static String side(Actor a) {
        return T.get(a == Actor.CLIENT || a == Actor.CLIENT_KERNEL ? "side.client" : a == Actor.DATABASE ? "side.database" : "side.server");
    }

    private void showMemory(List<StageEvent> seen) {
        MemoryReadout m = null;
        Stage mStage = null;
        Map<Stage, Long> alloc = new EnumMap<>(Stage.class);
        for (StageEvent e : seen) {
            if (e.memory() == null) continue;
            m = e.memory();
            mStage = e.stage();
            if (e.memory().allocatedBytes() != null && (e.phase() == Phase.END || e.phase() == Phase.ERROR)) {
                alloc.merge(e.stage(), e.memory().allocatedBytes(), Long::sum);
            }
        }
        memory.set(m);
        allocationCaption.set(m == null ? "" : allocationText(mStage, m));
        List<StageAmount> rows = new ArrayList<>();
        for (Stage s : Stage.values()) {
            if (s.opensConnection() && !alloc.containsKey(s)) continue; // a reused (or cleartext) connection has none
            rows.add(new StageAmount(s, alloc.get(s)));
        }
        set(allocatedByStage, rows);
    }

    private void showTiming(Exchange x, DiagramScript script, int currentStep) {
        List<WaterfallRow> rows = new ArrayList<>();
        long start = x.startedNanos();
        for (int i = 0; i < script.steps().size(); i++) {
            DiagramStep s = script.steps().get(i);
            rows.add(new WaterfallRow(s.stage(), s.beginNanos() - start, s.durationNanos(), s.failed(), i == currentStep));
        }
        set(waterfall, rows);
        totalNanos.set(x.durationNanos());
    }

    /** Memory after each of the most recent exchanges (at most 20), for the chart. */
    public void showHistory(List<Exchange> exchanges) {
        List<MemoryPoint> points = new ArrayList<>();
        for (int i = Math.max(0, exchanges.size() - 20); i < exchanges.size(); i++) {
            Exchange x = exchanges.get(i);
            MemoryReadout last = null;
            long allocated = 0;
            for (StageEvent e : x.events()) {
                if (e.memory() == null) continue;
                last = e.memory();
                if (e.memory().allocatedBytes() != null && (e.phase() == Phase.END || e.phase() == Phase.ERROR)) allocated += e.memory().allocatedBytes();
            }
            if (last != null) points.add(new MemoryPoint(x.id(), last.heapUsed() / (1024.0 * 1024), allocated / 1024.0));
        }
        set(memoryHistory, points);
    }

    private static <T> void set(ObservableList<T> list, List<T> values) {
        if (!list.equals(values)) list.setAll(values);
    }

    public ObservableList<HexLine> requestHex() { return requestHex; }
    public ObservableList<HexLine> responseHex() { return responseHex; }
    public ReadOnlyStringProperty bytesCaptionProperty() { return bytesCaption.getReadOnlyProperty(); }
    /** Whether the shown exchange went over TLS, so that ciphertext and plaintext can be told apart. */
    public javafx.beans.property.ReadOnlyBooleanProperty overTlsProperty() { return overTls.getReadOnlyProperty(); }
    /** Shows the plaintext instead of the ciphertext (TLS only); the Bytes tab redraws at once. */
    public void setShowPlain(boolean plain) {
        showPlain.set(plain);
        reshow.run();
    }
    /** Lays the dumps out with {@code n} bytes per line (what the Bytes tab's columns have room for); redraws at once. */
    public void setBytesPerLine(int n) {
        if (n == bytesPerLine) return;
        bytesPerLine = n;
        reshow.run();
    }
    public ReadOnlyObjectProperty<BufferReadout> bufferProperty() { return buffer.getReadOnlyProperty(); }
    public ReadOnlyStringProperty bufferCaptionProperty() { return bufferCaption.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<KernelReadout> kernelProperty() { return kernel.getReadOnlyProperty(); }
    public ReadOnlyStringProperty kernelCaptionProperty() { return kernelCaption.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<dev.roundtrip.trace.TcpReadout> tcpProperty() { return tcp.getReadOnlyProperty(); }
    public ReadOnlyStringProperty tcpCaptionProperty() { return tcpCaption.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<MemoryReadout> memoryProperty() { return memory.getReadOnlyProperty(); }
    /** The latest memory readout's allocation figures, program and instrument apart ({@link #allocationText}). */
    public ReadOnlyStringProperty allocationCaptionProperty() { return allocationCaption.getReadOnlyProperty(); }
    public ObservableList<StageAmount> allocatedByStage() { return allocatedByStage; }
    public ObservableList<MemoryPoint> memoryHistory() { return memoryHistory; }
    public ObservableList<WaterfallRow> waterfall() { return waterfall; }
    public ReadOnlyLongProperty totalNanosProperty() { return totalNanos.getReadOnlyProperty(); }
    /** The shown exchange's HTTP/2 frames up to the moment on screen; empty for an HTTP/1.1 exchange. */
    public ObservableList<FrameRow> frames() { return frames; }
    public ReadOnlyStringProperty framesCaptionProperty() { return framesCaption.getReadOnlyProperty(); }
    /** The connection's flow-control windows at the moment on screen. */
    public ReadOnlyStringProperty windowsCaptionProperty() { return windowsCaption.getReadOnlyProperty(); }
    /** Whether the shown exchange is an HTTP/2 stream (the frames section is shown). */
    public javafx.beans.property.ReadOnlyBooleanProperty http2Property() { return http2.getReadOnlyProperty(); }
}
