package dev.roundtrip.lesson;

import dev.roundtrip.gate.GateMode;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.Stage;
import java.util.List;
import java.util.Set;

/**
 * What the engine does when a step is reached. Each kind has a name used in lesson files
 * ({@code action: send}) and its parameters under {@code with:}; {@link ActionKind} lists them.
 */
public sealed interface Action {
    ActionKind kind();

    /** A step that only tells: no engine action. */
    record Nothing() implements Action {
        public ActionKind kind() { return ActionKind.NONE; }
    }

    /**
     * Sends a structured request, {@code count} times: one after the other ({@code intervalMs}
     * apart) or all at once when {@code concurrent}. When {@code waitForEnd}, the step completes
     * once every exchange is settled or held at a gate. With {@code tls} it goes encrypted to the
     * server's TLS port (https). Every request first takes an idle connection of its kind (cleartext
     * or TLS) if there is one; {@code keepAlive: false} then closes it after the response. With {@code http2}
     * each request is a stream of the client's one HTTP/2 connection (h2c, or h2 with {@code tls}).
     */
    record Send(String method, String target, List<Header> headers, String body, boolean keepAlive,
                Integer timeoutMs, int count, boolean concurrent, int intervalMs, boolean waitForEnd, boolean tls, boolean http2)
            implements Action {
        public Send {
            headers = List.copyOf(headers);
        }

        public ActionKind kind() { return ActionKind.SEND; }
    }

    /** Sends bytes exactly as written (YAML escapes such as \r\n in double quotes). */
    record Raw(String text, Integer timeoutMs, boolean waitForEnd) implements Action {
        public ActionKind kind() { return ActionKind.RAW; }
    }

    /** Changes the server's behaviour from now on; null fields stay as they are. */
    record Server(Integer delayMs, Boolean tcpNoDelay) implements Action {
        public ActionKind kind() { return ActionKind.SERVER; }
    }

    /** Sets the gate mode and, for {@code breakpoints}, the stages to hold before. */
    record Gate(GateMode mode, Set<Stage> stages) implements Action {
        public Gate {
            stages = Set.copyOf(stages);
        }

        public ActionKind kind() { return ActionKind.GATE; }
    }

    /** Releases the oldest hold by one stage, then waits for the next hold or the end. */
    record StepOnce() implements Action {
        public ActionKind kind() { return ActionKind.STEP; }
    }

    /** Lets everything held go, switches the gates back to run mode and waits for the end. */
    record Release() implements Action {
        public ActionKind kind() { return ActionKind.RELEASE; }
    }

    /** The client leaves: cancels the latest exchange; waits until the server has answered anyway. */
    record Cancel() implements Action {
        public ActionKind kind() { return ActionKind.CANCEL; }
    }

    /** A fresh kernel probe of the socket holding the latest exchange's waiting bytes. */
    record Probe() implements Action {
        public ActionKind kind() { return ActionKind.PROBE; }
    }

    /** Waits a while (to let something happen in the background). */
    record Pause(int ms) implements Action {
        public ActionKind kind() { return ActionKind.WAIT; }
    }

    /** Starts a producer, a bounded queue and consumer threads ({@link dev.roundtrip.queue}). */
    record Queue(int jobs, int consumers, int capacity, int workMs, int produceEveryMs) implements Action {
        public ActionKind kind() { return ActionKind.QUEUE; }
    }

    /**
     * Sends one request to a server of the student's own ({@code to}, on this machine) through a capture
     * proxy that records into the lesson's engine, playing the foreign client (as curl would): the
     * captured exchange becomes the lesson's latest.
     */
    record Capture(String to, String method, String target, Integer timeoutMs) implements Action {
        public ActionKind kind() { return ActionKind.CAPTURE; }
    }

    /** Runs the 40 ms experiment ({@link NagleExperiment}): small writes, TCP_NODELAY off then on. */
    record Nagle(int rounds) implements Action {
        public ActionKind kind() { return ActionKind.NAGLE; }
    }

    /**
     * Opens a long-lived exchange on a real-time route ({@code events}: Server-Sent Events, {@code ws}: a
     * WebSocket), stays until the client has heard {@code messages} updates, then leaves.
     */
    record Stream(String route, int messages, int timeoutMs) implements Action {
        public ActionKind kind() { return ActionKind.STREAM; }
    }

    /** The same updates delivered by polling, long polling, SSE and a WebSocket ({@link dev.roundtrip.lab.RealtimeComparison}). */
    record Realtime(int updates, int everyMs, int pollEveryMs) implements Action {
        public ActionKind kind() { return ActionKind.REALTIME; }
    }
}
