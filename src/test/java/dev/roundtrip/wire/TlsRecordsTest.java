package dev.roundtrip.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.TlsRecordReadout;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsRecordsTest {
    private static byte[] record(int type, int version, byte... payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(type);
        out.write(version >> 8);
        out.write(version & 0xff);
        out.write(payload.length >> 8);
        out.write(payload.length & 0xff);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    @Test
    void recordsAreNamedAsAnObserverSeesThem() {
        TlsRecords in = new TlsRecords();
        byte[] flight = join(record(22, 0x0303, (byte) 2, (byte) 0, (byte) 0, (byte) 0), record(20, 0x0303, (byte) 1),
                record(23, 0x0303, new byte[40]));
        List<TlsRecordReadout> r = in.feed(flight, 0, flight.length);
        assertThat(r).extracting(TlsRecordReadout::message)
                .containsExactly("ServerHello", "ChangeCipherSpec", "encrypted handshake messages");
        assertThat(r).extracting(TlsRecordReadout::length).containsExactly(4, 1, 40);
        assertThat(r.get(0).versionName()).isEqualTo("TLS 1.2");
        assertThat(r.get(0).wireLength()).isEqualTo(9);
        in.handshakeDone();
        byte[] data = record(23, 0x0303, new byte[3]);
        assertThat(in.feed(data, 0, data.length)).extracting(TlsRecordReadout::message).containsExactly("encrypted application data");
    }

    @Test
    void aRecordSplitAcrossReadsIsReportedOnceWhereItsHeaderEnds() {
        TlsRecords in = new TlsRecords();
        byte[] all = join(record(22, 0x0301, (byte) 1, (byte) 0, (byte) 1, (byte) 0, (byte) 9, (byte) 9), record(21, 0x0303, (byte) 2, (byte) 42));
        List<TlsRecordReadout> seen = new ArrayList<>();
        for (int i = 0; i < all.length; i++) seen.addAll(in.feed(all, i, 1)); // one byte per read
        assertThat(seen).extracting(TlsRecordReadout::message).containsExactly("ClientHello", "alert: bad_certificate");
        assertThat(seen.get(0).versionName()).isEqualTo("TLS 1.0");
    }

    @Test
    void plaintextHttpIsNotTakenForTls() {
        io.netty.buffer.ByteBuf http = io.netty.buffer.Unpooled.copiedBuffer("GET / HTTP/1.1\r\n", java.nio.charset.StandardCharsets.US_ASCII);
        io.netty.buffer.ByteBuf hello = io.netty.buffer.Unpooled.wrappedBuffer(record(22, 0x0301, (byte) 1, (byte) 0));
        assertThat(TlsRecords.looksLikeTls(http)).isFalse();
        assertThat(TlsRecords.looksLikeTls(hello)).isTrue();
    }
}
