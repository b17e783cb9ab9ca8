package dev.roundtrip.ui.inspector;

/** The inspector's tabs, in order. */
public enum InspectorTab { BYTES, BUFFERS, MEMORY, TIMING }
