package dev.roundtrip.bench;

import dev.roundtrip.lab.Lab;
import dev.roundtrip.lab.LabOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/2 throughput, GET / (h2c with prior knowledge), with Debian's h2load: the traced server (every
 * stream an exchange, every frame an event) against Netty's plain h2 hello-world, in the same run,
 * rounds alternating. h2load: 4 connections, 10 streams at once on each. Skipped, saying so, without h2load.
 */
final class H2Throughput {
    private H2Throughput() {}

    record Result(double requestsPerSecond, long succeeded, long failed) {}

    static void main() throws Exception {
        if (!installed()) {
            System.out.println("skipped: h2load is not installed (apt-get install -y nghttp2-client)");
            return;
        }
        int rounds = Integer.getInteger("bench.rounds", 3);
        int requests = Integer.getInteger("bench.h2requests", 20_000);
        List<Double> ratios = new ArrayList<>();
        try (PlainH2 plain = new PlainH2(); Lab lab = Lab.start(LabOptions.defaults())) {
            h2load(plain.port(), requests / 4); // warm both
            h2load(lab.port(), requests / 4);
            for (int r = 1; r <= rounds; r++) {
                Result p = h2load(plain.port(), requests);
                Result t = h2load(lab.port(), requests);
                double ratio = t.requestsPerSecond() / p.requestsPerSecond();
                ratios.add(ratio);
                System.out.printf("round %d: plain Netty h2 %.0f req/s (%d ok, %d failed), traced %.0f req/s (%d ok, %d failed): traced/plain %.3f%n",
                        r, p.requestsPerSecond(), p.succeeded(), p.failed(), t.requestsPerSecond(), t.succeeded(), t.failed(), ratio);
            }
        }
        ratios.sort(Double::compare);
        System.out.printf("median traced/plain: %.3f (the traced server's h2 throughput as a share of the plain one's)%n",
                ratios.get(ratios.size() / 2));
    }

    static boolean installed() {
        try {
            Process p = new ProcessBuilder("h2load", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Result h2load(int port, int requests) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("h2load", "-n", String.valueOf(requests), "-c", "4", "-m", "10",
                "http://127.0.0.1:" + port + "/").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher rps = Pattern.compile("finished in [0-9.]+m?s, ([0-9.]+) req/s").matcher(out);
        Matcher done = Pattern.compile("requests: \\d+ total, \\d+ started, \\d+ done, (\\d+) succeeded, (\\d+) failed").matcher(out);
        if (!rps.find() || !done.find()) throw new IOException("h2load printed no summary:\n" + out);
        return new Result(Double.parseDouble(rps.group(1)), Long.parseLong(done.group(1)), Long.parseLong(done.group(2)));
    }
}
