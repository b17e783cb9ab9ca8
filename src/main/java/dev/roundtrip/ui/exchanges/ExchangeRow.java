package dev.roundtrip.ui.exchanges;

import dev.roundtrip.ui.diagram.Severity;
/** One line of the exchange list; {@code protocol} is how it travelled ({@link ExchangeListViewModel#protocol}). */
public record ExchangeRow(long id, String method, String target, String status, String time, Severity severity, String protocol) {}
