package dev.roundtrip.ui.recordings;

import dev.roundtrip.capture.CaptureOptions;
import dev.roundtrip.capture.Target;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Capture… dialog: which server of the user's own to put Roundtrip in front of, and on which port
 * clients reach it. Loopback only, as on the command line without --bind and --allow-remote-target.
 */
public final class CaptureViewModel {
    private final StringProperty target = new SimpleStringProperty("http://127.0.0.1:5000");
    private final StringProperty port = new SimpleStringProperty("8081");
    private final StringProperty error = new SimpleStringProperty("");

    public StringProperty targetProperty() { return target; }
    public StringProperty portProperty() { return port; }
    /** Why the fields cannot be used, in a sentence; "" when they can. */
    public StringProperty errorProperty() { return error; }

    /** The options the fields describe, or empty with {@link #errorProperty()} saying what is wrong. */
    public Optional<CaptureOptions> options() {
        int p;
        try {
            p = Integer.parseInt(port.get().trim());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 0 || p > 65535) return fail(SessionViewModel.T.get("capture.badPort", port.get().trim()));
        try {
            CaptureOptions o = CaptureOptions.reverse(p, Target.parse(target.get()));
            error.set("");
            return Optional.of(o);
        } catch (IllegalArgumentException e) { // a Target.Refused says it in the language in use
            String m = e.getLocalizedMessage();
            // a sentence begins with a capital, but an address the user typed stays as typed
            String begun = m.startsWith(target.get().trim()) ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1);
            return fail(begun + (m.endsWith(".") ? "" : "."));
        }
    }

    /** The session's name: "Capture 127.0.0.1:5000". */
    public static String sessionName(CaptureOptions o) {
        return SessionViewModel.T.get("capture.session", o.target().describe());
    }

    private Optional<CaptureOptions> fail(String why) {
        error.set(why);
        return Optional.empty();
    }
}
