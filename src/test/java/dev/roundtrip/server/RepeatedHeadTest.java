package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.lab.Lab;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A connection that sends the same head again is not checked again (RequestFraming.passedBefore), and
 * that never lets through what the checks refuse: what the head alone does not say (a chunk-size line,
 * a head that differs by one byte) is judged every time, on both servers.
 */
class RepeatedHeadTest {
    private static final String HEAD = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";

    @ParameterizedTest(name = "traced {0}")
    @ValueSource(booleans = {true, false})
    void theSameHeadWithABadChunkLineIsStillRefused(boolean traced) throws Exception {
        try (Lab lab = Lab.start()) {
            lab.serverSettings().setTraced(traced);
            String good = HEAD + "2\r\nhi\r\n0\r\n\r\n";
            String bad = HEAD + "2;\r\nhi\r\n0\r\n\r\n";
            RawHttp.Answer a = RawHttp.send(lab.port(), (good + good + bad + good).getBytes(StandardCharsets.ISO_8859_1));
            assertThat(a.timedOut()).isFalse();
            assertThat(a.statuses()).containsExactly(200, 200, 400);
            assertThat(a.text()).contains("an empty chunk extension name in the chunk-size line '2;'");
        }
    }

    @ParameterizedTest(name = "traced {0}")
    @ValueSource(booleans = {true, false})
    void aHeadThatDiffersByOneByteFromOneThatPassedIsJudgedOnItsOwn(boolean traced) throws Exception {
        try (Lab lab = Lab.start()) {
            lab.serverSettings().setTraced(traced);
            String good = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
            String twoHosts = "GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n";
            RawHttp.Answer a = RawHttp.send(lab.port(), (good + good + twoHosts).getBytes(StandardCharsets.ISO_8859_1));
            assertThat(a.timedOut()).isFalse();
            assertThat(a.statuses()).containsExactly(200, 200, 400);
        }
    }
}
