package dev.roundtrip.lesson;

import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.FrameReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The readouts that set HTTP/1.1 beside HTTP/2. A request's header block as it crossed the wire
 * ({@code request.*}): on HTTP/1.1 the request line and headers up to the blank line, on HTTP/2 the
 * HPACK-encoded block of its HEADERS frame. And the latest send action of each protocol taken together
 * ({@code h1.*}, {@code h2.*}): connections used and opened, header bytes, time, exchanges completed, and
 * those that finished while an exchange sent before them on their connection was still open.
 */
final class ProtocolReadouts {
    /** The readouts each protocol's latest send action has, after {@code h1.} and {@code h2.}. */
    static final List<String> BATCH = List.of("connections", "connects", "headerBytes", "ms", "completed", "overtook");

    private final Recording recording;
    private final LessonState state;

    ProtocolReadouts(Recording recording, LessonState state) {
        this.recording = recording;
        this.state = state;
    }

    static boolean covers(String name) {
        return name.startsWith("h1.") || name.startsWith("h2.") || name.startsWith("request.") || name.equals("exchange.rstStream");
    }

    ReadoutValue read(String name) {
        if (name.equals("h2.speedup")) {
            ReadoutValue h1 = read("h1.ms");
            ReadoutValue h2 = read("h2.ms");
            if (!h1.available()) return ReadoutValue.unavailable(name, h1.unavailable());
            if (!h2.available()) return ReadoutValue.unavailable(name, h2.unavailable());
            if (h2.number() <= 0) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.h2NoTime"));
            return ReadoutValue.number(name, h1.number() / h2.number());
        }
        if (name.startsWith("h")) return batch(name, name.startsWith("h2."));
        Optional<Long> latest = state.latest();
        if (latest.isEmpty()) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.notSent"));
        Optional<Exchange> x = recording.exchange(latest.get());
        if (x.isEmpty()) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.notRecorded", String.valueOf(latest.get())));
        switch (name) {
            case "request.headerBytes": return headerBytes(name, x.get());
            case "exchange.rstStream":
                return ReadoutValue.text(name, x.get().events().stream().filter(e -> e.actor() == Actor.CLIENT && e.frame() != null
                        && e.frame().type().equals("RST_STREAM") && e.frame().streamId() != 0).map(e -> e.frame().errorCode())
                        .findFirst().orElse("none"));
            case "request.headersAsText": {
                Optional<FrameReadout> h = headersFrame(x.get());
                return h.isPresent() && h.get().headersAsText() != null ? ReadoutValue.number(name, h.get().headersAsText())
                        : headerBytes(name, x.get()); // HTTP/1.1 sends its headers as text
            }
            case "request.firstHeaderBytes": {
                long c = connectionOf(x.get());
                Exchange first = x.get();
                for (Exchange o : recording.exchanges()) {
                    if (connectionOf(o) == c && sendBegan(o) < sendBegan(first)) first = o;
                }
                return headerBytes(name, first);
            }
            default: throw new IllegalStateException("readout without a rule: " + name);
        }
    }

    private ReadoutValue batch(String name, boolean http2) {
        List<Exchange> xs = state.batch(http2).stream().map(recording::exchange).flatMap(Optional::stream).toList();
        if (xs.isEmpty()) {
            return ReadoutValue.unavailable(name, Phrase.of(http2 ? "lesson.why.notSentHttp2" : "lesson.why.notSentHttp1"));
        }
        switch (name.substring(3)) {
            case "connections": {
                Set<Long> ids = new HashSet<>();
                for (Exchange x : xs) ids.add(connectionOf(x));
                return ReadoutValue.number(name, ids.size());
            }
            case "connects":
                return ReadoutValue.number(name, xs.stream().filter(x -> x.events().stream()
                        .anyMatch(e -> e.stage() == Stage.CONNECT && e.phase() == Phase.END && e.actor() == Actor.CLIENT)).count());
            case "headerBytes": {
                long sum = 0;
                for (Exchange x : xs) {
                    ReadoutValue v = headerBytes(name, x);
                    if (!v.available()) return v;
                    sum += v.number().longValue();
                }
                return ReadoutValue.number(name, sum);
            }
            case "ms": {
                long from = Long.MAX_VALUE;
                long to = Long.MIN_VALUE;
                for (Exchange x : xs) {
                    from = Math.min(from, x.startedNanos());
                    to = Math.max(to, x.startedNanos() + x.durationNanos());
                }
                return ReadoutValue.number(name, (to - from) / 1e6);
            }
            case "completed":
                return ReadoutValue.number(name, xs.stream().filter(x -> x.outcome() == Outcome.COMPLETED).count());
            case "overtook":
                return ReadoutValue.number(name, xs.stream().filter(this::overtook).count());
            default:
                throw new IllegalStateException("readout without a rule: " + name);
        }
    }

    /** Whether {@code x} ended while an exchange that began sending before it on the same connection had not. */
    private boolean overtook(Exchange x) {
        if (x.end().isEmpty()) return false;
        long ended = x.end().get().tNanos();
        long c = connectionOf(x);
        for (Exchange o : recording.exchanges()) {
            if (o.id() == x.id() || connectionOf(o) != c || sendBegan(o) >= sendBegan(x)) continue;
            if (o.end().isEmpty() || o.end().get().tNanos() > ended) return true;
        }
        return false;
    }

    private ReadoutValue headerBytes(String name, Exchange x) {
        if (x.events().stream().anyMatch(e -> e.frame() != null)) {
            Optional<FrameReadout> h = headersFrame(x);
            if (h.isEmpty() || h.get().headerBlock() == null) {
                return ReadoutValue.unavailable(name, Phrase.of("lesson.why.noHeadersFrame", ConnectionReadouts.id(x)));
            }
            return ReadoutValue.number(name, h.get().headerBlock());
        }
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        for (StageEvent e : x.events()) {
            if (e.stage() != Stage.SEND || e.actor() != Actor.CLIENT) continue;
            if (e.plain() != null) sent.writeBytes(e.plain().data());
            else if (e.bytes() != null) sent.writeBytes(e.bytes().data());
        }
        byte[] b = sent.toByteArray();
        for (int i = 0; i + 3 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') return ReadoutValue.number(name, i + 4);
        }
        return ReadoutValue.unavailable(name, Phrase.of("lesson.why.noWholeHead", ConnectionReadouts.id(x)));
    }

    /** The HEADERS frame the client sent for {@code x}. */
    private static Optional<FrameReadout> headersFrame(Exchange x) {
        return x.events().stream().filter(e -> e.actor() == Actor.CLIENT && e.stage() == Stage.SEND && e.frame() != null
                && e.frame().type().equals("HEADERS")).map(StageEvent::frame).findFirst();
    }

    /** The connection that carried the request (the send stage's), as lesson.connections counts it. */
    private static long connectionOf(Exchange x) {
        return x.events().stream().filter(e -> e.stage() == Stage.SEND).findFirst().map(StageEvent::connectionId).orElse(x.connectionId());
    }

    private static long sendBegan(Exchange x) {
        return x.events().stream().filter(e -> e.stage() == Stage.SEND).findFirst().map(StageEvent::tNanos).orElse(Long.MAX_VALUE);
    }
}
