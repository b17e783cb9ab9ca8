package dev.roundtrip.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Debian's wrk (keep-alive HTTP/1.1 load) against a loopback port and reads its summary. */
final class Wrk {
    record Result(double requestsPerSecond, long requests, long errors, String raw) {}

    private Wrk() {}

    static void requireInstalled() throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        } catch (IOException e) {
            throw new IOException("wrk is not installed: apt-get install -y wrk", e);
        }
    }

    static Result run(int port, String path, int connections, int seconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s",
                "http://127.0.0.1:" + port + path));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        double rps = number(out, "Requests/sec:\\s+([0-9.]+)");
        long requests = (long) number(out, "(\\d+) requests in");
        long errors = (long) number(out, "Non-2xx or 3xx responses: (\\d+)");
        Matcher m = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
        if (m.find()) for (int i = 1; i <= 4; i++) errors += Long.parseLong(m.group(i));
        return new Result(rps, requests, errors, out);
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
