package dev.roundtrip.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectorLayoutTest {
    @Test
    void belowFourteenHundredPixelsTheWindowUsesTheProjectorLayoutByItself() {
        ProjectorLayout l = new ProjectorLayout();
        l.windowWidthProperty().set(1920);
        assertThat(l.onProperty().get()).isFalse();
        l.windowWidthProperty().set(1280);
        assertThat(l.onProperty().get()).isTrue();
        assertThat(l.automaticProperty().get()).isTrue();
        l.windowWidthProperty().set(1400);
        assertThat(l.onProperty().get()).isFalse();
    }

    @Test
    void theMenuForcesItOnAWideScreen() {
        ProjectorLayout l = new ProjectorLayout();
        l.windowWidthProperty().set(1920);
        l.forcedProperty().set(true);
        assertThat(l.onProperty().get()).isTrue();
        assertThat(l.automaticProperty().get()).isFalse();
    }

    @Test
    void theLessonPanelGetsWhatTheReadableDiagramLeavesOnAProjectorAndAThirdOtherwise() {
        ProjectorLayout l = new ProjectorLayout();
        l.readableDiagramWidthProperty().set(805);
        l.windowWidthProperty().set(1920);
        assertThat(l.lessonPanelWidth(1920, 1)).isEqualTo(576);
        l.windowWidthProperty().set(1280);
        assertThat(l.lessonPanelWidth(1280, 1)).isEqualTo(1280 - ProjectorLayout.STRIP - 805);
        l.windowWidthProperty().set(1024);
        assertThat(l.lessonPanelWidth(1024, 1)).as("never below what its content is made for").isEqualTo(ProjectorLayout.MIN_LESSON_PANEL);
    }

    @Test
    void theRequestPaneFoldsOnlyInTheProjectorLayoutWhileTheLessonPanelIsOpen() {
        ProjectorLayout l = new ProjectorLayout();
        l.windowWidthProperty().set(1920);
        l.lessonPanelShownProperty().set(true);
        assertThat(l.requestPaneFoldedProperty().get()).as("a wide screen has room for both").isFalse();
        l.windowWidthProperty().set(1024);
        assertThat(l.requestPaneFoldedProperty().get()).isTrue();
        l.lessonPanelShownProperty().set(false);
        assertThat(l.requestPaneFoldedProperty().get()).as("the lesson panel folded: the request pane is back").isFalse();
    }
}
