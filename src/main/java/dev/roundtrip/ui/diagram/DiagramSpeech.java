package dev.roundtrip.ui.diagram;

import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.access.Speech;
import java.util.ArrayList;
import java.util.List;

/**
 * What a screen reader says for each element of the sequence diagram: a stage row ("parse, 108 bytes,
 * 1 read, 616 microseconds"), its arrow, a lifeline, the outcome and problem badges, the held marker,
 * and the sentence announced when the stage being shown changes. Built from the {@link DiagramScript}
 * alone, so a test reads it without a window.
 */
public final class DiagramSpeech {
    private DiagramSpeech() {}

    /** A stage row: its name, what it carried, how long it took, and whether it failed. */
    public static String step(DiagramStep s) {
        List<String> parts = new ArrayList<>();
        parts.add(s.stage().wireName());
        if (s.stage() == Stage.SEND || s.stage() == Stage.RESPOND) parts.add(s.title());
        if (s.stage() == Stage.PROCESS) {
            parts.add(Speech.get("sqlCalls", s.sql().size()));
        } else if (s.stage() != Stage.CONNECT && (s.bytes() > 0 || s.socketOps() > 0)) {
            parts.add(Speech.bytes(s.bytes()));
            parts.add(Speech.get(opsKey(s.stage()), s.socketOps()));
        }
        parts.add(s.ended() ? Speech.duration(s.durationNanos()) : Speech.get("underWay"));
        if (s.failed()) parts.add(Speech.get("failed", s.problem()));
        return String.join(", ", parts);
    }

    private static String opsKey(Stage s) {
        switch (s) {
            case SEND: case RESPOND: return "writes";
            case PARSE: case INTERPRET: return "reads";
            default: return "readsWrites";
        }
    }

    /** The arrow of a row: from where to where, through which lifeline, request or response. */
    public static String arrow(DiagramStep s, boolean captured) {
        String from = lifelineName(s.from(), captured);
        String to = lifelineName(s.to(), captured);
        if (s.from() == s.to()) return Speech.get("activation", from);
        boolean response = s.stage() == Stage.RESPOND || s.stage() == Stage.INTERPRET;
        String key = response ? "arrow.response" : "arrow.request";
        if (s.via().isEmpty()) return Speech.get(key, from, to);
        List<String> via = new ArrayList<>();
        for (Actor a : s.via()) via.add(lifelineName(a, captured));
        return Speech.get(key + ".via", from, to, String.join(", ", via));
    }

    /** One SQL statement the process stage ran: "SQL call: SELECT …, 1 row, 80 microseconds". */
    public static String sqlCall(DiagramStep.SqlCall c) {
        return Speech.get("sqlCall", c.statement(), c.rows(), Speech.duration(c.nanos()));
    }

    public static String lifeline(Actor a, boolean captured) {
        return Speech.get("lifeline", lifelineName(a, captured));
    }

    /** The lifeline's name as drawn (one place for the words: the diagram's own). */
    static String lifelineName(Actor a, boolean captured) {
        return SequenceDiagram.name(a, captured);
    }

    public static String outcome(DiagramScript s) {
        return Speech.get("outcome", s.outcomeText());
    }

    public static String problem(DiagramStep s) {
        return Speech.get("problem", s.stage().wireName(), s.problem());
    }

    public static String held(Stage before) {
        return Speech.get("held", before.wireName());
    }

    /** The diagram as a whole: which exchange, its outcome, how many stages. */
    public static String summary(DiagramScript s) {
        if (s.isEmpty()) return Speech.get("diagram.empty");
        return Speech.get("diagram.summary", s.exchangeId(), s.title(), s.outcomeText(), s.steps().size());
    }

    /**
     * What is announced when the position changes: the stage being shown and its figures, the held
     * gate when it waits there, or the whole exchange once it is shown whole.
     */
    public static String current(DiagramScript s, int step) {
        if (s.isEmpty()) return summary(s);
        boolean shownWhole = step < 0 || step >= s.steps().size();
        if (s.heldBefore() != null && (shownWhole || step == s.steps().size() - 1)) {
            String held = held(s.heldBefore());
            return step >= 0 && step < s.steps().size() ? stageLine(s, step) + ". " + held : held;
        }
        if (shownWhole) return summary(s);
        return stageLine(s, step);
    }

    private static String stageLine(DiagramScript s, int step) {
        return Speech.get("diagram.current", step + 1, s.steps().size(), step(s.steps().get(step)));
    }
}
