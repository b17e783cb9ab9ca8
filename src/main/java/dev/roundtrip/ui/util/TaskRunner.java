package dev.roundtrip.ui.util;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Where the UI's background work runs: file and socket I/O never runs on the FX thread. The app uses
 * {@link BackgroundTasks}; view-model tests pass {@link #SAME_THREAD} so that everything happens
 * before the call returns (the idea of JabRef's {@code TaskExecutor} / {@code CurrentThreadTaskExecutor}).
 */
public interface TaskRunner extends Executor {
    /** Runs each task on the caller's thread, at once: for tests. */
    TaskRunner SAME_THREAD = Runnable::run;

    /** Runs {@code work} in the background; its exception (checked ones too) fails the future. */
    default <T> CompletableFuture<T> supply(Callable<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, this);
    }

    /** Runs {@code work} in the background. */
    default CompletableFuture<Void> run(Runnable work) {
        return CompletableFuture.runAsync(work, this);
    }
}
