package dev.roundtrip.queue;

import java.util.Locale;

/**
 * The life of one job, the queue's counterpart of the five HTTP stages. Events of one job come in
 * this order, each stage as a BEGIN/END pair ({@link dev.roundtrip.trace.Phase}):
 * <pre>
 *  PRODUCE BEGIN  producer, the job is made and offered to the queue
 *  PRODUCE END    producer, the queue accepted it (the gap is back-pressure: the queue was full)
 *  WAIT    BEGIN  queue, the job sits in the queue (depth after it went in)
 *  WAIT    END    queue, a consumer took it (depth after it came out)
 *  WORK    BEGIN  consumer-N, the consumer starts on it
 *  WORK    END    consumer-N, done
 * </pre>
 * There is no socket and no kernel on this path: the queue is memory shared by threads of one
 * process, which is the point of the comparison with polling a server.
 */
public enum JobStage {
    PRODUCE, WAIT, WORK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
