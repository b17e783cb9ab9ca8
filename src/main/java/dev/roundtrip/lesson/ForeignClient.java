package dev.roundtrip.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;

/**
 * A client that is not Roundtrip's, as a student's curl or browser would be: the JDK's
 * HttpURLConnection, so the captured exchange shows a foreign client's own request.
 */
final class ForeignClient {
    private ForeignClient() {}

    /** Sends one request and reads the whole answer (at most 16 MiB of it); "200 OK, 60 body bytes". */
    static dev.roundtrip.trace.Phrase request(InetSocketAddress to, String method, String target, int timeoutMs) throws dev.roundtrip.lesson.LessonRunException {
        String host = to.getAddress().getHostAddress();
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) new URL("http", host.contains(":") ? "[" + host + "]" : host, to.getPort(), target).openConnection(java.net.Proxy.NO_PROXY);
            c.setRequestMethod(method);
            c.setConnectTimeout(timeoutMs);
            c.setReadTimeout(timeoutMs);
            c.setRequestProperty("User-Agent", "roundtrip-lesson (playing your browser)");
            c.setRequestProperty("Connection", "close");
            int status = c.getResponseCode();
            long n = 0;
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                byte[] buf = new byte[8192];
                for (int r; in != null && n < (16 << 20) && (r = in.read(buf)) > 0; ) n += r;
            }
            // the reason phrase is the server's own word ("OK"), as on the wire
            return dev.roundtrip.trace.Phrase.of("lesson.run.foreign", status, c.getResponseMessage() == null ? "" : c.getResponseMessage(), n);
        } catch (IOException e) {
            throw new LessonRunException(dev.roundtrip.trace.Phrase.of("lesson.failed.foreign", String.valueOf(e.getMessage())), e);
        } finally {
            if (c != null) c.disconnect();
        }
    }
}
