package dev.roundtrip.trace;

/**
 * One measured step of one exchange. Readouts are null where the step has none.
 *
 * @param exchangeId the exchange this step belongs to
 * @param connectionId the TCP connection it used
 * @param tNanos nanoseconds since the recording began ({@link TraceClock})
 * @param thread the name of the thread that ran the step
 * @param detail a short text a student can read ("read 78 bytes", "SELECT … 1 row")
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
        SqlReadout sql)
        implements TraceEvent {

    /** Equal detail texts share one instance ({@link SharedTexts}): the text itself is unchanged. */
    public StageEvent {
        detail = SharedTexts.share(detail);
    }

    /** Starts a builder for an event of this exchange, stage and phase, stamped now on this thread. */
    public static Builder of(long exchangeId, long connectionId, Stage stage, Phase phase, Actor actor, TraceClock clock) {
        return new Builder(exchangeId, connectionId, stage, phase, actor, clock.now(), Thread.currentThread().getName());
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

        private Builder(long exchangeId, long connectionId, Stage stage, Phase phase, Actor actor, long tNanos, String thread) {
            this.exchangeId = exchangeId;
            this.connectionId = connectionId;
            this.stage = stage;
            this.phase = phase;
            this.actor = actor;
            this.tNanos = tNanos;
            this.thread = thread;
        }

        public Builder detail(String detail) { this.detail = detail; return this; }
        public Builder bytes(BytesReadout bytes) { this.bytes = bytes; return this; }
        public Builder buffer(BufferReadout buffer) { this.buffer = buffer; return this; }
        public Builder kernel(KernelReadout kernel) { this.kernel = kernel; return this; }
        public Builder memory(MemoryReadout memory) { this.memory = memory; return this; }
        public Builder sql(SqlReadout sql) { this.sql = sql; return this; }

        public StageEvent build() {
            return new StageEvent(exchangeId, connectionId, stage, phase, actor, tNanos, thread, detail,
                    bytes, buffer, kernel, memory, sql);
        }
    }
}
