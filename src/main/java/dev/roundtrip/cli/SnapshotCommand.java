package dev.roundtrip.cli;

import dev.roundtrip.client.ExchangeHandle;
import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.trace.Header;
import dev.roundtrip.ui.export.PngExport;
import dev.roundtrip.ui.export.Theme;
import dev.roundtrip.ui.export.WindowSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code snapshot}: the real main window rendered headless (JavaFX Monocle, software rendering) to a
 * PNG after running one exchange, so documentation and checks can look at the UI without a display.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true)
public final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE.png")
    Path out;

    @Option(names = "--width", defaultValue = "1600", paramLabel = "W")
    int width;

    @Option(names = "--height", defaultValue = "1000", paramLabel = "H")
    int height;

    @Option(names = "--send", arity = "2", paramLabel = "METHOD TARGET")
    List<String> send;

    @Option(names = "--theme", defaultValue = "light", paramLabel = "THEME")
    String theme;

    @Option(names = "--presenter")
    boolean presenter;

    @Override
    public Integer call() throws Exception {
        if (width < 400 || height < 300 || width > 8000 || height > 8000) {
            throw new ParameterException(spec.commandLine(), CliTexts.T.get("cli.badSize", String.valueOf(width), String.valueOf(height)));
        }
        Theme t;
        try {
            t = Theme.valueOf(theme.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), CliTexts.T.get("cli.badTheme", theme));
        }
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new ParameterException(spec.commandLine(), CliTexts.T.get("cli.notPng", out.toString()));
        }
        boolean startedHere = Headless.configure();
        try (Lab lab = Lab.start()) {
            if (send != null) {
                RequestSpec request = new RequestSpec(send.get(0), send.get(1), List.of(new Header("Accept", "*/*")),
                        new byte[0], null, true, RequestSpec.DEFAULT_TIMEOUT);
                ExchangeHandle h = lab.send(request);
                lab.settled(h.exchangeId()).get(30, TimeUnit.SECONDS);
            }
            WritableImage image = onFxThread(() -> WindowSnapshot.render(lab, t, width, height, presenter));
            PngExport.write(image, out);
            spec.commandLine().getOut().println(CliTexts.T.get("snapshot.wrote", out.toString(), (int) image.getWidth() + "×" + (int) image.getHeight()));
        } finally {
            // a toolkit that was already running belongs to someone else (a test, the app)
            if (startedHere) Platform.exit();
        }
        return 0;
    }

    static <T> T onFxThread(java.util.function.Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                failure.set(e);
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    /** Starts JavaFX without a display: Monocle's headless screen and the software renderer. */
    static final class Headless {
        private static boolean started;

        /** True when this call started the toolkit. */
        static synchronized boolean configure() throws InterruptedException {
            if (started) return false;
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("java.awt.headless", "true");
            java.util.concurrent.CountDownLatch up = new java.util.concurrent.CountDownLatch(1);
            boolean mine = true;
            try {
                Platform.startup(up::countDown);
            } catch (IllegalStateException alreadyRunning) {
                mine = false;
                up.countDown();
            }
            if (!up.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("JavaFX did not start within 30 s");
            started = true;
            return mine;
        }
    }
}
