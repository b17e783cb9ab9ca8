package dev.roundtrip.trace;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a readout is missing, as the first word of its {@code unavailable} text: {@code "sampled: not read
 * at this socket read/write: ..."}. The code is for programs (and the recording file: the field is the
 * same string it always was), the rest of the text for people. Texts of older recordings have no code;
 * {@link #of(String)} then finds none.
 */
public enum Unavailable {
    /** This platform or transport cannot measure it (kernel queues off Linux). */
    PLATFORM,
    /** Measurable, but not measured here to keep the cost down (kernel readouts under load). */
    SAMPLED,
    /** There was no open socket to measure: closed already, or not open yet. */
    CLOSED,
    /** Measured, but still coloured by first-time work in this JVM (class loading, JIT). */
    COLD,
    /** Switched off by an option ({@code --no-kernel}, {@code LabOptions.withKernelReadouts(false)}). */
    OFF,
    /** Read, but the reading cannot be right (an allocation counter that went back): an error of the instrument, not a figure. */
    ERROR;

    /** The code as written: {@code platform}, {@code sampled}, {@code closed}, {@code cold}, {@code off}, {@code error}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code unavailable} text: this code, a colon, then the explanation. */
    public String text(String explanation) {
        return explanation == null || explanation.isEmpty() ? code() : code() + ": " + explanation;
    }

    /** The code an {@code unavailable} text starts with, if any. */
    public static Optional<Unavailable> of(String unavailable) {
        if (unavailable == null) return Optional.empty();
        int colon = unavailable.indexOf(':');
        String head = colon < 0 ? unavailable : unavailable.substring(0, colon);
        for (Unavailable u : values()) if (u.code().equals(head)) return Optional.of(u);
        return Optional.empty();
    }
}
