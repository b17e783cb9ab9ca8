package dev.roundtrip.trace;

import java.util.Locale;

/**
 * One measured step of one exchange. Readouts are null where the step has none.
 *
 * @param exchangeId the exchange this step belongs to
 * @param connectionId the TCP connection it used
 * @param tNanos nanoseconds since the recording began ({@link TraceClock})
 * @param thread the name of the thread that ran the step
 * @param detail a short text a student can read ("read 78 bytes", "SELECT … 1 row"), in English; null when
 *               {@code phrase} says it (then {@link #detail()} puts the phrase into English when asked)
 * @param tcp the connection's TCP_INFO (connect stage, stage ends, holds)
 * @param phrase the detail as a message key and its arguments, so the app shows it in its language
 *               ({@link #detail(Locale)}); null for a detail that is only a text (older recordings, HAR)
 * @param extras the readouts few events carry; null when it has none of them
 */
public record StageEvent(
        long exchangeId,
        long connectionId,
        Stage stage,
        Phase phase,
        Actor actor,
        long tNanos,
        String thread,
        String detail,
        BytesReadout bytes,
        BufferReadout buffer,
        KernelReadout kernel,
        MemoryReadout memory,
        TcpReadout tcp,
        Phrase phrase,
        Extras extras)
        implements TraceEvent {

    /**
     * The readouts few events carry, in one object: an HTTP/1.1 exchange's events have none of them, and
     * seven null references in each of its ~14 events were 28 bytes apiece (issue 11's per-event budget).
     *
     * @param sql an SQL call (process stage)
     * @param tlsRecord one TLS record seen on the socket (handshake stage)
     * @param tls what the handshake agreed on (end of the handshake stage)
     * @param plain on TLS: the plaintext the program wrote or read (same shape as {@code bytes}, which holds ciphertext)
     * @param database a step of an SQL call over the database's socket (process stage, actor DATABASE)
     * @param message one SSE event or WebSocket frame of a long-lived exchange ({@code bytes}: that message as it crossed the socket)
     * @param frame one HTTP/2 frame as it crossed the connection (an h2 exchange's send, parse, respond, interpret)
     */
    public record Extras(SqlReadout sql, TlsRecordReadout tlsRecord, TlsReadout tls, BytesReadout plain,
                         DatabaseReadout database, MessageReadout message, FrameReadout frame) {
        /** Null when every readout is: the common case costs no object. */
        static Extras of(SqlReadout sql, TlsRecordReadout tlsRecord, TlsReadout tls, BytesReadout plain,
                         DatabaseReadout database, MessageReadout message, FrameReadout frame) {
            return sql == null && tlsRecord == null && tls == null && plain == null && database == null && message == null && frame == null
                    ? null : new Extras(sql, tlsRecord, tls, plain, database, message, frame);
        }
    }

    /** An event with every readout. */
    public StageEvent(long exchangeId, long connectionId, Stage stage, Phase phase, Actor actor, long tNanos, String thread,
                      String detail, BytesReadout bytes, BufferReadout buffer, KernelReadout kernel, MemoryReadout memory,
                      SqlReadout sql, TcpReadout tcp, TlsRecordReadout tlsRecord, TlsReadout tls, BytesReadout plain,
                      DatabaseReadout database, MessageReadout message, FrameReadout frame, Phrase phrase) {
        this(exchangeId, connectionId, stage, phase, actor, tNanos, thread, detail, bytes, buffer, kernel, memory, tcp, phrase,
                Extras.of(sql, tlsRecord, tls, plain, database, message, frame));
    }

    public SqlReadout sql() { return extras == null ? null : extras.sql(); }
    public TlsRecordReadout tlsRecord() { return extras == null ? null : extras.tlsRecord(); }
    public TlsReadout tls() { return extras == null ? null : extras.tls(); }
    public BytesReadout plain() { return extras == null ? null : extras.plain(); }
    public DatabaseReadout database() { return extras == null ? null : extras.database(); }
    public MessageReadout message() { return extras == null ? null : extras.message(); }
    public FrameReadout frame() { return extras == null ? null : extras.frame(); }

    /** An event whose detail is only a text. */
    public StageEvent(long exchangeId, long connectionId, Stage stage, Phase phase, Actor actor, long tNanos, String thread,
                      String detail, BytesReadout bytes, BufferReadout buffer, KernelReadout kernel, MemoryReadout memory,
                      SqlReadout sql, TcpReadout tcp, TlsRecordReadout tlsRecord, TlsReadout tls, BytesReadout plain,
                      DatabaseReadout database, MessageReadout message, FrameReadout frame) {
        this(exchangeId, connectionId, stage, phase, actor, tNanos, thread, detail, bytes, buffer, kernel, memory, sql,
                tcp, tlsRecord, tls, plain, database, message, frame, null);
    }

    /** An event without the message and HTTP/2 frame readouts. */
    public StageEvent(long exchangeId, long connectionId, Stage stage, Phase phase, Actor actor, long tNanos, String thread,
                      String detail, BytesReadout bytes, BufferReadout buffer, KernelReadout kernel, MemoryReadout memory,
                      SqlReadout sql, TcpReadout tcp, TlsRecordReadout tlsRecord, TlsReadout tls, BytesReadout plain,
                      DatabaseReadout database) {
        this(exchangeId, connectionId, stage, phase, actor, tNanos, thread, detail, bytes, buffer, kernel, memory, sql,
                tcp, tlsRecord, tls, plain, database, null, null);
    }

    /** An event without the database readout. */
    public StageEvent(long exchangeId, long connectionId, Stage stage, Phase phase, Actor actor, long tNanos, String thread,
                      String detail, BytesReadout bytes, BufferReadout buffer, KernelReadout kernel, MemoryReadout memory,
                      SqlReadout sql, TcpReadout tcp, TlsRecordReadout tlsRecord, TlsReadout tls, BytesReadout plain) {
        this(exchangeId, connectionId, stage, phase, actor, tNanos, thread, detail, bytes, buffer, kernel, memory, sql,
                tcp, tlsRecord, tls, plain, null, null, null);
    }

    /** An event without the connection and TLS readouts. */
    public StageEvent(long exchangeId, long connectionId, Stage stage, Phase phase, Actor actor, long tNanos, String thread,
                      String detail, BytesReadout bytes, BufferReadout buffer, KernelReadout kernel, MemoryReadout memory,
                      SqlReadout sql) {
        this(exchangeId, connectionId, stage, phase, actor, tNanos, thread, detail, bytes, buffer, kernel, memory, sql,
                null, null, null, null, null, null, null);
    }

    /** The same event, of another exchange (a reader that learnt the id late). */
    public StageEvent withExchangeId(long id) {
        return new StageEvent(id, connectionId, stage, phase, actor, tNanos, thread, detail, bytes, buffer, kernel, memory, tcp,
                phrase, extras);
    }

    /**
     * Equal detail texts, phrases and socket bytes share one instance ({@link SharedTexts}): the text
     * and the bytes themselves are unchanged.
     */
    public StageEvent {
        if (bytes != null) bytes = SharedTexts.share(bytes);
        if (phrase != null) {
            detail = null;
            phrase = SharedTexts.share(phrase);
        } else {
            detail = SharedTexts.share(detail);
        }
    }

    /** The detail in English, as recordings keep it (the phrase put into words on the first call). */
    @Override
    public String detail() {
        return phrase == null ? detail : phrase.english();
    }

    /** The detail in {@code language} (English where it has no phrase or no translation). */
    public String detail(Locale language) {
        return phrase == null ? detail : phrase.in(language);
    }

    /** The detail in the language in use: what the app shows. */
    public String detailInUse() {
        return phrase == null ? detail : phrase.inUse();
    }

    /** Starts a builder for an event of this exchange, stage and phase, stamped now on this thread. */
    public static Builder of(long exchangeId, long connectionId, Stage stage, Phase phase, Actor actor, TraceClock clock) {
        return new Builder(exchangeId, connectionId, stage, phase, actor, clock.now(), Thread.currentThread().getName());
    }

    /** The same, stamped at {@code tNanos} (a moment taken before the event could be built). */
    public static Builder at(long exchangeId, long connectionId, Stage stage, Phase phase, Actor actor, long tNanos) {
        return new Builder(exchangeId, connectionId, stage, phase, actor, tNanos, Thread.currentThread().getName());
    }

    public static final class Builder {
        private final long exchangeId;
        private final long connectionId;
        private final Stage stage;
        private final Phase phase;
        private final Actor actor;
        private final long tNanos;
        private final String thread;
        private String detail = "";
        private BytesReadout bytes;
        private BufferReadout buffer;
        private KernelReadout kernel;
        private MemoryReadout memory;
        private SqlReadout sql;
        private TcpReadout tcp;
        private TlsRecordReadout tlsRecord;
        private TlsReadout tls;
        private BytesReadout plain;
        private DatabaseReadout database;
        private MessageReadout message;
        private FrameReadout frame;
        private Phrase phrase;

        private Builder(long exchangeId, long connectionId, Stage stage, Phase phase, Actor actor, long tNanos, String thread) {
            this.exchangeId = exchangeId;
            this.connectionId = connectionId;
            this.stage = stage;
            this.phase = phase;
            this.actor = actor;
            this.tNanos = tNanos;
            this.thread = thread;
        }

        public Builder detail(String detail) { this.detail = detail; this.phrase = null; return this; }
        /** The detail as a phrase: no text is built until someone reads it. */
        public Builder detail(Phrase phrase) { this.phrase = phrase; return this; }
        /** {@code Phrase.of(key, args)}. */
        public Builder said(String key, Object... args) { return detail(Phrase.of(key, args)); }
        public Builder bytes(BytesReadout bytes) { this.bytes = bytes; return this; }
        public Builder buffer(BufferReadout buffer) { this.buffer = buffer; return this; }
        public Builder kernel(KernelReadout kernel) { this.kernel = kernel; return this; }
        public Builder memory(MemoryReadout memory) { this.memory = memory; return this; }
        public Builder sql(SqlReadout sql) { this.sql = sql; return this; }
        public Builder tcp(TcpReadout tcp) { this.tcp = tcp; return this; }
        public Builder tlsRecord(TlsRecordReadout r) { this.tlsRecord = r; return this; }
        public Builder tls(TlsReadout tls) { this.tls = tls; return this; }
        public Builder plain(BytesReadout plain) { this.plain = plain; return this; }
        public Builder database(DatabaseReadout database) { this.database = database; return this; }
        public Builder message(MessageReadout message) { this.message = message; return this; }
        public Builder frame(FrameReadout frame) { this.frame = frame; return this; }

        public StageEvent build() {
            return new StageEvent(exchangeId, connectionId, stage, phase, actor, tNanos, thread, detail,
                    bytes, buffer, kernel, memory, sql, tcp, tlsRecord, tls, plain, database, message, frame, phrase);
        }
    }
}
