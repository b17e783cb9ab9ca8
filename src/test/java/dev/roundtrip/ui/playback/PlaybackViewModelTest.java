package dev.roundtrip.ui.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybackViewModelTest {
    private final PlaybackViewModel p = new PlaybackViewModel();

    @Test
    void playingAdvancesThroughStepsAndStopsAtTheEnd() {
        p.restart(List.of(1000.0, 1000.0, 2000.0));
        assertThat(p.currentStep()).isZero();
        p.tick(500);
        assertThat(p.currentStep()).isZero();
        assertThat(p.stepProgress()).isEqualTo(0.5);
        p.tick(1000);
        assertThat(p.currentStep()).isEqualTo(1);
        p.tick(100_000);
        assertThat(p.atEnd()).isTrue();
        assertThat(p.currentStep()).isEqualTo(2);
        assertThat(p.stepProgress()).isEqualTo(1.0);
    }

    @Test
    void speedScalesElapsedTimeWithinBounds() {
        p.restart(List.of(1000.0, 1000.0));
        p.speedProperty().set(2);
        p.tick(250);
        assertThat(p.stepProgress()).isEqualTo(0.5);
        p.speedProperty().set(100);
        assertThat(p.speedProperty().get()).isEqualTo(PlaybackViewModel.MAX_SPEED);
    }

    @Test
    void stepForwardAndBackJumpBetweenStepBoundaries() {
        p.restart(List.of(1000.0, 1000.0, 1000.0));
        p.playingProperty().set(false);
        p.stepForward();
        assertThat(p.currentStep()).isZero();
        assertThat(p.stepProgress()).isEqualTo(1.0);
        p.stepForward();
        assertThat(p.currentStep()).isEqualTo(1);
        assertThat(p.stepProgress()).isEqualTo(1.0);
        p.stepBack();
        assertThat(p.currentStep()).isZero();
        assertThat(p.stepProgress()).isEqualTo(1.0);
        p.stepBack();
        assertThat(p.positionProperty().get()).isZero();
        p.stepBack();
        assertThat(p.positionProperty().get()).isZero();
    }

    @Test
    void pausedDoesNotMoveAndAGrowingExchangeKeepsThePosition() {
        p.restart(List.of(1000.0));
        p.playingProperty().set(false);
        p.tick(500);
        assertThat(p.positionProperty().get()).isZero();
        p.togglePlaying();
        p.tick(2000);
        assertThat(p.atEnd()).isTrue();
        p.setSteps(List.of(1000.0, 1000.0));
        assertThat(p.positionProperty().get()).isEqualTo(1000.0);
        p.tick(500);
        assertThat(p.currentStep()).isEqualTo(1);
    }

    @Test
    void theScrubberIsClampedToWhatExists() {
        p.restart(List.of(1000.0));
        p.positionProperty().set(5000);
        assertThat(p.positionProperty().get()).isEqualTo(1000.0);
        p.positionProperty().set(-3);
        assertThat(p.positionProperty().get()).isZero();
    }

    @Test
    void fasterAndSlowerDoubleAndHalveWithinTheLimits() {
        p.faster();
        assertThat(p.speedProperty().get()).isEqualTo(2.0);
        for (int i = 0; i < 5; i++) p.faster();
        assertThat(p.speedProperty().get()).isEqualTo(PlaybackViewModel.MAX_SPEED);
        for (int i = 0; i < 10; i++) p.slower();
        assertThat(p.speedProperty().get()).isEqualTo(PlaybackViewModel.MIN_SPEED);
    }
}
