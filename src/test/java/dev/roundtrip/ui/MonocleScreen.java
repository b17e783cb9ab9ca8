package dev.roundtrip.ui;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Sets the size of Monocle's headless screen during a test, so that what reads {@code Screen.getPrimary()}
 * (the app's window, the lesson browser) sees a projector. Monocle reads {@code headless.geometry} once
 * per JVM; this swaps its screen and tells JavaFX that the screens changed. Call on the FX thread, and
 * {@link #reset} after the test: a window larger than the screen overflows Monocle's frame buffer.
 */
public final class MonocleScreen {
    private static Rectangle2D original;

    private MonocleScreen() {}

    /** Back to the size the JVM started with. Call on the FX thread. */
    public static void reset() {
        if (original != null) set((int) original.getWidth(), (int) original.getHeight());
    }

    public static void set(int width, int height) {
        if (original == null) original = javafx.stage.Screen.getPrimary().getBounds();
        try {
            Class<?> factory = Class.forName("com.sun.glass.ui.monocle.NativePlatformFactory");
            Method get = factory.getDeclaredMethod("getNativePlatform");
            get.setAccessible(true);
            Object platform = get.invoke(null);
            Class<?> headless = Class.forName("com.sun.glass.ui.monocle.HeadlessScreen");
            Constructor<?> make = headless.getDeclaredConstructor(int.class, int.class, int.class);
            make.setAccessible(true);
            Field screens = Class.forName("com.sun.glass.ui.monocle.NativePlatform").getDeclaredField("screens");
            screens.setAccessible(true);
            screens.set(platform, List.of(make.newInstance(width, height, 32)));
            Method changed = Class.forName("com.sun.glass.ui.Screen").getDeclaredMethod("notifySettingsChanged");
            changed.setAccessible(true);
            changed.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Monocle's headless screen could not be resized", e);
        }
        Rectangle2D now = javafx.stage.Screen.getPrimary().getBounds();
        if (now.getWidth() != width || now.getHeight() != height) {
            throw new IllegalStateException("the screen is " + now + " after asking for " + width + "x" + height);
        }
    }
}
