package dev.roundtrip.ui;

import dev.roundtrip.files.RoundtripHome;
import java.nio.file.Path;

/** Points {@code roundtrip.home} at a test's temp dir and puts the previous value back afterwards. */
public final class TempHome {
    private final String old;

    private TempHome(String old) {
        this.old = old;
    }

    public static TempHome use(Path dir) {
        TempHome t = new TempHome(System.getProperty(RoundtripHome.PROPERTY));
        System.setProperty(RoundtripHome.PROPERTY, dir.toString());
        return t;
    }

    public void restore() {
        if (old == null) System.clearProperty(RoundtripHome.PROPERTY);
        else System.setProperty(RoundtripHome.PROPERTY, old);
    }
}
