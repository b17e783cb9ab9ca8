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

/** {@code trace}: one exchange against the embedded server, printed as a timeline or as JSON. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Starts the embedded server and client, runs one exchange and prints what happened at each stage.",
                "Examples:  trace GET /users/1    trace --tls GET /users/1    trace POST /echo --body hello    trace --raw 'GET / HTTP/9.9\\r\\n\\r\\n'"})
public final class TraceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "METHOD", description = "GET, POST, ... (not with --raw)")
    String method;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TARGET", description = "the request target, e.g. /users/1")
    String target;

    @Option(names = "--header", paramLabel = "NAME:VALUE", description = "a request header (repeatable)")
    List<String> headers = new ArrayList<>();

    @Option(names = "--body", paramLabel = "TEXT", description = "the request body (UTF-8)")
    String body;

    @Option(names = "--raw", paramLabel = "TEXT", description = "send these bytes exactly; escapes \\r \\n \\t \\0 \\\\ \\xHH, a typed line break is CRLF (none right after \\n); non-ASCII characters are sent as UTF-8")
    String raw;

    @Option(names = "--json", description = "print the recording as JSON (format roundtrip-recording, version 2)")
    boolean json;

    @Option(names = "--tls", description = "https: send it to the server's TLS port (TLS 1.3 or 1.2); the handshake is a stage of its own, the bytes on the wire are ciphertext")
    boolean tls;

    @Option(names = "--step", description = "hold before every stage; Enter lets it go (end of input lets everything go)")
    boolean step;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
            description = "first send this very request N times in a throwaway lab (not recorded), on top of the warm-up "
                    + "every lab runs (-Droundtrip.warmup=0 turns that off)")
    int warmup;

    @Option(names = "--no-kernel", description = "skip the kernel socket readouts (on Linux they cost about 2 µs each through ioctl; where only /proc/net/tcp is available, milliseconds that add to the stage durations)")
    boolean noKernel;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "client timeout in seconds (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        RequestSpec request = request();
        PrintWriter out = spec.commandLine().getOut();
        // With --json, stdout carries JSON only: everything else goes to stderr.
        PrintWriter talk = json ? spec.commandLine().getErr() : out;
        if (warmup < 0) throw new ParameterException(spec.commandLine(), "--warmup must be 0 or more");
        if (warmup > 0) warmUp(request, warmup);
        try (Lab lab = Lab.start(dev.roundtrip.lab.LabOptions.defaults().withKernelReadouts(!noKernel))) {
            if (step) lab.gates().setMode(GateMode.STEP);
            ExchangeHandle h = lab.send(request);
            CompletableFuture<Exchange> settled = lab.settled(h.exchangeId());
            if (step) stepThrough(lab, h.exchangeId(), settled, talk);
            Exchange x;
            try {
                x = settled.get(timeoutSeconds + 10L, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                spec.commandLine().getErr().println("the exchange did not settle in time; printing what was recorded");
                lab.bus().awaitDelivered(Duration.ofSeconds(2));
                x = lab.recording().exchange(h.exchangeId()).orElseThrow();
            }
            if (json) {
                java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
                RecordingJson.write(lab.recording(), buf);
                out.println(buf.toString(StandardCharsets.UTF_8));
                out.flush();
            } else {
                Timeline.print(x, out);
            }
            return x.response().isPresent() ? 0 : 1;
        }
    }

    /** Same request, same code paths, another lab: the JIT and class loading are done before the traced run. */
    private void warmUp(RequestSpec request, int times) throws Exception {
        try (Lab throwaway = Lab.start(dev.roundtrip.lab.LabOptions.defaults().withKernelReadouts(!noKernel))) {
            for (int i = 0; i < times; i++) {
                long id = throwaway.send(request).exchangeId();
                throwaway.settled(id).get(timeoutSeconds + 10L, TimeUnit.SECONDS);
            }
        }
    }

    private RequestSpec request() {
        return requestAsGiven().withTls(tls);
    }

    private RequestSpec requestAsGiven() {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        if (timeoutSeconds <= 0) throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        if (raw != null) {
            if (method != null || body != null || !headers.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--raw sends the bytes as given: leave out METHOD, TARGET, --header and --body");
            }
            try {
                return RequestSpec.raw(ByteEscapes.parse(raw)).withTimeout(timeout);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--raw: " + e.getMessage());
            }
        }
        if (method == null || target == null) {
            throw new ParameterException(spec.commandLine(), "trace needs METHOD and TARGET (e.g. trace GET /users/1), or --raw TEXT");
        }
        List<Header> hs = new ArrayList<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) throw new ParameterException(spec.commandLine(), "--header expects NAME:VALUE, got '" + h + "'");
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
            talk.println("== held before " + hold.get().stage().wireName()
                    + k.map(r -> ": socket " + Timeline.kernel(r)).orElse(""));
            talk.print("   press Enter to let it go ");
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
