package dev.roundtrip.ui.lessons;

import dev.roundtrip.lesson.Focus;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.inspector.InspectorTab;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a lesson step points the class, in the window's terms: lifelines and stages to make glow in
 * the sequence diagram, the inspector tab that holds the readout, the exchange list, the queue
 * diagram (lesson 12) or the 40 ms experiment's figures.
 *
 * @param tab the inspector tab to switch to, or null to leave it as it is (the first readout named wins)
 */
public record LessonFocus(Set<Actor> lifelines, Set<Stage> stages, InspectorTab tab, boolean exchangeList,
                          boolean queueDiagram, boolean nagle) {

    public static final LessonFocus NONE = new LessonFocus(Set.of(), Set.of(), null, false, false, false);

    public LessonFocus {
        lifelines = lifelines.isEmpty() ? Set.of() : Set.copyOf(lifelines);
        stages = stages.isEmpty() ? Set.of() : Set.copyOf(stages);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    public static LessonFocus of(List<Focus> focus) {
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        InspectorTab tab = null;
        boolean list = false;
        boolean queue = false;
        boolean nagle = false;
        for (Focus f : focus) {
            switch (f) {
                case LIFELINE_CLIENT: actors.add(Actor.CLIENT); break;
                case LIFELINE_CLIENT_KERNEL: actors.add(Actor.CLIENT_KERNEL); break;
                case LIFELINE_SERVER_KERNEL: actors.add(Actor.SERVER_KERNEL); break;
                case LIFELINE_SERVER: actors.add(Actor.SERVER); break;
                case LIFELINE_DATABASE: actors.add(Actor.DATABASE); break;
                case STAGE_SEND: stages.add(Stage.SEND); break;
                case STAGE_PARSE: stages.add(Stage.PARSE); break;
                case STAGE_PROCESS: stages.add(Stage.PROCESS); break;
                case STAGE_RESPOND: stages.add(Stage.RESPOND); break;
                case STAGE_INTERPRET: stages.add(Stage.INTERPRET); break;
                case READOUT_BYTES: if (tab == null) tab = InspectorTab.BYTES; break;
                case READOUT_BUFFERS:
                case READOUT_KERNEL: if (tab == null) tab = InspectorTab.BUFFERS; break;
                case READOUT_MEMORY: if (tab == null) tab = InspectorTab.MEMORY; break;
                case READOUT_TIMING: if (tab == null) tab = InspectorTab.TIMING; break;
                // the SQL calls are drawn in the process row, as arrows to the Database lifeline
                case READOUT_SQL: stages.add(Stage.PROCESS); actors.add(Actor.DATABASE); break;
                case READOUT_STATUS:
                case EXCHANGE_LIST: list = true; break;
                case QUEUE_DIAGRAM: queue = true; break;
                case EXPERIMENT_NAGLE: nagle = true; break;
                default: break;
            }
        }
        return new LessonFocus(actors, stages, tab, list, queue, nagle);
    }
}
