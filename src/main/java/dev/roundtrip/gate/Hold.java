package dev.roundtrip.gate;

import dev.roundtrip.trace.Stage;

/** An exchange waiting before a stage. {@code sequence} orders holds by when they began. */
public record Hold(long exchangeId, Stage stage, long sequence) {}
