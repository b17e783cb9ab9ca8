/**
 * The event-driven alternative to request-response, for lesson 12: a producer thread, a bounded
 * in-process queue and consumer threads ({@link dev.roundtrip.queue.WorkQueue}).
 *
 * <p><b>How it is instrumented, and why this way.</b> A job is not an HTTP exchange: no socket, no
 * kernel, no parse. Mapping it onto {@link dev.roundtrip.trace.Stage} would draw kernel lifelines
 * that play no part, so the queue has its own small parallel of the trace types instead:
 * {@link dev.roundtrip.queue.JobStage} (PRODUCE, WAIT, WORK) with the shared
 * {@link dev.roundtrip.trace.Phase} BEGIN/END, recorded as {@link dev.roundtrip.queue.JobEvent}s
 * in an append-only {@link dev.roundtrip.queue.QueueTrace} (the counterpart of a recording, built on
 * the same {@link dev.roundtrip.trace.AppendOnlyList}). Times come from the lab's
 * {@link dev.roundtrip.trace.TraceClock}, so queue runs and exchanges share one time axis. The
 * queue's lanes (producer, queue, consumer-N) are the lifelines of its own diagram. Job events do
 * not go on the {@link dev.roundtrip.trace.TraceBus}: the exchange recording stays about exchanges.
 * Figures ({@link dev.roundtrip.queue.QueueSummary}) are computed from the trace, never counted on
 * the side.
 */
package dev.roundtrip.queue;
