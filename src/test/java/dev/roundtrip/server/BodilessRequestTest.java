package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.lab.Lab;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Header;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A request whose head announces no body is made whole without the aggregator (RequestAggregator), and
 * is recorded with the headers the client sent: the aggregator's own {@code content-length: 0} is not
 * among them. Requests with a body on the same connection, before and after, are aggregated as always.
 */
class BodilessRequestTest {
    @Test
    void aBodilessRequestKeepsItsOwnHeadersAndRequestsWithABodyAroundItKeepTheirs() throws Exception {
        try (Lab lab = Lab.start()) {
            String get = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
            String post = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi";
            String chunked = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nyes\r\n0\r\n\r\n";
            RawHttp.Answer a = RawHttp.send(lab.port(), get + post + get + chunked + get);
            assertThat(a.timedOut()).isFalse();
            assertThat(a.statuses()).containsExactly(200, 200, 200, 200, 200);
            assertThat(a.text()).contains("\r\n\r\nhi").contains("\r\n\r\nyes");
            lab.bus().awaitDelivered(Duration.ofSeconds(5));

            List<Exchange> seen = lab.recording().exchanges();
            assertThat(seen).hasSize(5);
            for (int i : new int[] {0, 2, 4}) {
                assertThat(seen.get(i).request().method()).isEqualTo("GET");
                assertThat(seen.get(i).request().headers()).containsExactly(new Header("Host", "x"));
                assertThat(seen.get(i).request().bodyLength()).isZero();
            }
            assertThat(seen.get(1).request().body()).asString(StandardCharsets.US_ASCII).isEqualTo("hi");
            assertThat(seen.get(1).request().headers()).contains(new Header("Content-Length", "2"));
            assertThat(seen.get(3).request().body()).asString(StandardCharsets.US_ASCII).isEqualTo("yes");
        }
    }
}
