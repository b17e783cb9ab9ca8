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
        return run(port, path, connections, seconds, null);
    }

    /**
     * Exactly {@code requests} responses (a Lua script stops wrk's thread there), then wrk is told
     * to report (SIGINT) once {@code served} says the server has answered them all; wrk itself
     * would otherwise sleep out its whole duration.
     */
    static Result runRequests(int port, String path, int connections, long requests, java.util.function.LongSupplier served)
            throws IOException, InterruptedException {
        java.nio.file.Path script = java.nio.file.Files.createTempFile("roundtrip-wrk", ".lua");
        java.nio.file.Files.writeString(script, "local n = 0\nfunction response(status, headers, body)\n  n = n + 1\n"
                + "  if n >= " + requests + " then wrk.thread:stop() end\nend\n");
        try {
            return run(port, path, connections, 3600, script, () -> served.getAsLong() >= requests);
        } finally {
            java.nio.file.Files.deleteIfExists(script);
        }
    }

    private static Result run(int port, String path, int connections, int seconds, java.nio.file.Path script)
            throws IOException, InterruptedException {
        return run(port, path, connections, seconds, script, null);
    }

    private static Result run(int port, String path, int connections, int seconds, java.nio.file.Path script,
                              java.util.function.BooleanSupplier done) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s"));
        if (script != null) cmd.addAll(List.of("-s", script.toString()));
        cmd.add("http://127.0.0.1:" + port + path);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        java.util.concurrent.CompletableFuture<byte[]> output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (done != null) {
            while (p.isAlive() && !done.getAsBoolean()) Thread.sleep(20);
            Thread.sleep(200);
            new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
        }
        p.waitFor();
        String out = new String(output.join(), StandardCharsets.UTF_8);
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
