package dev.roundtrip.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Raw bytes over a plain socket, and the answers read back: what curl or nc would see. */
final class RawHttp {
    /** No single answer may take longer than this: past it the server is hanging. */
    static final int READ_TIMEOUT_MS = 10_000;

    private RawHttp() {}

    /** What came back, and how the connection ended. */
    record Answer(byte[] bytes, boolean closedByServer, boolean reset, boolean timedOut) {
        String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }

        /** Status codes of the responses in the answer, in order (HEAD answers carry no body). */
        List<Integer> statuses() {
            List<Integer> codes = new ArrayList<>();
            String s = text();
            int at = 0;
            Pattern status = Pattern.compile("HTTP/1\\.[01] (\\d{3}) [^\\r\\n]*\\r\\n");
            while (at < s.length()) {
                Matcher m = status.matcher(s);
                if (!m.find(at) || m.start() != at) break;
                codes.add(Integer.parseInt(m.group(1)));
                int headEnd = s.indexOf("\r\n\r\n", at);
                if (headEnd < 0) break;
                int next = headEnd + 4;
                Matcher len = Pattern.compile("(?i)\\r\\ncontent-length: *(\\d+)").matcher(s.substring(at, headEnd));
                if (len.find() && !s.startsWith("HTTP/1.", next)) next += Integer.parseInt(len.group(1));
                at = next;
            }
            return codes;
        }
    }

    /** Sends, shuts down our side (FIN: nothing more is coming), reads until the server closes. */
    static Answer send(int port, byte[] request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(READ_TIMEOUT_MS);
            try {
                s.getOutputStream().write(request);
                s.getOutputStream().flush();
                s.shutdownOutput();
            } catch (SocketException e) {
                // the server answered and closed before it took everything (a 413 before a long body)
            }
            return readAll(s.getInputStream());
        }
    }

    static Answer send(int port, String request) throws IOException {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Answer readAll(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) got.write(buf, 0, n);
        } catch (SocketTimeoutException e) {
            return new Answer(got.toByteArray(), false, false, true);
        } catch (SocketException e) {
            return new Answer(got.toByteArray(), true, true, false);
        }
        return new Answer(got.toByteArray(), true, false, false);
    }

    /** A plain {@code GET /}: the server still serves. */
    static boolean stillServes(int port) throws IOException {
        Answer a = send(port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        return a.statuses().equals(List.of(200)) && a.text().endsWith("Hello, world!");
    }
}
