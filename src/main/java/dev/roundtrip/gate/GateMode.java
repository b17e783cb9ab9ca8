package dev.roundtrip.gate;

/** How the gates treat exchanges: never hold, hold before every stage, or before chosen stages. */
public enum GateMode { RUN, STEP, BREAKPOINTS }
