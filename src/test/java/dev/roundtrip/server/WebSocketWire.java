package dev.roundtrip.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A WebSocket client written byte by byte, as RFC 6455 says: to see exactly what crosses the socket. */
final class WebSocketWire implements AutoCloseable {
    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    record Frame(boolean fin, int opcode, boolean masked, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }
    }

    final Socket socket;
    final DataInputStream in;
    final OutputStream out;
    final String head;

    private WebSocketWire(Socket s, String head) throws IOException {
        this.socket = s;
        this.in = new DataInputStream(s.getInputStream());
        this.out = s.getOutputStream();
        this.head = head;
    }

    /** Opens a connection and sends {@code request}; reads the response head. */
    static WebSocketWire open(int port, String request) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(RawHttp.READ_TIMEOUT_MS);
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        return new WebSocketWire(s, readHead(s.getInputStream()));
    }

    static String upgrade(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    }

    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            byte[] a = b.toByteArray();
            int n = a.length;
            if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') break;
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /** A frame as a client must send it: masked. */
    void send(int opcode, byte[] payload, boolean mask) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x80 | opcode);
        int m = mask ? 0x80 : 0;
        if (payload.length < 126) f.write(m | payload.length);
        else if (payload.length < 65536) {
            f.write(m | 126);
            f.write(payload.length >> 8);
            f.write(payload.length & 0xff);
        } else {
            f.write(m | 127);
            for (int i = 7; i >= 0; i--) f.write((int) (((long) payload.length >> (8 * i)) & 0xff));
        }
        byte[] key = {1, 2, 3, 4};
        if (mask) f.write(key);
        for (int i = 0; i < payload.length; i++) f.write(mask ? payload[i] ^ key[i % 4] : payload[i]);
        out.write(f.toByteArray());
        out.flush();
    }

    void sendText(String s) throws IOException {
        send(1, s.getBytes(StandardCharsets.UTF_8), true);
    }

    Frame read() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        long len = b1 & 0x7f;
        if (len == 126) len = in.readUnsignedShort();
        else if (len == 127) len = in.readLong();
        boolean masked = (b1 & 0x80) != 0;
        byte[] key = new byte[4];
        if (masked) in.readFully(key);
        byte[] p = new byte[(int) len];
        in.readFully(p);
        if (masked) for (int i = 0; i < p.length; i++) p[i] ^= key[i % 4];
        return new Frame((b0 & 0x80) != 0, b0 & 0x0f, masked, p);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
