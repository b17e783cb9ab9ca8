package dev.roundtrip.ui;

/** Memory after one exchange, for the chart over recent exchanges. */
public record MemoryPoint(long exchangeId, double heapMiB, double allocatedKiB) {}
