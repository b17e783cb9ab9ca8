package dev.roundtrip.cli;

import dev.roundtrip.client.ExchangeHandle;
import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.gate.GateMode;
import dev.roundtrip.gate.Hold;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.record.RecordingJson;
import dev.roundtrip.text.ByteEscapes;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.StageEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trace}: one exchange against the embedded server (or, with {@code --http2 --parallel N}, N streams at once), printed as a timeline or as JSON. */
@Command(name = "trace", mixinStandardHelpOptions = true)
public final class TraceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "METHOD", descriptionKey = "method")
    String method;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TARGET", descriptionKey = "target")
    String target;

    @Option(names = "--header", paramLabel = "NAME:VALUE")
    List<String> headers = new ArrayList<>();

    @Option(names = "--body", paramLabel = "TEXT")
    String body;

    @Option(names = "--raw", paramLabel = "TEXT")
    String raw;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--tls")
    boolean tls;

    @Option(names = "--http2")
    boolean http2;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1")
    int parallel;

    static final int MAX_PARALLEL = 100;

    @Option(names = "--step")
    boolean step;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0")
    int warmup;

    @Option(names = "--no-kernel")
    boolean noKernel;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        RequestSpec request = request();
        PrintWriter out = spec.commandLine().getOut();
        // With --json, stdout carries JSON only: everything else goes to stderr.
        PrintWriter talk = json ? spec.commandLine().getErr() : out;
        if (warmup < 0) throw new ParameterException(spec.commandLine(), CliTexts.T.get("trace.warmupNegative"));
        if (warmup > 0) warmUp(request, warmup);
        try (Lab lab = Lab.start(dev.roundtrip.lab.LabOptions.defaults().withKernelReadouts(!noKernel))) {
            if (step) lab.gates().setMode(GateMode.STEP);
            List<ExchangeHandle> hs = new ArrayList<>();
            for (int i = 0; i < parallel; i++) hs.add(http2 ? lab.sendHttp2(request) : lab.send(request));
            List<Exchange> xs = new ArrayList<>();
            for (ExchangeHandle h : hs) {
                CompletableFuture<Exchange> settled = lab.settled(h.exchangeId());
                if (step) stepThrough(lab, h.exchangeId(), settled, talk);
                try {
                    xs.add(settled.get(timeoutSeconds + 10L, TimeUnit.SECONDS));
                } catch (TimeoutException e) {
                    spec.commandLine().getErr().println(CliTexts.T.get("trace.notSettled"));
                    lab.bus().awaitDelivered(Duration.ofSeconds(2));
                    xs.add(lab.recording().exchange(h.exchangeId()).orElseThrow());
                }
            }
            if (json) {
                java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
                RecordingJson.write(lab.recording(), buf);
                out.println(buf.toString(StandardCharsets.UTF_8));
                out.flush();
            } else {
                for (Exchange x : xs) Timeline.print(x, out);
            }
            return xs.stream().allMatch(x -> x.response().isPresent()) ? 0 : 1;
        }
    }

    /** Same request, same code paths, another lab: the JIT and class loading are done before the traced run. */
    private void warmUp(RequestSpec request, int times) throws Exception {
        try (Lab throwaway = Lab.start(dev.roundtrip.lab.LabOptions.defaults().withKernelReadouts(!noKernel))) {
            for (int i = 0; i < times; i++) {
                long id = (http2 ? throwaway.sendHttp2(request) : throwaway.send(request)).exchangeId();
                throwaway.settled(id).get(timeoutSeconds + 10L, TimeUnit.SECONDS);
            }
        }
    }

    private RequestSpec request() {
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw new ParameterException(spec.commandLine(), CliTexts.T.get("trace.parallelRange", MAX_PARALLEL));
        }
        if (parallel > 1 && !http2) throw new ParameterException(spec.commandLine(), CliTexts.T.get("trace.parallelNeedsHttp2"));
        if (parallel > 1 && step) throw new ParameterException(spec.commandLine(), CliTexts.T.get("trace.stepOneStream"));
        if (http2 && raw != null) throw new ParameterException(spec.commandLine(), CliTexts.T.get("trace.http2Raw"));
        return requestAsGiven().withTls(tls);
    }

    private RequestSpec requestAsGiven() {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        if (timeoutSeconds <= 0) throw new ParameterException(spec.commandLine(), CliTexts.T.get("trace.timeoutTooShort"));
        if (raw != null) {
            if (method != null || body != null || !headers.isEmpty()) {
                throw new ParameterException(spec.commandLine(), CliTexts.T.get("trace.rawAlone"));
            }
            try {
                return RequestSpec.raw(ByteEscapes.parse(raw)).withTimeout(timeout);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--raw: " + e.getMessage());
            }
        }
        if (method == null || target == null) {
            throw new ParameterException(spec.commandLine(), CliTexts.T.get("trace.needsRequest"));
        }
        List<Header> hs = new ArrayList<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) throw new ParameterException(spec.commandLine(), CliTexts.T.get("trace.badHeader", h));
            hs.add(new Header(h.substring(0, colon).trim(), h.substring(colon + 1).trim()));
        }
        byte[] b = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return new RequestSpec(method.toUpperCase(java.util.Locale.ROOT), target, hs, b, null, true, timeout);
    }

    /** Main thread: wait for each hold, show the readouts so far and the waiting socket, wait for Enter. */
    private static void stepThrough(Lab lab, long id, CompletableFuture<Exchange> settled, PrintWriter talk) throws IOException, InterruptedException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, java.nio.charset.Charset.defaultCharset()));
        int shown = 0;
        while (!settled.isDone()) {
            Optional<Hold> hold = lab.gates().held().stream().filter(x -> x.exchangeId() == id).findFirst();
            if (hold.isEmpty()) {
                try {
                    settled.get(5, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.ExecutionException | TimeoutException ignored) {
                    // keep waiting for the next hold
                }
                continue;
            }
            lab.bus().awaitDelivered(Duration.ofSeconds(1));
            Optional<Exchange> x = lab.recording().exchange(id);
            if (x.isPresent()) {
                List<StageEvent> events = x.get().events();
                for (; shown < events.size(); shown++) Timeline.printEvent(x.get(), events.get(shown), talk);
            }
            Optional<KernelReadout> k = lab.probe(id);
            talk.println("== " + CliTexts.T.get("trace.held", hold.get().stage().wireName())
                    + k.map(r -> ": " + CliTexts.T.get("trace.socket", Timeline.kernel(r))).orElse(""));
            talk.print("   " + CliTexts.T.get("trace.pressEnter") + " ");
            talk.flush();
            String line = in.readLine();
            talk.println();
            if (line == null) { // end of input: let everything go
                lab.gates().setMode(GateMode.RUN);
                return;
            }
            lab.gates().release(id);
        }
    }
}
