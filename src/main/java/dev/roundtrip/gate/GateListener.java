package dev.roundtrip.gate;

/** Told when an exchange is held or released; called on the thread that held or released it. */
public interface GateListener {
    void onHeld(Hold hold);

    void onReleased(Hold hold);
}
