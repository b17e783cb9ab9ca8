package dev.roundtrip.ui.playback;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * Where the animation is: a position in visible milliseconds over the steps of one exchange. Each
 * step lasts {@link VisibleTime#millis} of its real duration; play advances the position per frame,
 * step forward and back jump between step boundaries, the scrubber sets it directly.
 */
public final class PlaybackViewModel {
    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 4;

    private final DoubleProperty position = new SimpleDoubleProperty(0);
    private final ReadOnlyDoubleWrapper total = new ReadOnlyDoubleWrapper(0);
    private final BooleanProperty playing = new SimpleBooleanProperty(true);
    private final DoubleProperty speed = new SimpleDoubleProperty(1);
    private final ReadOnlyIntegerWrapper currentStep = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyDoubleWrapper stepProgress = new ReadOnlyDoubleWrapper(0);
    private List<Double> boundaries = List.of(0.0);

    public PlaybackViewModel() {
        position.addListener((o, a, b) -> {
            double clamped = Math.max(0, Math.min(total.get(), b.doubleValue()));
            if (clamped != b.doubleValue()) position.set(clamped);
            else locate();
        });
        speed.addListener((o, a, b) -> {
            double v = b.doubleValue();
            if (v < MIN_SPEED || v > MAX_SPEED) speed.set(Math.max(MIN_SPEED, Math.min(MAX_SPEED, v)));
        });
    }

    /** New step durations for the same exchange (it grew): the position stays where it was. */
    public void setSteps(List<Double> visibleMillis) {
        List<Double> b = new ArrayList<>(visibleMillis.size() + 1);
        double t = 0;
        b.add(t);
        for (double d : visibleMillis) {
            t += d;
            b.add(t);
        }
        boundaries = List.copyOf(b);
        total.set(t);
        if (position.get() > t) position.set(t);
        locate();
    }

    /** Another exchange: start from its beginning. */
    public void restart(List<Double> visibleMillis) {
        position.set(0);
        setSteps(visibleMillis);
    }

    /** Called once per frame with the real time since the last frame. */
    public void tick(double elapsedMillis) {
        if (!playing.get() || elapsedMillis <= 0) return;
        double next = Math.min(total.get(), position.get() + elapsedMillis * speed.get());
        if (next != position.get()) position.set(next);
    }

    /** Jumps to the end of the current step, or of the next one when already at an end. */
    public void stepForward() {
        for (double b : boundaries) {
            if (b > position.get() + 1e-6) {
                position.set(b);
                return;
            }
        }
    }

    /** Jumps to the previous step boundary; pauses so the class can look. */
    public void stepBack() {
        playing.set(false);
        double target = 0;
        for (double b : boundaries) {
            if (b < position.get() - 1e-6) target = b;
        }
        position.set(target);
    }

    /** ] : twice the speed, up to {@link #MAX_SPEED}. */
    public void faster() {
        speed.set(speed.get() * 2);
    }

    /** [ : half the speed, down to {@link #MIN_SPEED}. */
    public void slower() {
        speed.set(speed.get() / 2);
    }

    public void togglePlaying() {
        if (!playing.get() && position.get() >= total.get() - 1e-6) position.set(0);
        playing.set(!playing.get());
    }

    public void toEnd() {
        position.set(total.get());
    }

    public boolean atEnd() {
        return position.get() >= total.get() - 1e-6;
    }

    public int stepCount() {
        return boundaries.size() - 1;
    }

    private void locate() {
        int n = stepCount();
        if (n == 0) {
            currentStep.set(-1);
            stepProgress.set(0);
            return;
        }
        double p = position.get();
        int i = 0;
        while (i < n - 1 && p > boundaries.get(i + 1) + 1e-9) i++;  // at a boundary: the step just done
        double start = boundaries.get(i);
        double len = boundaries.get(i + 1) - start;
        currentStep.set(i);
        stepProgress.set(len <= 0 ? 1 : Math.max(0, Math.min(1, (p - start) / len)));
    }

    public DoubleProperty positionProperty() { return position; }
    public ReadOnlyDoubleProperty totalProperty() { return total.getReadOnlyProperty(); }
    public BooleanProperty playingProperty() { return playing; }
    public DoubleProperty speedProperty() { return speed; }
    /** The step being animated, -1 when there is none. */
    public ReadOnlyIntegerProperty currentStepProperty() { return currentStep.getReadOnlyProperty(); }
    /** How far the token has travelled along the current step, 0 to 1. */
    public ReadOnlyDoubleProperty stepProgressProperty() { return stepProgress.getReadOnlyProperty(); }
    public int currentStep() { return currentStep.get(); }
    public double stepProgress() { return stepProgress.get(); }
}
