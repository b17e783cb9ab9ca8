package dev.roundtrip.ui.util;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The app's background threads: each runner is one named daemon thread, so its tasks run in the
 * order they were given (a save never overtakes the open before it; lab actions keep their order).
 * The only place in {@code ui} that makes threads.
 */
public final class BackgroundTasks implements TaskRunner, AutoCloseable {
    private final ExecutorService executor;

    private BackgroundTasks(String threadName) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** One background thread named {@code threadName}, tasks in order. */
    public static BackgroundTasks serial(String threadName) {
        return new BackgroundTasks(threadName);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    /** Lets queued tasks finish (up to {@code seconds}), then stops the thread. */
    public void close(long seconds) {
        executor.shutdown();
        try {
            executor.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(5);
    }
}
