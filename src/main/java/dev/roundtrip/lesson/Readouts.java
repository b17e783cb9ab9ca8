package dev.roundtrip.lesson;

import dev.roundtrip.queue.QueueSummary;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.DatabaseReadout;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Computes every readout of {@link ReadoutCatalog} from what was measured: the recording (stage
 * events, gate events with their kernel probes), the latest queue run and the latest 40 ms
 * experiment. A readout that was not measured is "not available" with the reason.
 */
final class Readouts {
    private final Recording recording;
    private final LessonState state;
    private final ConnectionReadouts connection;
    private final ProtocolReadouts protocol;
    private final LiveReadouts live;

    Readouts(Recording recording, LessonState state) {
        this.recording = recording;
        this.state = state;
        this.connection = new ConnectionReadouts(recording);
        this.protocol = new ProtocolReadouts(recording, state);
        this.live = new LiveReadouts(state);
    }

    ReadoutValue read(String name) {
        if (ReadoutCatalog.find(name).isEmpty()) throw new IllegalArgumentException("unknown readout " + name);
        if (name.startsWith("queue.")) return queue(name);
        if (name.startsWith("nagle.")) return nagle(name);
        if (name.startsWith("lesson.")) return lesson(name);
        if (ProtocolReadouts.covers(name)) return protocol.read(name);
        if (LiveReadouts.covers(name)) return live.read(name, state.latest().flatMap(recording::exchange).orElse(null));
        Optional<Long> latest = state.latest();
        if (latest.isEmpty()) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.notSent"));
        Optional<Exchange> x = recording.exchange(latest.get());
        if (x.isEmpty()) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.notRecorded", String.valueOf(latest.get())));
        return exchange(name, x.get());
    }

    private ReadoutValue exchange(String name, Exchange x) {
        if (ConnectionReadouts.covers(name)) return connection.read(name, x);
        List<StageEvent> events = x.events();
        switch (name) {
            case "response.status":
                return x.response().map(r -> ReadoutValue.number(name, r.status()))
                        .orElseGet(() -> ReadoutValue.unavailable(name, Phrase.of("lesson.why.noResponse", x.outcome().wireName())));
            case "response.bodyBytes":
                return x.response().map(r -> ReadoutValue.number(name, r.body().length))
                        .orElseGet(() -> ReadoutValue.unavailable(name, Phrase.of("lesson.why.noResponse", x.outcome().wireName())));
            case "exchange.outcome":
                return ReadoutValue.text(name, x.outcome().wireName());
            case "respond.result": {
                boolean failed = events.stream().anyMatch(e -> e.stage() == Stage.RESPOND && e.phase() == Phase.ERROR);
                boolean written = events.stream().anyMatch(e -> e.stage() == Stage.RESPOND && e.phase() == Phase.END);
                return ReadoutValue.text(name, failed ? "failed" : written ? "written" : "none");
            }
            case "exchange.ms":
                return ReadoutValue.number(name, x.durationNanos() / 1e6);
            case "exchange.longestStage":
                return longestStage(name, x, events);
            case "process.sql.count":
                return ReadoutValue.number(name, events.stream().filter(e -> e.sql() != null).count());
            case "process.sql.rows":
                return ReadoutValue.number(name, events.stream().filter(e -> e.sql() != null).mapToLong(e -> e.sql().rows()).sum());
            case "process.sql.ms":
                return ReadoutValue.number(name, events.stream().filter(e -> e.sql() != null).mapToLong(e -> e.sql().nanos()).sum() / 1e6);
            case "process.database.connects":
                return database(name, events, e -> e.database().step() == DatabaseReadout.Step.CONNECT ? 1 : 0);
            case "process.database.reused":
                return database(name, events, e -> e.database().step() == DatabaseReadout.Step.REUSE ? 1 : 0);
            case "process.database.bytes":
                return database(name, events, e -> e.bytes() == null ? 0 : e.bytes().count());
            case "kernel.server.rxQueue":
                return heldQueue(name, x, Stage.PARSE);
            case "kernel.client.rxQueue":
                return heldQueue(name, x, Stage.INTERPRET);
            case "kernel.server.txQueueMax": {
                Optional<Long> max = events.stream().filter(e -> e.stage() == Stage.RESPOND && e.kernel() != null && e.kernel().txQueue() != null)
                        .map(e -> e.kernel().txQueue()).max(Long::compare);
                return max.map(v -> ReadoutValue.number(name, v)).orElseGet(() -> ReadoutValue.unavailable(name, kernelWhy(events, true)));
            }
            case "kernel.server.sndBuf": return socketBuffer(name, events, true, KernelReadout::sndBuf);
            case "kernel.server.rcvBuf": return socketBuffer(name, events, true, KernelReadout::rcvBuf);
            case "kernel.client.sndBuf": return socketBuffer(name, events, false, KernelReadout::sndBuf);
            case "kernel.client.rcvBuf": return socketBuffer(name, events, false, KernelReadout::rcvBuf);
            case "memory.heapUsed":
            case "memory.directUsed": {
                for (int i = events.size() - 1; i >= 0; i--) {
                    var m = events.get(i).memory();
                    if (m != null) return ReadoutValue.number(name, name.endsWith("heapUsed") ? m.heapUsed() : m.directUsed());
                }
                return ReadoutValue.unavailable(name, Phrase.of("lesson.why.noMemory"));
            }
            default:
                return stage(name, x, events);
        }
    }

    /** The stage with the longest begin-to-end; stages that did not both begin and end are left out. */
    /** A sum over the database-socket events of the latest exchange; unavailable when its SQL crossed no socket (embedded). */
    private static ReadoutValue database(String name, List<StageEvent> events, java.util.function.ToLongFunction<StageEvent> each) {
        List<StageEvent> wire = events.stream().filter(e -> e.database() != null).toList();
        if (wire.isEmpty() && events.stream().anyMatch(e -> e.sql() != null)) {
            return ReadoutValue.unavailable(name, Phrase.of("lesson.why.embeddedDatabase"));
        }
        return ReadoutValue.number(name, wire.stream().mapToLong(each).sum());
    }

    private ReadoutValue longestStage(String name, Exchange x, List<StageEvent> events) {
        Stage longest = null;
        double most = -1;
        // the exchange's own five stages: connect and handshake are the connection's cost, which lessons ask about apart
        for (Stage s : Stage.gated()) {
            ReadoutValue ms = stage("stage." + s.wireName() + ".ms", x, events);
            if (ms.available() && ms.number() > most) {
                most = ms.number();
                longest = s;
            }
        }
        return longest == null ? ReadoutValue.unavailable(name, Phrase.of("lesson.why.noWholeStage"))
                : ReadoutValue.text(name, longest.wireName());
    }

    /** stage.NAME.(bytes|reads|writes|ms|allocatedBytes|instrumentAllocatedBytes) */
    private ReadoutValue stage(String name, Exchange x, List<StageEvent> events) {
        String[] parts = name.split("\\.");
        Stage stage = Stage.fromWireName(parts[1]);
        List<StageEvent> of = events.stream().filter(e -> e.stage() == stage).toList();
        switch (parts[2]) {
            case "bytes":
                return ReadoutValue.number(name, of.stream().filter(e -> e.bytes() != null).mapToLong(e -> e.bytes().count()).sum());
            case "reads":
            case "writes":
                return ReadoutValue.number(name, of.stream().filter(e -> e.bytes() != null).count());
            case "ms": {
                Optional<StageEvent> begin = of.stream().filter(e -> e.phase() == Phase.BEGIN).findFirst();
                Optional<StageEvent> end = of.stream().filter(e -> e.phase() == Phase.END || e.phase() == Phase.ERROR).reduce((a, b) -> b);
                if (begin.isEmpty() || end.isEmpty()) {
                    return ReadoutValue.unavailable(name, unfinished(stage, begin.isEmpty()));
                }
                return ReadoutValue.number(name, (end.get().tNanos() - begin.get().tNanos()) / 1e6);
            }
            case "allocatedBytes": {
                Optional<Long> a = of.stream().filter(e -> e.memory() != null && e.memory().allocatedBytes() != null)
                        .map(e -> e.memory().allocatedBytes()).max(Long::compare);
                return a.map(v -> ReadoutValue.number(name, v))
                        .orElseGet(() -> ReadoutValue.unavailable(name, Phrase.of("lesson.why.noAllocation", stage.wireName())));
            }
            case "instrumentAllocatedBytes": {
                Optional<Long> a = of.stream().filter(e -> e.memory() != null && e.memory().instrumentAllocatedBytes() != null)
                        .map(e -> e.memory().instrumentAllocatedBytes()).max(Long::compare);
                return a.map(v -> ReadoutValue.number(name, v))
                        .orElseGet(() -> ReadoutValue.unavailable(name, Phrase.of("lesson.why.noInstrumentCost", stage.wireName())));
            }
            default:
                throw new IllegalStateException("readout without a rule: " + name);
        }
    }

    /** The bytes that waited while held before {@code stage}: the latest probe (HELD or PROBED) of it. */
    private ReadoutValue heldQueue(String name, Exchange x, Stage stage) {
        List<GateEvent> probes = x.gateEvents().stream()
                .filter(g -> g.stage() == stage && g.kernel() != null && g.kind() != GateEvent.Kind.RELEASED).toList();
        if (probes.isEmpty()) {
            return ReadoutValue.unavailable(name, Phrase.of("lesson.why.neverHeld", stage.wireName()));
        }
        KernelReadout k = probes.get(probes.size() - 1).kernel();
        if (k.rxQueue() == null) return ReadoutValue.unavailable(name, k.unavailable() == null ? Phrase.of("lesson.why.kernelUnread") : dev.roundtrip.trace.MissingReadoutWords.reason(k.unavailable()));
        return ReadoutValue.number(name, k.rxQueue());
    }

    private static boolean serverSide(StageEvent e) {
        return e.stage() == Stage.PARSE || e.stage() == Stage.PROCESS || e.stage() == Stage.RESPOND;
    }

    private ReadoutValue socketBuffer(String name, List<StageEvent> events, boolean server, Function<KernelReadout, Integer> field) {
        return events.stream().filter(e -> serverSide(e) == server && e.kernel() != null && field.apply(e.kernel()) != null)
                .map(e -> field.apply(e.kernel())).reduce((a, b) -> b)
                .map(v -> ReadoutValue.number(name, v))
                .orElseGet(() -> ReadoutValue.unavailable(name, kernelWhy(events, server)));
    }

    private static Phrase kernelWhy(List<StageEvent> events, boolean server) {
        return events.stream().filter(e -> serverSide(e) == server && e.kernel() != null && e.kernel().unavailable() != null)
                .map(e -> dev.roundtrip.trace.MissingReadoutWords.reason(e.kernel().unavailable())).findFirst()
                .orElseGet(() -> Phrase.of(server ? "lesson.why.noKernelServer" : "lesson.why.noKernelClient"));
    }

    /** Why a stage's time is missing: it has not begun, or begun and not ended. */
    static Phrase unfinished(Stage stage, boolean notBegun) {
        return Phrase.of(notBegun ? "lesson.why.stageNotBegun" : "lesson.why.stageNotEnded", stage.wireName());
    }

    private ReadoutValue lesson(String name) {
        List<Exchange> xs = state.exchanges().stream().map(recording::exchange).flatMap(Optional::stream).toList();
        switch (name) {
            case "lesson.exchanges":
                return ReadoutValue.number(name, xs.size());
            case "lesson.connections": {
                Set<Long> ids = new HashSet<>();
                for (Exchange x : xs) {
                    x.events().stream().filter(e -> e.stage() == Stage.SEND).findFirst()
                            .ifPresentOrElse(e -> ids.add(e.connectionId()), () -> ids.add(x.connectionId()));
                }
                return ReadoutValue.number(name, ids.size());
            }
            case "lesson.serverThreads": {
                Set<String> threads = new HashSet<>();
                for (Exchange x : xs) {
                    x.events().stream().filter(e -> e.stage() == Stage.PARSE && e.phase() == Phase.BEGIN).forEach(e -> threads.add(e.thread()));
                }
                if (threads.isEmpty()) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.noneParsed"));
                return ReadoutValue.number(name, threads.size());
            }
            case "lesson.processThreads": {
                Set<String> threads = new HashSet<>();
                for (Exchange x : xs) {
                    x.events().stream().filter(e -> e.stage() == Stage.PROCESS && e.phase() == Phase.BEGIN).forEach(e -> threads.add(e.thread()));
                }
                if (threads.isEmpty()) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.noneProcessed"));
                return ReadoutValue.number(name, threads.size());
            }
            case "lesson.maxInProcess":
                return ReadoutValue.number(name, maxOverlap(xs, Stage.PROCESS));
            case "lesson.wireBytes":
                return ReadoutValue.number(name, xs.stream().flatMap(x -> x.events().stream())
                        .filter(e -> (e.stage() == Stage.SEND || e.stage() == Stage.RESPOND) && e.bytes() != null)
                        .mapToLong(e -> e.bytes().count()).sum());
            case "lesson.errors":
                return ReadoutValue.number(name, xs.stream().filter(x -> x.outcome() != Outcome.PENDING)
                        .filter(x -> x.outcome() != Outcome.COMPLETED || x.response().map(r -> r.status() >= 400).orElse(true)).count());
            default:
                throw new IllegalStateException("readout without a rule: " + name);
        }
    }

    /** The most exchanges inside {@code stage} at one moment: a sweep over its begin and end times. */
    private static int maxOverlap(List<Exchange> xs, Stage stage) {
        List<long[]> marks = new java.util.ArrayList<>();
        for (Exchange x : xs) {
            for (StageEvent e : x.events()) {
                if (e.stage() != stage) continue;
                if (e.phase() == Phase.BEGIN) marks.add(new long[] {e.tNanos(), 1});
                else if (e.phase() == Phase.END || e.phase() == Phase.ERROR) marks.add(new long[] {e.tNanos(), -1});
            }
        }
        // at equal times an end comes before a begin: touching intervals do not overlap
        marks.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int now = 0;
        int max = 0;
        for (long[] m : marks) {
            now += (int) m[1];
            max = Math.max(max, now);
        }
        return max;
    }

    private ReadoutValue queue(String name) {
        if (state.queue().isEmpty()) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.noQueue"));
        QueueSummary s = state.queue().get().summary();
        switch (name) {
            case "queue.jobs": return ReadoutValue.number(name, s.jobsDone());
            case "queue.consumersUsed": return ReadoutValue.number(name, s.consumersUsed());
            case "queue.maxDepth": return ReadoutValue.number(name, s.maxDepth());
            case "queue.maxWaitMs": return ReadoutValue.number(name, s.maxWaitNanos() / 1e6);
            case "queue.totalMs": return ReadoutValue.number(name, s.totalNanos() / 1e6);
            default: throw new IllegalStateException("readout without a rule: " + name);
        }
    }

    private ReadoutValue nagle(String name) {
        if (state.nagle().isEmpty()) return ReadoutValue.unavailable(name, Phrase.of("lesson.why.noNagle"));
        NagleExperiment.Result r = state.nagle().get();
        switch (name) {
            case "nagle.nodelayOff.ms": return ReadoutValue.number(name, r.nodelayOff().medianMillis());
            case "nagle.nodelayOn.ms": return ReadoutValue.number(name, r.nodelayOn().medianMillis());
            case "nagle.savedMs": return ReadoutValue.number(name, r.savedMillis());
            case "nagle.slower": return ReadoutValue.text(name, r.slower());
            default: throw new IllegalStateException("readout without a rule: " + name);
        }
    }
}
