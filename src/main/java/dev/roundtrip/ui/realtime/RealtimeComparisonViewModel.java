package dev.roundtrip.ui.realtime;

import dev.roundtrip.lab.RealtimeComparison;
import dev.roundtrip.lab.RealtimeComparison.Row;
import dev.roundtrip.lab.RealtimeComparison.Way;
import dev.roundtrip.text.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The real-time comparison as the window shows it: the student picks how many updates, runs
 * {@link RealtimeComparison} off the FX thread (cancellable), and gets per metric one bar per way,
 * each bar's length a fraction of that metric's largest figure, its figure as text.
 */
public final class RealtimeComparisonViewModel {
    public static final Texts.Bundle T = Texts.of("dev.roundtrip.ui.realtime.Texts");
    public static final int DEFAULT_UPDATES = 10;
    public static final int MIN_UPDATES = 1;
    public static final int MAX_UPDATES = 100;

    /** Runs the comparison for {@code updates} updates, blocking; an interrupt cancels it. */
    @FunctionalInterface
    public interface Comparison {
        RealtimeComparison.Result run(int updates) throws Exception;
    }

    /** The lesson's pace (lessons/19): an update every 300 ms, the poller asks every 100 ms. */
    public static final java.time.Duration EVERY = java.time.Duration.ofMillis(300);
    public static final java.time.Duration POLL_EVERY = java.time.Duration.ofMillis(100);

    /** The comparison on {@code lab} (waiting for it to start), at the lesson's pace. */
    public static Comparison on(java.util.concurrent.CompletableFuture<dev.roundtrip.lab.Lab> lab) {
        return n -> RealtimeComparison.run(lab.get(), n, EVERY, POLL_EVERY);
    }

    public enum Metric {
        REQUESTS(Row::requests), BYTES(r -> r.bytesUp() + r.bytesDown()), MEDIAN_DELAY(Row::medianDelayNanos), MAX_DELAY(Row::maxDelayNanos);

        private final ToLongFunction<Row> value;

        Metric(ToLongFunction<Row> value) {
            this.value = value;
        }

        public long of(Row r) {
            return value.applyAsLong(r);
        }

        public String title() { return T.get("metric." + name() + ".title"); }

        public String explanation() { return T.get("metric." + name() + ".explanation"); }
    }

    /** One way's bar in one metric: {@code fraction} of the longest bar (0..1). */
    public record Bar(Way way, String wayName, double fraction, String figure) {}

    public record Section(Metric metric, String title, String explanation, List<Bar> bars) {}

    private final Comparison comparison;
    private final Consumer<Runnable> fx;
    private final IntegerProperty updates = new SimpleIntegerProperty(DEFAULT_UPDATES);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<RealtimeComparison.Result> result = new SimpleObjectProperty<>();
    private final ObservableList<Section> sections = FXCollections.observableArrayList();
    private String statusKey = "status.ready";
    private Object[] statusArgs = {};
    private Thread worker;
    private volatile boolean cancelled;

    /** @param fx runs a change on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests) */
    public RealtimeComparisonViewModel(Comparison comparison, Consumer<Runnable> fx) {
        this.comparison = comparison;
        this.fx = fx;
        relabel();
    }

    public IntegerProperty updatesProperty() { return updates; }
    public BooleanProperty runningProperty() { return running; }
    public StringProperty statusProperty() { return status; }
    /** Empty, or why the last run failed. */
    public StringProperty errorProperty() { return error; }
    public ObjectProperty<RealtimeComparison.Result> resultProperty() { return result; }
    public ObservableList<Section> sections() { return sections; }

    /** Starts a run unless one runs; its result or error arrives through {@code fx}. */
    public void run() {
        if (running.get()) return;
        int n = Math.max(MIN_UPDATES, Math.min(MAX_UPDATES, updates.get()));
        updates.set(n);
        cancelled = false;
        running.set(true);
        error.set("");
        status("status.running", n);
        worker = new Thread(() -> {
            try {
                RealtimeComparison.Result r = comparison.run(n);
                fx.accept(() -> finished(r));
            } catch (Exception | Error e) {
                fx.accept(() -> failed(e));
            }
        }, "realtime-comparison");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops a run: its open poll or stream is abandoned, nothing is drawn. */
    public void cancel() {
        if (!running.get() || worker == null) return;
        cancelled = true;
        status("status.cancelling");
        worker.interrupt();
    }

    private void finished(RealtimeComparison.Result r) {
        running.set(false);
        if (cancelled) {
            status("status.cancelled");
            return;
        }
        result.set(r);
        status("status.done", r.updates());
        relabel();
    }

    private void failed(Throwable e) {
        running.set(false);
        if (cancelled) {
            status("status.cancelled");
            return;
        }
        Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        error.set(T.get("error", why));
        status("status.failed");
    }

    private void status(String key, Object... args) {
        statusKey = key;
        statusArgs = args;
        status.set(T.get(key, args));
    }

    /** Puts every text into the language in use (after a language switch too). */
    public void relabel() {
        status.set(T.get(statusKey, statusArgs));
        RealtimeComparison.Result r = result.get();
        if (r == null) {
            sections.clear();
            return;
        }
        List<Section> all = new ArrayList<>();
        for (Metric m : Metric.values()) all.add(section(m, r.rows()));
        sections.setAll(all);
    }

    static Section section(Metric m, List<Row> rows) {
        long max = 0;
        for (Row r : rows) max = Math.max(max, m.of(r));
        List<Bar> bars = new ArrayList<>();
        for (Row r : rows) {
            long v = m.of(r);
            bars.add(new Bar(r.way(), wayName(r.way()), max == 0 ? 0 : (double) v / max, figure(m, r)));
        }
        return new Section(m, m.title(), m.explanation(), List.copyOf(bars));
    }

    public static String wayName(Way w) {
        return T.get("way." + w.name());
    }

    static String figure(Metric m, Row r) {
        switch (m) {
            case REQUESTS: return T.get("figure.requests", r.requests());
            case BYTES: return T.get("figure.bytes", r.bytesUp() + r.bytesDown(), r.bytesUp(), r.bytesDown());
            default: return T.get("figure.delay", m.of(r) / 1_000_000.0);
        }
    }
}
