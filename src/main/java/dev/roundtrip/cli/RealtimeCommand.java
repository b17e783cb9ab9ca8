package dev.roundtrip.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.lab.RealtimeComparison;
import dev.roundtrip.text.Units;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code realtime}: the same N updates from the queue delivered by polling, long polling, Server-Sent
 * Events and a WebSocket through the lab's traced client, and what each way cost: a table, or JSON.
 */
@Command(name = "realtime", mixinStandardHelpOptions = true)
public final class RealtimeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--updates", defaultValue = "10", paramLabel = "N")
    int updates;

    @Option(names = "--every", defaultValue = "200", paramLabel = "MS")
    int everyMillis;

    @Option(names = "--poll-every", defaultValue = "500", paramLabel = "MS")
    int pollEveryMillis;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--tls")
    boolean tls;

    @Override
    public Integer call() throws Exception {
        if (updates < 1 || updates > 1000) throw new ParameterException(spec.commandLine(), CliTexts.T.get("realtime.badUpdates", String.valueOf(updates)));
        if (everyMillis < 1 || everyMillis > 1000) throw new ParameterException(spec.commandLine(), CliTexts.T.get("realtime.badEvery", String.valueOf(everyMillis)));
        if (pollEveryMillis < 1 || pollEveryMillis > 60_000) {
            throw new ParameterException(spec.commandLine(), CliTexts.T.get("realtime.badPollEvery", String.valueOf(pollEveryMillis)));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter talk = json ? spec.commandLine().getErr() : out; // with --json, stdout carries JSON only
        talk.println(CliTexts.T.get("realtime.running", String.valueOf(updates), Units.millis(everyMillis), Units.millis(pollEveryMillis)));
        talk.flush();
        RealtimeComparison.Result r;
        try (Lab lab = Lab.start()) {
            r = RealtimeComparison.run(lab, updates, Duration.ofMillis(everyMillis), Duration.ofMillis(pollEveryMillis), tls);
        }
        if (json) writeJson(r, tls, out);
        else table(r, out);
        out.flush();
        return 0;
    }

    static void table(RealtimeComparison.Result r, PrintWriter out) {
        String row = "%-14s %9s %11s %11s %14s %12s%n";
        out.printf(Locale.ROOT, row, CliTexts.T.get("realtime.col.way"), CliTexts.T.get("realtime.col.requests"),
                CliTexts.T.get("realtime.col.up"), CliTexts.T.get("realtime.col.down"), CliTexts.T.get("realtime.col.median"),
                CliTexts.T.get("realtime.col.max"));
        for (RealtimeComparison.Row w : r.rows()) {
            out.printf(Locale.ROOT, row, CliTexts.T.get("realtime.way." + w.way().wireName()), w.requests(), Units.bytes(w.bytesUp()),
                    Units.bytes(w.bytesDown()), Units.duration(w.medianDelayNanos()), Units.duration(w.maxDelayNanos()));
        }
        out.println(CliTexts.T.get("realtime.explained"));
    }

    static void writeJson(RealtimeComparison.Result r, boolean tls, PrintWriter out) throws java.io.IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", "roundtrip-realtime");
            g.writeNumberField("version", 1);
            g.writeNumberField("updates", r.updates());
            g.writeNumberField("everyMillis", r.every().toMillis());
            g.writeNumberField("pollEveryMillis", r.pollEvery().toMillis());
            g.writeBooleanField("tls", tls);
            g.writeArrayFieldStart("ways");
            for (RealtimeComparison.Row w : r.rows()) {
                g.writeStartObject();
                g.writeStringField("way", w.way().wireName());
                g.writeNumberField("updates", w.updates());
                g.writeNumberField("requests", w.requests());
                g.writeNumberField("bytesUp", w.bytesUp());
                g.writeNumberField("bytesDown", w.bytesDown());
                g.writeNumberField("medianDelayNanos", w.medianDelayNanos());
                g.writeNumberField("maxDelayNanos", w.maxDelayNanos());
                g.writeArrayFieldStart("exchangeIds");
                for (long id : w.exchangeIds()) g.writeNumber(id);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
    }
}
