package dev.roundtrip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
    @Test
    void printsTheServerStagesOfAnOutsideClientsExchange() throws Exception {
        StringWriter text = new StringWriter();
        try (ServeCommand.Serving serving = ServeCommand.Serving.start(0, new PrintWriter(text))) {
            String answer;
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), serving.port())) {
                s.setSoTimeout(5000);
                s.getOutputStream().write("GET /users/4 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            assertThat(answer).startsWith("HTTP/1.1 200 OK").contains("Tim Berners-Lee");
            for (int i = 0; i < 500 && !text.toString().contains("#1 completed"); i++) Thread.sleep(10);
            serving.bus().awaitDelivered(Duration.ofSeconds(5));
        }
        assertThat(text.toString()).contains("on http://127.0.0.1:", "#1 GET /users/4", "parse    begin", "process  progress database",
                "SELECT id, name, email FROM users WHERE id = 4", "respond  end", "#1 completed");
    }
}
