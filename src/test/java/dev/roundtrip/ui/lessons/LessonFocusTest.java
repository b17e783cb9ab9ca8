package dev.roundtrip.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.lesson.Focus;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.inspector.InspectorTab;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonFocusTest {
    @Test
    void everyFocusNameLeadsSomewhereInTheWindow() {
        for (Focus f : Focus.values()) {
            assertThat(LessonFocus.of(List.of(f)).isEmpty()).as(f.wireName()).isFalse();
        }
    }

    @Test
    void lifelinesStagesAndTheReadoutsTab() {
        LessonFocus f = LessonFocus.of(List.of(Focus.READOUT_KERNEL, Focus.LIFELINE_SERVER_KERNEL, Focus.STAGE_PARSE, Focus.READOUT_BYTES));
        assertThat(f.lifelines()).containsExactly(Actor.SERVER_KERNEL);
        assertThat(f.stages()).containsExactly(Stage.PARSE);
        assertThat(f.tab()).as("the first readout named wins").isEqualTo(InspectorTab.BUFFERS);
        assertThat(LessonFocus.of(List.of(Focus.READOUT_TIMING)).tab()).isEqualTo(InspectorTab.TIMING);
        assertThat(LessonFocus.of(List.of(Focus.READOUT_MEMORY)).tab()).isEqualTo(InspectorTab.MEMORY);
        assertThat(LessonFocus.of(List.of(Focus.READOUT_SQL)).stages()).containsExactly(Stage.PROCESS);
        assertThat(LessonFocus.of(List.of(Focus.QUEUE_DIAGRAM)).queueDiagram()).isTrue();
        assertThat(LessonFocus.of(List.of(Focus.EXCHANGE_LIST)).exchangeList()).isTrue();
        assertThat(LessonFocus.of(List.of())).isEqualTo(LessonFocus.NONE);
    }
}
