package dev.roundtrip.ui.recordings;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The notice bar under the toolbar: file work under way (with what it is doing), then a plain note
 * or a failure with its exact reason. Several jobs may run at once; busy lasts until the last ends.
 */
public final class NoticeViewModel {
    /** What the notice bar says: a plain note or a failure. */
    public enum Kind { NONE, INFO, ERROR }

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(Kind.NONE);
    private int running;

    void begin(String text) {
        running++;
        busyText.set(text);
        busy.set(true);
    }

    /** Updates what the running job says, if one is still running (a big file's size). */
    void busyText(String text) {
        if (busy.get()) busyText.set(text);
    }

    void end() {
        running = Math.max(0, running - 1);
        if (running == 0) {
            busy.set(false);
            busyText.set("");
        }
    }

    void info(String text) {
        notice.set(text);
        kind.set(Kind.INFO);
    }

    void error(String text) {
        notice.set(text);
        kind.set(Kind.ERROR);
    }

    public void clear() {
        notice.set("");
        kind.set(Kind.NONE);
    }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty busyTextProperty() { return busyText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Kind> kindProperty() { return kind.getReadOnlyProperty(); }
}
