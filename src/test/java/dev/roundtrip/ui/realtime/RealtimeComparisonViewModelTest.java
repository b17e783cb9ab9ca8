package dev.roundtrip.ui.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.lab.Lab;
import dev.roundtrip.lab.RealtimeComparison;
import dev.roundtrip.lab.RealtimeComparison.Way;
import dev.roundtrip.text.Texts;
import dev.roundtrip.ui.realtime.RealtimeComparisonViewModel.Bar;
import dev.roundtrip.ui.realtime.RealtimeComparisonViewModel.Metric;
import dev.roundtrip.ui.realtime.RealtimeComparisonViewModel.Section;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The comparison's view model on a real lab, without controls: what the bars and their figures say. */
class RealtimeComparisonViewModelTest {
    private static Lab lab;
    /** Changes the worker hands to "the FX thread": the test runs them, as Platform.runLater would. */
    private final BlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();

    @BeforeAll
    static void startLab() throws Exception {
        lab = Lab.start();
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    private void settle(RealtimeComparisonViewModel vm) throws InterruptedException {
        for (int i = 0; i < 100 && vm.runningProperty().get(); i++) {
            Runnable r = fx.poll(1, TimeUnit.SECONDS);
            if (r != null) r.run();
        }
        assertThat(vm.runningProperty().get()).as("the run ended").isFalse();
    }

    private static Section section(RealtimeComparisonViewModel vm, Metric m) {
        return vm.sections().stream().filter(s -> s.metric() == m).findFirst().orElseThrow();
    }

    private static Bar bar(Section s, Way w) {
        return s.bars().stream().filter(b -> b.way() == w).findFirst().orElseThrow();
    }

    @Test
    void aRealRunDrawsFourWaysPerMetricWithTheirFiguresAndTheLongestBarFull() throws Exception {
        Texts.use(Locale.ENGLISH);
        RealtimeComparisonViewModel vm = new RealtimeComparisonViewModel(
                n -> RealtimeComparison.run(lab, n, Duration.ofMillis(60), Duration.ofMillis(30)), fx::add);
        vm.updatesProperty().set(3);
        vm.run();
        assertThat(vm.runningProperty().get()).isTrue();
        settle(vm);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.sections()).extracting(Section::metric).containsExactly(Metric.values());
        RealtimeComparison.Result r = vm.resultProperty().get();
        assertThat(r.updates()).isEqualTo(3);
        for (Section s : vm.sections()) {
            assertThat(s.bars()).extracting(Bar::way).containsExactly(Way.values());
            assertThat(s.explanation()).isNotBlank();
            double longest = s.bars().stream().mapToDouble(Bar::fraction).max().orElseThrow();
            assertThat(s.bars()).allSatisfy(b -> assertThat(b.fraction()).isBetween(0.0, 1.0));
            assertThat(longest).as(s.title()).isIn(0.0, 1.0);
        }
        Section requests = section(vm, Metric.REQUESTS);
        assertThat(bar(requests, Way.SSE).figure()).isEqualTo("1 request");
        assertThat(bar(requests, Way.WEBSOCKET).figure()).isEqualTo("1 request");
        RealtimeComparison.Row polling = r.rows().get(0);
        assertThat(polling.way()).isEqualTo(Way.POLLING);
        assertThat(bar(requests, Way.POLLING).figure()).isEqualTo(polling.requests() + (polling.requests() == 1 ? " request" : " requests"));
        // how many polls 3 updates take depends on the machine's pace; the bars are in proportion to the counts either way
        int most = r.rows().stream().mapToInt(RealtimeComparison.Row::requests).max().orElseThrow();
        for (RealtimeComparison.Row row : r.rows()) {
            assertThat(bar(requests, row.way()).fraction()).as(row.way().name()).isEqualTo((double) row.requests() / most);
        }
        for (RealtimeComparison.Row row : r.rows()) {
            assertThat(row.bytesUp()).as(row.way().name()).isPositive();
            assertThat(row.bytesDown()).as(row.way().name()).isPositive();
            assertThat(row.maxDelayNanos()).isGreaterThanOrEqualTo(row.medianDelayNanos());
            assertThat(bar(section(vm, Metric.BYTES), row.way()).figure())
                    .startsWith(String.format(Locale.ENGLISH, "%,d B (sent %,d B, received %,d B)",
                            row.bytesUp() + row.bytesDown(), row.bytesUp(), row.bytesDown()));
            assertThat(bar(section(vm, Metric.MEDIAN_DELAY), row.way()).figure()).matches("[0-9,]+\\.[0-9] ms");
        }
        assertThat(vm.statusProperty().get()).isEqualTo("Done: the same 3 updates delivered four ways.");

        Texts.use(Locale.GERMAN);
        vm.relabel();
        assertThat(bar(section(vm, Metric.REQUESTS), Way.SSE).figure()).isEqualTo("1 Anfrage");
        assertThat(section(vm, Metric.BYTES).title()).isEqualTo("Bytes auf der Leitung");
        assertThat(bar(section(vm, Metric.MEDIAN_DELAY), Way.SSE).figure()).matches("[0-9.]+,[0-9] ms");
    }

    @Test
    void aFailedRunSaysWhyAndDrawsNothing() throws Exception {
        Texts.use(Locale.ENGLISH);
        RealtimeComparisonViewModel vm = new RealtimeComparisonViewModel(
                RealtimeComparisonViewModel.on(java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("no server here"))), fx::add);
        vm.run();
        settle(vm);
        assertThat(vm.errorProperty().get()).isEqualTo("The comparison could not run: no server here");
        assertThat(vm.statusProperty().get()).isEqualTo("The run failed.");
        assertThat(vm.sections()).isEmpty();
    }

    @Test
    void cancelStopsTheRunAndDrawsNothing() throws Exception {
        Texts.use(Locale.ENGLISH);
        CountDownLatch started = new CountDownLatch(1);
        RealtimeComparisonViewModel vm = new RealtimeComparisonViewModel(n -> {
            started.countDown();
            return RealtimeComparison.run(lab, n, Duration.ofSeconds(2), Duration.ofMillis(100)); // 100 updates would take minutes
        }, fx::add);
        vm.updatesProperty().set(100);
        vm.run();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        vm.cancel();
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelling…");
        settle(vm);
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelled. Nothing was measured.");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.sections()).isEmpty();
    }

    @Test
    void theNumberOfUpdatesIsKeptWithinItsBounds() throws Exception {
        RealtimeComparisonViewModel vm = new RealtimeComparisonViewModel(
                RealtimeComparisonViewModel.on(java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("x"))), fx::add);
        assertThat(vm.updatesProperty().get()).isEqualTo(RealtimeComparisonViewModel.DEFAULT_UPDATES);
        vm.updatesProperty().set(0);
        vm.run();
        assertThat(vm.updatesProperty().get()).isEqualTo(1);
        settle(vm);
        vm.updatesProperty().set(5000);
        vm.run();
        assertThat(vm.updatesProperty().get()).isEqualTo(RealtimeComparisonViewModel.MAX_UPDATES);
        settle(vm);
    }
}
