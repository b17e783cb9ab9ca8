package dev.roundtrip.ui.inspector;

/** Memory after one exchange, for the chart over recent exchanges. */
public record MemoryPoint(long exchangeId, double heapMiB, double allocatedKiB) {}
