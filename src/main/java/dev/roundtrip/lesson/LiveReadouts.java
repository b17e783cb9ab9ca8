package dev.roundtrip.lesson;

import dev.roundtrip.lab.RealtimeComparison;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.MessageReadout;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.ResponseInfo;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * The readouts of real-time updates: the messages a long-lived exchange brought the client
 * ({@code stream.*}), and the latest comparison of the four ways ({@code realtime.*}).
 */
final class LiveReadouts {
    /** A way's name in a readout (realtime.longPolling.requests) beside its wire name (long-polling). */
    static final List<String> WAYS = List.of("polling", "longPolling", "sse", "websocket");

    /** An update in a /poll answer: {@code {"cursor":7,"updates":[{"id":6,...},{"id":7,...}]}}. */
    private static final Pattern UPDATE = Pattern.compile("\\{\"id\":\\d+");

    private final LessonState state;

    LiveReadouts(LessonState state) {
        this.state = state;
    }

    static boolean covers(String name) {
        return name.startsWith("stream.") || name.startsWith("realtime.") || name.equals("response.updates");
    }

    /** {@code x} is the latest exchange (for stream.*), or null when the lesson has sent none. */
    ReadoutValue read(String name, Exchange x) {
        if (name.equals("response.updates")) {
            if (x == null) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.notSent"));
            Optional<ResponseInfo> r = x.response();
            String body = r.map(b -> new String(b.body(), StandardCharsets.UTF_8)).orElse("");
            if (r.isEmpty() || r.get().status() != 200 || !body.startsWith("{\"cursor\":")) {
                return ReadoutValue.unavailable(name, Phrase.of("lesson.why.notPoll"));
            }
            return ReadoutValue.number(name, UPDATE.matcher(body).results().count());
        }
        if (name.startsWith("stream.")) {
            if (x == null) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.notSent"));
            List<StageEvent> messages = x.events().stream().filter(e -> e.actor() == Actor.CLIENT && e.message() != null
                    && !e.message().fromClient() && carriesData(e.message())).toList();
            if (messages.isEmpty() && x.events().stream().noneMatch(e -> e.message() != null)) {
                return ReadoutValue.unavailable(name, Phrase.of("lesson.why.notLongLived", ConnectionReadouts.id(x)));
            }
            if (name.equals("stream.messages")) return ReadoutValue.number(name, messages.size());
            // as RealtimeComparison counts: a WebSocket frame's bytes are on its message event, an event stream's on the socket reads
            return ReadoutValue.number(name, x.events().stream().filter(e -> e.actor() == Actor.CLIENT && e.stage() == Stage.INTERPRET
                    && e.phase() == Phase.PROGRESS && e.bytes() != null && (e.message() == null || !e.message().fromClient()))
                    .mapToLong(e -> e.bytes().count()).sum());
        }
        Optional<RealtimeComparison.Result> r = state.realtime();
        if (r.isEmpty()) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.noRealtime"));
        List<RealtimeComparison.Row> rows = r.get().rows();
        switch (name) {
            case "realtime.updates": return ReadoutValue.number(name, r.get().updates());
            case "realtime.mostRequests": return ReadoutValue.text(name, most(rows, RealtimeComparison.Row::requests));
            case "realtime.mostBytes": return ReadoutValue.text(name, most(rows, w -> w.bytesUp() + w.bytesDown()));
            case "realtime.longestDelay": return ReadoutValue.text(name, most(rows, RealtimeComparison.Row::medianDelayNanos));
            default: break;
        }
        String[] parts = name.split("\\.");
        RealtimeComparison.Row row = rows.get(WAYS.indexOf(parts[1]));
        switch (parts[2]) {
            case "requests": return ReadoutValue.number(name, row.requests());
            case "bytes": return ReadoutValue.number(name, row.bytesUp() + row.bytesDown());
            case "delayMs": return ReadoutValue.number(name, row.medianDelayNanos() / 1e6);
            default: throw new IllegalStateException("readout without a rule: " + name);
        }
    }

    /** An SSE event, or a WebSocket text or binary frame: an update, not a close or a ping. */
    private static boolean carriesData(MessageReadout m) {
        return m.kind() == MessageReadout.Kind.SSE_EVENT || m.opcode() == 1 || m.opcode() == 2;
    }

    private static String most(List<RealtimeComparison.Row> rows, ToDoubleFunction<RealtimeComparison.Row> of) {
        return rows.stream().max(Comparator.comparingDouble(of)).orElseThrow().way().wireName();
    }
}
