package dev.roundtrip.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** A client of raw bytes, as curl or nc would be: sends, then reads until the proxy closes (or resets). */
final class Raw {
    private Raw() {}

    record Answer(String text, boolean reset) {
        String head() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }

        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }

    static Answer send(int port, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return readAll(s.getInputStream());
        }
    }

    static Answer readAll(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] b = new byte[8192];
        boolean reset = false;
        try {
            for (int n; (n = in.read(b)) > 0; ) got.write(b, 0, n);
        } catch (SocketException e) {
            reset = true; // "Connection reset"
        }
        return new Answer(got.toString(StandardCharsets.ISO_8859_1), reset);
    }

    /** The status line and headers, up to the blank line, read byte by byte (the body stays in the stream). */
    static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) break;
            sb.append((char) c);
        }
        return sb.toString();
    }
}
