package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed requests get a 4xx and a closed connection; the server keeps serving. */
class MalformedRequestTest {
    private static Lab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = Lab.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    /** Plain socket: send, read until the server closes (bounded by the socket timeout). */
    private static String exchange(String raw) throws Exception {
        return exchange(raw, false);
    }

    private static String exchange(String raw, boolean thenShutDownOutput) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), lab.port())) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            if (thenShutDownOutput) s.shutdownOutput();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) >= 0; ) got.write(buf, 0, n);
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static final String[] MALFORMED = {
        "GARBAGE\r\n\r\n",
        "GET /\r\n\r\n",
        "GET / HTTP/9.9\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
        "GET / HTTP/1.1\r\n\r\n",
        "GET nopath HTTP/1.1\r\nHost: x\r\n\r\n",
        "\u0001\u0002\u0003\u00ff\u00fe binary garbage \u0000\r\n\r\n",
        "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(10_000) + "\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: teapot\r\n\r\nhi",
        "GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\n Folded: y\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
    };

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18})
    void isAnswered4xxAndClosedWhileTheServerKeepsServing(int which) throws Exception {
        String answer = exchange(MALFORMED[which]);
        assertThat(answer).as("answer to %.200s", MALFORMED[which]).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
        assertThat(answer).containsIgnoringCase("Connection: close");
        assertThat(exchange("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200 OK").endsWith("Hello, world!");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET / HTTP/1.1\r\nHost: x\r\n", "GET / HTT", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc"})
    void aRequestCutShortByTheClientIsAnswered400(String partial) throws Exception {
        assertThat(exchange(partial, true)).startsWith("HTTP/1.1 400 ").contains("Connection: close");
        assertThat(exchange("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200 OK");
    }

    @Test
    void aRequestLeftHalfSentIsAnswered408() throws Exception {
        try (Lab impatient = Lab.start()) {
            impatient.serverSettings().setOutsideIdleSeconds(1);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), impatient.port())) {
                s.setSoTimeout(5_000);
                s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.ISO_8859_1));
                String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(answer).startsWith("HTTP/1.1 408 Request Timeout").contains("Connection: close");
            }
        }
    }

    @Test
    void aClientThatShutsDownItsSideAfterTheRequestStillGetsTheAnswer() throws Exception {
        String answer = exchange("GET /users/2 HTTP/1.1\r\nHost: x\r\n\r\n", true);
        assertThat(answer).startsWith("HTTP/1.1 200 OK").endsWith("alan@example.org\"}");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 5, 10})
    void fromOurOwnClientTheTraceShowsWhereParsingFailed(int which) throws Exception {
        long id = lab.send(RequestSpec.raw(MALFORMED[which])).exchangeId();
        Exchange x = lab.settled(id).get(10, TimeUnit.SECONDS);
        assertThat(x.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(x.response().orElseThrow().status()).isEqualTo(400);
        StageEvent error = x.events().stream().filter(e -> e.stage() == Stage.PARSE && e.phase() == Phase.ERROR).findFirst().orElseThrow();
        assertThat(error.actor()).isEqualTo(Actor.SERVER);
        assertThat(error.detail()).startsWith("malformed request: ");
        assertThat(x.events()).noneMatch(e -> e.stage() == Stage.PROCESS);
        assertThat(x.events()).anyMatch(e -> e.stage() == Stage.RESPOND && e.phase() == Phase.END);
        assertThat(x.events()).anyMatch(e -> e.stage() == Stage.INTERPRET && e.phase() == Phase.END);
        assertThat(new String(x.response().get().body(), StandardCharsets.UTF_8)).startsWith("Bad Request: ");
    }
}
