package dev.roundtrip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.RequestInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServePrinterTest {
    private static final long MS = 1_000_000;
    private final StringWriter text = new StringWriter();
    private final ServePrinter printer = new ServePrinter(new PrintWriter(text));
    private Locale before;

    @BeforeEach
    void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    private void exchange(long id, long atNanos, Outcome outcome) {
        printer.onEvent(new ExchangeStarted(id, 1, atNanos, new RequestInfo("GET", "/n" + id, List.of(), null, null)));
        printer.onEvent(new ExchangeEnded(id, atNanos + MS, outcome, null, "answered"));
    }

    private List<String> lines() {
        return text.toString().lines().toList();
    }

    @Test
    void underLoadTheExchangesBeyondAReadablePaceAreCountedInASummaryASecond() {
        for (int i = 1; i <= 500; i++) exchange(i, i * MS, i % 100 == 0 ? Outcome.FAILED : Outcome.COMPLETED); // 500 in half a second
        printer.tick(1_600 * MS);
        List<String> printedWhole = lines().stream().filter(l -> l.matches("#\\d+ GET /n\\d+ .*")).toList();
        assertThat(printedWhole).hasSizeBetween(ServePrinter.BURST + 4, ServePrinter.BURST + 5); // the burst, then 10 a second for about half a second
        assertThat(lines()).filteredOn(l -> l.startsWith("…")).singleElement().asString()
                .startsWith("… " + (500 - printedWhole.size()) + " more exchanges in ")
                .contains("not printed one by one").contains("completed").contains("5 failed");
        // every exchange is printed or counted, and a printed one has its end printed too
        assertThat(lines()).filteredOn(l -> l.matches("#\\d+ completed: answered|#\\d+ failed: answered")).hasSize(printedWhole.size());
    }

    @Test
    void atAReadablePaceEveryExchangeIsPrintedAndNothingIsSummarised() {
        for (int i = 1; i <= 60; i++) exchange(i, i * 200 * MS, Outcome.COMPLETED); // 5 a second for 12 s
        printer.tick(20_000 * MS);
        assertThat(lines()).filteredOn(l -> l.matches("#\\d+ GET /n\\d+ .*")).hasSize(60);
        assertThat(lines()).noneMatch(l -> l.startsWith("…"));
    }

    @Test
    void whenTheLoadStopsItsLastSummaryIsPrintedByTheTimerAndSlowExchangesArePrintedAgain() {
        for (int i = 1; i <= 200; i++) exchange(i, i * MS / 10, Outcome.COMPLETED); // 200 in 20 ms
        assertThat(lines()).noneMatch(l -> l.startsWith("…")); // not a second yet
        printer.tick(2_000 * MS);
        assertThat(lines()).filteredOn(l -> l.startsWith("…")).singleElement().asString().startsWith("… " + (200 - ServePrinter.BURST) + " more exchanges");
        exchange(1000, 5_000 * MS, Outcome.COMPLETED);
        assertThat(lines().get(lines().size() - 2)).startsWith("#1000 GET /n1000");
    }
}
