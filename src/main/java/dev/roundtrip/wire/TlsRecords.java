package dev.roundtrip.wire;

import dev.roundtrip.trace.TlsRecordReadout;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads TLS record headers out of the bytes one side of a connection sends, as a network observer
 * would: content type, version, length and, where the record is not encrypted, its first message
 * (ClientHello, ServerHello, an alert). Records may be split across socket reads or writes; one
 * instance per direction keeps its place between them.
 */
public final class TlsRecords {
    private final byte[] head = new byte[7]; // the 5-byte header and the first two payload bytes
    private int headKept;
    private int payloadLeft; // payload bytes of the current record not yet seen
    private TlsRecordReadout pending; // the current record, reported once its first payload bytes are seen
    private boolean cipherChanged; // a ChangeCipherSpec went this way (TLS 1.2): later handshake records are encrypted
    private boolean handshakeDone;

    /** The handshake is over: application_data records carry data from now on, not the encrypted handshake. */
    public void handshakeDone() {
        handshakeDone = true;
    }

    /** The records that begin in these bytes (a record whose header is split is reported with the piece that ends it). */
    public List<TlsRecordReadout> feed(ByteBuf buf) {
        byte[] b = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), b);
        return feed(b, 0, b.length);
    }

    public List<TlsRecordReadout> feed(byte[] b, int offset, int count) {
        List<TlsRecordReadout> out = new ArrayList<>(2);
        int i = offset;
        int end = offset + count;
        while (i < end) {
            if (payloadLeft > 0 && headKept >= 7) { // inside a record's payload: skip it
                int skip = Math.min(payloadLeft, end - i);
                i += skip;
                payloadLeft -= skip;
                if (payloadLeft == 0) headKept = 0;
                continue;
            }
            head[headKept++] = b[i++];
            if (headKept == 5) {
                int length = ((head[3] & 0xff) << 8) | (head[4] & 0xff);
                payloadLeft = length;
                if (length < 2) { // too short for a message type: report it now
                    out.add(describe(length));
                    headKept = length == 0 ? 0 : 5;
                    if (length == 0) continue;
                }
            } else if (headKept > 5) {
                payloadLeft--;
                if (headKept == 7) out.add(describe(((head[3] & 0xff) << 8) | (head[4] & 0xff)));
                if (payloadLeft == 0) headKept = 0;
            }
        }
        return out;
    }

    private TlsRecordReadout describe(int length) {
        int type = head[0] & 0xff;
        int version = ((head[1] & 0xff) << 8) | (head[2] & 0xff);
        String message;
        switch (type) {
            case 20:
                cipherChanged = true;
                message = "ChangeCipherSpec";
                break;
            case 21:
                message = cipherChanged || length < 2 ? "encrypted alert" : "alert: " + alert(head[6] & 0xff);
                break;
            case 22:
                message = cipherChanged ? "encrypted handshake message (Finished)" : handshake(head[5] & 0xff);
                break;
            case 23:
                message = handshakeDone ? "encrypted application data" : "encrypted handshake messages";
                break;
            default:
                message = "not a TLS record";
        }
        return new TlsRecordReadout(type, version, length, message);
    }

    private static String handshake(int type) {
        switch (type) {
            case 1: return "ClientHello";
            case 2: return "ServerHello";
            case 4: return "NewSessionTicket";
            case 8: return "EncryptedExtensions";
            case 11: return "Certificate";
            case 12: return "ServerKeyExchange";
            case 13: return "CertificateRequest";
            case 14: return "ServerHelloDone";
            case 15: return "CertificateVerify";
            case 16: return "ClientKeyExchange";
            case 20: return "Finished";
            default: return "handshake message " + type;
        }
    }

    /** RFC 8446 6.2 (the ones a student meets). */
    static String alert(int description) {
        switch (description) {
            case 0: return "close_notify";
            case 10: return "unexpected_message";
            case 20: return "bad_record_mac";
            case 40: return "handshake_failure";
            case 42: return "bad_certificate";
            case 45: return "certificate_expired";
            case 46: return "certificate_unknown";
            case 48: return "unknown_ca";
            case 70: return "protocol_version";
            case 80: return "internal_error";
            case 109: return "missing_extension";
            case 112: return "unrecognized_name";
            case 120: return "no_application_protocol";
            default: return "alert " + description;
        }
    }

    /** True when these bytes begin like a TLS handshake record (a ClientHello), not like plaintext HTTP. */
    public static boolean looksLikeTls(ByteBuf buf) {
        if (buf.readableBytes() < 3) return false;
        int i = buf.readerIndex();
        int type = buf.getUnsignedByte(i);
        return type >= 20 && type <= 23 && buf.getUnsignedByte(i + 1) == 3;
    }
}
