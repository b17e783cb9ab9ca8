package dev.roundtrip.ui.inspector;

import dev.roundtrip.trace.Stage;

/** A per-stage figure in bytes, or null where it was not measured. */
public record StageAmount(Stage stage, Long bytes) {}
