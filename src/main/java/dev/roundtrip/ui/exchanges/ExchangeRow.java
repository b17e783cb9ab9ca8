package dev.roundtrip.ui.exchanges;

import dev.roundtrip.ui.diagram.Severity;
/**
 * One line of the exchange list; {@code protocol} is how it travelled ({@link ExchangeListViewModel#protocol});
 * {@code oneLine} is the request as the narrow (projector) list shows it in one column ("GET /users/1 · HTTP/1.1").
 */
public record ExchangeRow(long id, String method, String target, String status, String time, Severity severity, String protocol,
                          String oneLine) {}
