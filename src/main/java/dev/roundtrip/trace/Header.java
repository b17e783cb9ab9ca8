package dev.roundtrip.trace;

/** One HTTP header line, in the order and spelling it had. */
public record Header(String name, String value) {}
