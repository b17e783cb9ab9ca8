package dev.roundtrip.lesson;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The names an {@code action:} may take in a lesson file, with the parameters each accepts. */
public enum ActionKind {
    NONE(List.of()),
    SEND(List.of("method", "target", "headers", "body", "keepAlive", "timeoutMs", "count", "concurrent", "intervalMs", "wait", "tls", "http2")),
    RAW(List.of("text", "timeoutMs", "wait")),
    SERVER(List.of("delayMs", "tcpNoDelay")),
    GATE(List.of("mode", "stages")),
    STEP(List.of()),
    RELEASE(List.of()),
    CANCEL(List.of()),
    PROBE(List.of()),
    WAIT(List.of("ms")),
    QUEUE(List.of("jobs", "consumers", "capacity", "workMs", "produceEveryMs")),
    NAGLE(List.of("rounds")),
    CAPTURE(List.of("to", "method", "target", "timeoutMs")),
    STREAM(List.of("route", "messages", "timeoutMs")),
    REALTIME(List.of("updates", "everyMs", "pollEveryMs"));

    private final List<String> parameters;

    ActionKind(List<String> parameters) {
        this.parameters = parameters;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<String> parameters() {
        return parameters;
    }

    public static Optional<ActionKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ActionKind::wireName).toList();
    }
}
