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
@Command(name = "capture", mixinStandardHelpOptions = true)
public final class CaptureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "PORT", defaultValue = "8081")
    int port;

    @Option(names = "--to", paramLabel = "URL")
    String to;

    @Option(names = "--forward")
    boolean forward;

    @Option(names = "--bind", paramLabel = "ADDRESS")
    InetAddress bind;

    @Option(names = "--allow-remote-target")
    boolean remoteTargets;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30")
    double timeoutSeconds;

    @Option(names = "--out", paramLabel = "FILE")
    Path out;

    @Option(names = "--count", paramLabel = "N")
    Integer count;

    @Option(names = "--quiet")
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
            err.println("capture: " + Printable.escape(e.getLocalizedMessage()) + CliTexts.T.get("capture.portHint"));
            return 1;
        }
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger ended = new AtomicInteger();
        proxy.bus().subscribe(e -> {
            if (quiet) {
                if (e instanceof dev.roundtrip.trace.ExchangeEnded end) {
                    talk.println(Printable.escape(String.format(Locale.ROOT, "#%d %s: %s", end.exchangeId(), end.outcome().wireName(), end.detail(dev.roundtrip.text.Texts.locale()))));
                    talk.flush();
                }
            } else {
                ServeCommand.print(e, talk);
            }
            if (e instanceof dev.roundtrip.trace.ExchangeEnded && count != null && ended.incrementAndGet() >= count) done.countDown();
        });
        String where = host(proxy.address().getAddress()) + ":" + proxy.port();
        talk.println(options.isForward()
                ? CliTexts.T.get("capture.forward", "http://" + where + "/", "curl -x http://" + where + " http://127.0.0.1:5000/")
                : CliTexts.T.get("capture.reverse", "http://" + where + "/", options.target().describe(), "curl http://" + where + "/"));
        talk.println(count != null ? CliTexts.T.get("capture.stopsAfter", count)
                : out == null ? CliTexts.T.get("capture.ctrlC") : CliTexts.T.get("capture.ctrlCSaves", out.toString()));
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
        if (forward == (to != null)) throw new IllegalArgumentException(CliTexts.T.get("capture.eitherOr"));
        if (port < 0 || port > 65535) throw new IllegalArgumentException(CliTexts.T.get("capture.badPort", String.valueOf(port)));
        if (count != null && count < 1) throw new IllegalArgumentException(CliTexts.T.get("capture.badCount", String.valueOf(count)));
        if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) throw new IllegalArgumentException(CliTexts.T.get("capture.badTimeout", String.valueOf(timeoutSeconds)));
        Target target;
        try {
            target = to == null ? null : Target.parse(to);
        } catch (Target.Refused e) {
            throw new IllegalArgumentException(CliTexts.T.get("capture.badTo", e.getLocalizedMessage()), e);
        }
        InetAddress listen = bind == null ? InetAddress.getLoopbackAddress() : bind;
        boolean exposed = !listen.isLoopbackAddress();
        if (exposed) {
            err.println(CliTexts.T.get("capture.exposed", listen.getHostAddress(),
                    target == null ? CliTexts.T.get("capture.anyTarget") : target.describe()));
        }
        if (remoteTargets) {
            err.println(CliTexts.T.get("capture.remote"));
        }
        err.flush();
        try {
            return new CaptureOptions(listen, port, target, exposed, remoteTargets, Duration.ofMillis(Math.round(timeoutSeconds * 1000)),
                    CaptureOptions.DEFAULT_KEPT_BYTES);
        } catch (Target.Refused e) {
            throw new IllegalArgumentException(CliTexts.T.get("capture.remoteRefused", e.getLocalizedMessage()), e);
        }
    }

    private int stop(CaptureProxy proxy, PrintWriter err, PrintWriter talk) {
        proxy.close();
        Recording r = proxy.recording();
        if (out == null) return 0;
        try {
            if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".har")) RecordingFiles.saveHar(r, r.exchanges(), out);
            else RecordingFiles.save(r, out);
        } catch (java.io.IOException e) {
            err.println("capture: " + CliTexts.T.get("cli.cannotSave", out.toString(), String.valueOf(e.getMessage())));
            err.flush();
            return 1;
        }
        talk.println(CliTexts.T.get("capture.saved", CliSupport.exchanges(r.exchanges().size()), out.toString(),
                "roundtrip replay " + out + ", roundtrip export " + out + " --to har|mermaid|png"));
        talk.flush();
        return 0;
    }

    private static String host(InetAddress a) {
        String h = a.getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }
}
