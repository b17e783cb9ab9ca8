package dev.roundtrip.record;

import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.trace.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What differs between a recorded exchange and the same request sent again (Re-send): the request
 * (line, each header, body: fields named "request …"), then outcome, status, reason, each header,
 * the body, and every stage's duration side by side. Headers are compared by name,
 * case-insensitively, all values of a name together.
 *
 * @param differences the fields that differ, in a stable order (request line, request headers, request
 *     body, outcome, status, reason, headers, body)
 * @param stages one row per stage with both durations (null where a stage did not run or end)
 */
public record ExchangeDiff(List<Difference> differences, List<StageDelta> stages) {
    /** One field that differs; {@code before}/{@code after} are short texts ("(none)" when absent). */
    public record Difference(String field, String before, String after) {
        /** A difference of the request rather than the response. */
        public boolean ofRequest() {
            return field.startsWith(REQUEST);
        }
    }

    /** A stage's duration in the recorded and the new exchange, ns; null = did not run or end. */
    public record StageDelta(Stage stage, Long beforeNanos, Long afterNanos) {
        /** after − before, or null when either is missing. */
        public Long deltaNanos() {
            return beforeNanos == null || afterNanos == null ? null : afterNanos - beforeNanos;
        }
    }

    public ExchangeDiff {
        differences = List.copyOf(differences);
        stages = List.copyOf(stages);
    }

    public static ExchangeDiff between(Exchange before, Exchange after) {
        List<Difference> d = new ArrayList<>();
        RequestInfo qa = before.request();
        RequestInfo qb = after.request();
        String la = qa.isRaw() ? qa.raw().length + " raw bytes" : qa.method() + " " + qa.target();
        String lb = qb.isRaw() ? qb.raw().length + " raw bytes" : qb.method() + " " + qb.target();
        if (!la.equals(lb) || qa.isRaw() && !java.util.Arrays.equals(qa.raw(), qb.raw())) d.add(new Difference(REQUEST + "line", la, lb));
        headers(REQUEST, qa.headers(), qb.headers(), d);
        body(REQUEST, qa.body(), qb.body(), d);
        if (before.outcome() != after.outcome()) d.add(new Difference("outcome", before.outcome().wireName(), after.outcome().wireName()));
        ResponseInfo a = before.response().orElse(null);
        ResponseInfo b = after.response().orElse(null);
        if (a == null || b == null) {
            if (a != b) d.add(new Difference("response", a == null ? "(none)" : a.status() + " " + a.reason(),
                    b == null ? "(none)" : b.status() + " " + b.reason()));
        } else {
            if (a.status() != b.status()) d.add(new Difference("status", Integer.toString(a.status()), Integer.toString(b.status())));
            if (!a.reason().equals(b.reason())) d.add(new Difference("reason", a.reason(), b.reason()));
            headers("", a.headers(), b.headers(), d);
            body("", a.body(), b.body(), d);
        }
        StageTimes ta = StageTimes.of(before);
        StageTimes tb = StageTimes.of(after);
        List<StageDelta> stages = new ArrayList<>();
        for (Stage s : Stage.values()) {
            // connect and handshake only where one of them opened a connection (a re-send may reuse one)
            if (s.opensConnection() && ta.get(s).isEmpty() && tb.get(s).isEmpty()) continue;
            stages.add(new StageDelta(s, ta.durationNanos(s).orElse(null), tb.durationNanos(s).orElse(null)));
        }
        return new ExchangeDiff(d, stages);
    }

    /** Differences of the request carry this prefix in their field name. */
    public static final String REQUEST = "request ";

    /** True when outcome, status, reason, headers and body are all the same. */
    public boolean sameResponse() {
        return differences.stream().allMatch(Difference::ofRequest);
    }

    /** True when the new request was the recorded one: line, headers and body. */
    public boolean sameRequest() {
        return differences.stream().noneMatch(Difference::ofRequest);
    }

    private static void headers(String prefix, List<Header> before, List<Header> after, List<Difference> out) {
        Map<String, List<String>> a = group(before);
        Map<String, List<String>> b = group(after);
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String n : names) {
            List<String> va = a.get(n);
            List<String> vb = b.get(n);
            if (va != null && va.equals(vb)) continue;
            out.add(new Difference(prefix + "header " + display(before, after, n), va == null ? "(none)" : String.join(", ", va),
                    vb == null ? "(none)" : String.join(", ", vb)));
        }
    }

    private static Map<String, List<String>> group(List<Header> headers) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Header h : headers) m.computeIfAbsent(h.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.value());
        return m;
    }

    private static String display(List<Header> before, List<Header> after, String lower) {
        for (Header h : before) if (h.name().equalsIgnoreCase(lower)) return h.name();
        for (Header h : after) if (h.name().equalsIgnoreCase(lower)) return h.name();
        return lower;
    }

    private static void body(String prefix, byte[] a, byte[] b, List<Difference> out) {
        if (java.util.Arrays.equals(a, b)) return;
        int i = 0;
        while (i < a.length && i < b.length && a[i] == b[i]) i++;
        out.add(new Difference(prefix + "body", a.length + " bytes", b.length + " bytes, first difference at byte " + i));
    }
}
