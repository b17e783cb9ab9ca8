package dev.roundtrip.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Runs test code on the FX thread and waits for a condition there. The bounds only limit how long a
 * failing test hangs; a passing one returns as soon as the condition holds.
 */
public final class FxWait {
    private static final long CALL_SECONDS = 60; // building a whole window on a loaded 2-core CI machine took over 10 s
    private static final long WAIT_SECONDS = 60;

    private FxWait() {}

    /** The value of {@code c} computed on the FX thread. */
    public static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(CALL_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Runs {@code r} on the FX thread and waits for it to finish. */
    public static void fx(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    /** Polls {@code condition} on the FX thread until it holds; fails naming {@code what} otherwise. */
    public static void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting until " + what);
        }
    }
}
