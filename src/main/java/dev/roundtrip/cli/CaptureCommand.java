package dev.roundtrip.cli;

import dev.roundtrip.capture.CaptureOptions;
import dev.roundtrip.capture.CaptureProxy;
import dev.roundtrip.capture.Target;
import dev.roundtrip.record.Recording;
import dev.roundtrip.record.RecordingFiles;
import dev.roundtrip.text.Printable;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capture}: Roundtrip between any client and any server on this machine, every hop traced and recorded. */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = {"Puts Roundtrip between a client (curl, a browser) and a server of your own, traces both hops and records them.",
                "Reverse proxy:  roundtrip capture --listen 8081 --to http://127.0.0.1:5000   then  curl http://127.0.0.1:8081/",
                "Forward proxy:  roundtrip capture --forward --listen 8888                    then  curl -x http://127.0.0.1:8888 http://127.0.0.1:5000/",
                "Runs until Ctrl-C (or --count exchanges) and then saves --out FILE, which replay and export read."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped (Ctrl-C or --count reached), recording saved", "1:cannot listen, or cannot save --out", "2:bad option"})
public final class CaptureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "PORT", defaultValue = "8081", description = "port to accept clients on, 0 for any free one (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--to", paramLabel = "URL", description = "the server to forward to, e.g. http://127.0.0.1:5000 (reverse proxy)")
    String to;

    @Option(names = "--forward", description = "be a forward proxy instead: clients name the server (curl -x, a browser's proxy setting); https CONNECT tunnels pass through unread")
    boolean forward;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "accept clients on this address instead of 127.0.0.1; other machines can then reach the proxy (a warning says so)")
    InetAddress bind;

    @Option(names = "--allow-remote-target", description = "allow servers on other machines (by default only this machine's are reached); a warning says so")
    boolean remoteTargets;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "wait this long to connect to the server and then for its first response byte; then answer 504 (default ${DEFAULT-VALUE}; decimals allowed)")
    double timeoutSeconds;

    @Option(names = "--out", paramLabel = "FILE", description = "save the recording here when capture stops (*.roundtrip.json; *.har for HAR with both hops)")
    Path out;

    @Option(names = "--count", paramLabel = "N", description = "stop after N exchanges have ended")
    Integer count;

    @Option(names = "--quiet", description = "print one line per exchange instead of every stage")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter talk = spec.commandLine().getOut();
        CaptureOptions options;
        try {
            options = options(err);
        } catch (IllegalArgumentException e) {
            err.println("capture: " + Printable.escape(e.getMessage()));
            return 2;
        }
        CaptureProxy proxy;
        try {
            proxy = CaptureProxy.start(options);
        } catch (java.io.IOException e) {
            err.println("capture: " + Printable.escape(e.getMessage()) + "; choose another with --listen PORT, or --listen 0 for any free one");
            return 1;
        }
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger ended = new AtomicInteger();
        proxy.bus().subscribe(e -> {
            if (quiet) {
                if (e instanceof dev.roundtrip.trace.ExchangeEnded end) {
                    talk.println(Printable.escape(String.format(Locale.ROOT, "#%d %s: %s", end.exchangeId(), end.outcome().wireName(), end.detail())));
                    talk.flush();
                }
            } else {
                ServeCommand.print(e, talk);
            }
            if (e instanceof dev.roundtrip.trace.ExchangeEnded && count != null && ended.incrementAndGet() >= count) done.countDown();
        });
        String where = host(proxy.address().getAddress()) + ":" + proxy.port();
        talk.println(options.isForward()
                ? "Roundtrip capture: forward proxy on http://" + where + "/  (e.g. curl -x http://" + where + " http://127.0.0.1:5000/)"
                : "Roundtrip capture: http://" + where + "/ -> " + options.target().describe() + "  (e.g. curl http://" + where + "/)");
        talk.println(count == null ? "Ctrl-C stops it" + (out == null ? "." : " and saves " + out + ".") : "Stops after " + count + " exchange" + (count == 1 ? "" : "s") + ".");
        talk.flush();
        int[] code = {0};
        Thread hook = new Thread(() -> {
            code[0] = stop(proxy, err, talk);
            done.countDown();
        }, "roundtrip-capture-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        done.await();
        if (count != null) {
            Runtime.getRuntime().removeShutdownHook(hook);
            return stop(proxy, err, talk);
        }
        return code[0];
    }

    private CaptureOptions options(PrintWriter err) {
        if (forward == (to != null)) throw new IllegalArgumentException("give either --to URL (reverse proxy) or --forward (forward proxy)");
        if (count != null && count < 1) throw new IllegalArgumentException("--count must be at least 1, was " + count);
        if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) throw new IllegalArgumentException("--timeout must be > 0 and at most 3600 seconds, was " + timeoutSeconds);
        Target target = to == null ? null : Target.parse(to);
        InetAddress listen = bind == null ? InetAddress.getLoopbackAddress() : bind;
        boolean exposed = !listen.isLoopbackAddress();
        if (exposed) {
            err.println("WARNING: capture --bind " + listen.getHostAddress() + ": other machines on the network can reach this proxy and,"
                    + " through it, " + (target == null ? "whatever it may forward to" : target.describe())
                    + ". Every request is printed and recorded here. Use it only on a network you trust.");
        }
        if (remoteTargets) {
            err.println("WARNING: capture --allow-remote-target: requests may go to other machines; what they send back is recorded here."
                    + " https is never intercepted.");
        }
        err.flush();
        return new CaptureOptions(listen, port, target, exposed, remoteTargets, Duration.ofMillis(Math.round(timeoutSeconds * 1000)),
                CaptureOptions.DEFAULT_KEPT_BYTES);
    }

    private int stop(CaptureProxy proxy, PrintWriter err, PrintWriter talk) {
        proxy.close();
        Recording r = proxy.recording();
        if (out == null) return 0;
        try {
            if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".har")) RecordingFiles.saveHar(r, r.exchanges(), out);
            else RecordingFiles.save(r, out);
        } catch (java.io.IOException e) {
            err.println("capture: cannot save " + out + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        talk.println("saved " + CliSupport.exchanges(r.exchanges().size()) + " to " + out
                + "  (roundtrip replay " + out + ", roundtrip export " + out + " --to har|mermaid|png)");
        talk.flush();
        return 0;
    }

    private static String host(InetAddress a) {
        String h = a.getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }
}
