package dev.roundtrip.ui.diagram;

import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.MessageReadout;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A long-lived exchange's messages (SSE events, WebSocket frames either way after the 101 upgrade) as
 * arrows of one step: the client's interpret when the client is ours (it saw them all, its own writes
 * too), else the server's respond. Each is drawn once, by the side that recorded it.
 */
final class Messages {
    private Messages() {}

    static void attach(List<DiagramStep> steps, Map<Stage, List<StageEvent>> byStage) {
        for (Stage stage : List.of(Stage.INTERPRET, Stage.RESPOND)) {
            List<DiagramStep.Message> found = of(byStage.getOrDefault(stage, List.of()));
            if (found.isEmpty()) continue;
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).stage() == stage) {
                    steps.set(i, steps.get(i).withMessages(found));
                    return;
                }
            }
        }
    }

    static List<DiagramStep.Message> of(List<StageEvent> events) {
        List<DiagramStep.Message> out = new ArrayList<>();
        for (StageEvent e : events) {
            MessageReadout m = e.message();
            if (m == null || (e.actor() != Actor.CLIENT && e.actor() != Actor.SERVER)) continue;
            out.add(new DiagramStep.Message(m.fromClient(), title(m), m.length(), e.bytes() == null ? -1 : e.bytes().count(), e.tNanos()));
        }
        return out;
    }

    private static String title(MessageReadout m) {
        if (m.kind() == MessageReadout.Kind.SSE_EVENT) {
            return m.eventId() == null ? DiagramScript.T.get("message.sse") : DiagramScript.T.get("message.sse.id", m.eventId());
        }
        String frame = DiagramScript.T.get("message.ws", m.opcodeName());
        return m.closeCode() == null ? frame : frame + " " + m.closeCode();
    }
}
