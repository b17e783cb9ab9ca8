package dev.roundtrip.bench;

import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.ui.shell.MainView;
import dev.roundtrip.ui.shell.MainViewModel;
import dev.roundtrip.ui.shell.ReplayPort;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * One frame of the main window (headless, Monocle, software pipeline): what the animation timer
 * does (view model frame, diagram position) plus the CSS and layout pass of the scene, for a
 * recording of 10,000 exchanges against one of 10 in the same run. Two cases: a replay (the
 * recording does not change) and a live session (a fact arrives every frame, so the view model
 * re-reads the recording). Painting is not included: with the software pipeline it measures the
 * CPU rasteriser, not what a GPU does on a teacher's laptop.
 */
final class FrameCost {
    private static final java.util.logging.Logger CSS_LOG = java.util.logging.Logger.getLogger("javafx.css");

    private FrameCost() {}

    static void main() throws Exception {
        int big = Integer.getInteger("bench.frameExchanges", 10_000);
        CSS_LOG.setLevel(java.util.logging.Level.OFF); // unresolved theme lookups would be logged every frame
        Recording small = Synthetic.withExchanges(10);
        Recording large = Synthetic.withExchanges(big);
        List<Exchange> template = Synthetic.realExchanges();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(20, TimeUnit.SECONDS);
        for (boolean live : new boolean[] {false, true}) {
            double[] s = measure(small, live, template);
            double[] l = measure(large, live, template);
            System.out.printf("%s: 10 exchanges median %.2f ms (p95 %.2f); %d exchanges median %.2f ms (p95 %.2f); ratio %.1fx%n",
                    live ? "live (a fact per frame)" : "replay", s[0], s[1], big, l[0], l[1], l[0] / s[0]);
        }
        Platform.exit();
    }

    /** Median and 95th percentile of the frame work in ms. */
    static double[] measure(Recording rec, boolean live, List<Exchange> template) throws Exception {
        CompletableFuture<double[]> out = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                MainViewModel vm = new MainViewModel(new ReplayPort(rec, "bench"));
                MainView view = MainView.load(vm);
                Stage stage = new Stage();
                Scene scene = view.scene(1280, 800);
                stage.setScene(scene);
                stage.show();
                vm.select(rec.exchanges().get(rec.exchanges().size() - 1).id());
                int frames = 240;
                double[] ms = new double[frames];
                long now = System.nanoTime();
                long nextId = rec.exchanges().size() + 1_000_000L;
                for (int i = 0; i < frames + 60; i++) { // 60 warm-up frames
                    if (live) rec.add(Synthetic.copy(template.get(i % template.size()), nextId++, now));
                    now += 16_666_667L;
                    long t0 = System.nanoTime();
                    view.renderNow(now);
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    double took = (System.nanoTime() - t0) / 1e6;
                    if (i >= 60) ms[i - 60] = took;
                }
                stage.close();
                Arrays.sort(ms);
                out.complete(new double[] {ms[frames / 2], ms[frames * 95 / 100]});
            } catch (Throwable t) {
                out.completeExceptionally(t);
            }
        });
        return out.get(120, TimeUnit.SECONDS);
    }
}
